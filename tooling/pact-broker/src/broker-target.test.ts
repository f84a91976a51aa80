import { describe, expect, it } from 'vitest';
import { skipReason } from './broker-target.ts';
import { parseBrokerTestEnv } from './env.ts';
import { rubyToolchain } from './ruby-toolchain.ts';

describe('which broker the tests use', () => {
  it('is the one PACT_BROKER_BASE_URL names, with its credentials passed on', () => {
    expect(
      parseBrokerTestEnv({
        PACT_BROKER_BASE_URL: 'http://localhost:9292',
        PACT_BROKER_USERNAME: 'u',
        PACT_BROKER_PASSWORD: 'p',
      }),
    ).toEqual({
      external: {
        url: 'http://localhost:9292',
        credentials: { PACT_BROKER_USERNAME: 'u', PACT_BROKER_PASSWORD: 'p' },
      },
    });
    expect(parseBrokerTestEnv({ PACT_BROKER_BASE_URL: ' ' })).toEqual({});
    expect(() => parseBrokerTestEnv({ PACT_BROKER_BASE_URL: 'localhost:9292' })).toThrow(
      'PACT_BROKER_BASE_URL must be an absolute http(s) URL',
    );
  });

  it('without Ruby, is none, and the skip says what would run the suite', () => {
    const none = rubyToolchain({ PATH: '/nonexistent' });
    expect(none).toEqual({ ok: false, reason: 'ruby is not on PATH' });
    const reason = skipReason('ruby is not on PATH');
    expect(reason).toContain('Ruby 3.1+ and Bundler');
    expect(reason).toContain('PACT_BROKER_BASE_URL');
  });

  it('finds the Ruby on this machine when there is one', () => {
    const found = rubyToolchain();
    if (found.ok) expect(found.ruby).toMatch(/^3\.\d+\.\d+$/);
    else expect(found.reason).toMatch(/not on PATH|older than 3\.1/);
  });
});
