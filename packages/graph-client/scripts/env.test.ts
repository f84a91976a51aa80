import { describe, expect, it } from 'vitest';
import { parseBrokerEnv } from './env.ts';

describe('parseBrokerEnv', () => {
  it('explains, naming the variable, when no broker is configured', () => {
    const parsed = parseBrokerEnv({});
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^PACT_BROKER_BASE_URL is not set/);
  });

  it('refuses a broker URL that is not absolute http(s)', () => {
    expect(parseBrokerEnv({ PACT_BROKER_BASE_URL: 'broker.local' })).toMatchObject({ ok: false });
    expect(parseBrokerEnv({ PACT_BROKER_BASE_URL: 'ftp://broker.local' })).toMatchObject({
      ok: false,
    });
  });

  it('reads the broker, version, branch and environment', () => {
    expect(
      parseBrokerEnv({
        PACT_BROKER_BASE_URL: 'https://broker.example',
        PACT_CONSUMER_VERSION: 'abc123',
        PACT_CONSUMER_BRANCH: 'main',
      }),
    ).toEqual({
      ok: true,
      value: {
        baseUrl: 'https://broker.example',
        version: 'abc123',
        branch: 'main',
        environment: 'production',
      },
    });
  });
});
