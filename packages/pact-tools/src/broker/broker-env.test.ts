import { describe, expect, it } from 'vitest';
import { NO_BROKER_MESSAGE, parseBrokerEnv } from './broker-env.ts';

describe('parseBrokerEnv', () => {
  it('explains, naming the variable, when no broker is configured (empty counts as unset)', () => {
    expect(parseBrokerEnv({})).toEqual({ ok: false, message: NO_BROKER_MESSAGE });
    expect(parseBrokerEnv({ PACT_BROKER_BASE_URL: '  ' })).toEqual({
      ok: false,
      message: NO_BROKER_MESSAGE,
    });
    expect(NO_BROKER_MESSAGE).toMatch(/^PACT_BROKER_BASE_URL is not set/);
  });

  it('refuses a broker URL that is not absolute http(s)', () => {
    for (const url of ['broker.local', 'ftp://broker.local']) {
      expect(parseBrokerEnv({ PACT_BROKER_BASE_URL: url })).toEqual({
        ok: false,
        message: 'PACT_BROKER_BASE_URL must be an absolute http(s) URL',
      });
    }
  });

  it('reads the broker, version, branch, environment and whether this is CI', () => {
    expect(
      parseBrokerEnv({
        PACT_BROKER_BASE_URL: 'https://broker.example',
        PACT_VERSION: 'abc123',
        PACT_BRANCH: 'main',
        PACT_ENVIRONMENT: 'staging',
        CI: 'true',
      }),
    ).toEqual({
      ok: true,
      value: {
        baseUrl: 'https://broker.example',
        version: 'abc123',
        branch: 'main',
        environment: 'staging',
        ci: true,
      },
    });
  });

  it('reads PACT_URL, the one pact a webhook asks to verify, and refuses one that is not a URL', () => {
    const base = { PACT_BROKER_BASE_URL: 'http://broker.local' };
    expect(
      parseBrokerEnv({
        ...base,
        PACT_URL: 'http://broker.local/pacts/provider/p/consumer/c/pact-version/1',
      }),
    ).toMatchObject({
      value: { pactUrl: 'http://broker.local/pacts/provider/p/consumer/c/pact-version/1' },
    });
    expect(parseBrokerEnv({ ...base, PACT_URL: 'pacts/x.json' })).toEqual({
      ok: false,
      message: 'PACT_URL must be an absolute http(s) URL (the pact the webhook names)',
    });
  });

  it('defaults to production, and to not CI unless CI is true or 1', () => {
    const base = { PACT_BROKER_BASE_URL: 'http://broker.local' };
    expect(parseBrokerEnv(base)).toEqual({
      ok: true,
      value: { baseUrl: 'http://broker.local', environment: 'production', ci: false },
    });
    expect(parseBrokerEnv({ ...base, CI: '1' })).toMatchObject({ value: { ci: true } });
    expect(parseBrokerEnv({ ...base, CI: 'false' })).toMatchObject({ value: { ci: false } });
  });
});
