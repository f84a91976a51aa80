import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';

const UPSTREAM_URL = 'http://localhost:4010/v1.0';

describe('parseEnv', () => {
  it('applies API.md section 3 defaults; only UPSTREAM_URL is required', () => {
    expect(parseEnv({ UPSTREAM_URL })).toEqual({
      PORT: 4000,
      UPSTREAM_URL,
      UPSTREAM_TIMEOUT_MS: 10_000,
      UPSTREAM_MAX_RETRIES: 3,
      UPSTREAM_RETRY_BUDGET_MS: 10_000,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      GATEWAY_FAST_PATH: 'on',
      HEADERS_TIMEOUT_MS: 10_000,
      REQUEST_TIMEOUT_MS: 30_000,
      KEEP_ALIVE_TIMEOUT_MS: 65_000,
      MAX_CONNECTIONS: 1024,
      MAX_HEADER_BYTES: 16_384,
    });
  });

  it('reads every variable, and normalises the upstream URL (trailing slash dropped)', () => {
    expect(
      parseEnv({
        PORT: '0',
        UPSTREAM_URL: 'https://graph.microsoft.com/v1.0/',
        UPSTREAM_TIMEOUT_MS: '2500',
        UPSTREAM_MAX_RETRIES: '0',
        UPSTREAM_RETRY_BUDGET_MS: '0',
        LOG_LEVEL: 'debug',
        NODE_ENV: 'production',
        GATEWAY_FAST_PATH: 'off',
        HEADERS_TIMEOUT_MS: '500',
        REQUEST_TIMEOUT_MS: '500',
        KEEP_ALIVE_TIMEOUT_MS: '1000',
        MAX_CONNECTIONS: '2',
        MAX_HEADER_BYTES: '4096',
      }),
    ).toEqual({
      PORT: 0,
      UPSTREAM_URL: 'https://graph.microsoft.com/v1.0',
      UPSTREAM_TIMEOUT_MS: 2500,
      UPSTREAM_MAX_RETRIES: 0,
      UPSTREAM_RETRY_BUDGET_MS: 0,
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      GATEWAY_FAST_PATH: 'off',
      HEADERS_TIMEOUT_MS: 500,
      REQUEST_TIMEOUT_MS: 500,
      KEEP_ALIVE_TIMEOUT_MS: 1000,
      MAX_CONNECTIONS: 2,
      MAX_HEADER_BYTES: 4096,
    });
  });

  it('treats an empty value as unset', () => {
    expect(parseEnv({ UPSTREAM_URL, PORT: '', LOG_LEVEL: '' })).toMatchObject({
      PORT: 4000,
      LOG_LEVEL: 'info',
    });
  });

  it.each([
    ['UPSTREAM_URL', {}],
    ['UPSTREAM_URL', { UPSTREAM_URL: 'localhost:4010' }],
    ['UPSTREAM_URL', { UPSTREAM_URL: 'ftp://example.com/v1.0' }],
    ['UPSTREAM_URL', { UPSTREAM_URL: 'http://example.com/v1.0?x=1' }],
    ['PORT', { UPSTREAM_URL, PORT: 'http' }],
    ['PORT', { UPSTREAM_URL, PORT: '65536' }],
    ['PORT', { UPSTREAM_URL, PORT: '-1' }],
    ['UPSTREAM_TIMEOUT_MS', { UPSTREAM_URL, UPSTREAM_TIMEOUT_MS: '0' }],
    ['UPSTREAM_TIMEOUT_MS', { UPSTREAM_URL, UPSTREAM_TIMEOUT_MS: '1.5' }],
    ['UPSTREAM_MAX_RETRIES', { UPSTREAM_URL, UPSTREAM_MAX_RETRIES: 'three' }],
    ['UPSTREAM_RETRY_BUDGET_MS', { UPSTREAM_URL, UPSTREAM_RETRY_BUDGET_MS: '1e4' }],
    ['LOG_LEVEL', { UPSTREAM_URL, LOG_LEVEL: 'verbose' }],
    ['NODE_ENV', { UPSTREAM_URL, NODE_ENV: 'prod' }],
    ['GATEWAY_FAST_PATH', { UPSTREAM_URL, GATEWAY_FAST_PATH: 'true' }],
    ['HEADERS_TIMEOUT_MS', { UPSTREAM_URL, HEADERS_TIMEOUT_MS: '0' }],
    ['REQUEST_TIMEOUT_MS', { UPSTREAM_URL, REQUEST_TIMEOUT_MS: '30s' }],
    ['KEEP_ALIVE_TIMEOUT_MS', { UPSTREAM_URL, KEEP_ALIVE_TIMEOUT_MS: '-1' }],
    ['MAX_CONNECTIONS', { UPSTREAM_URL, MAX_CONNECTIONS: '0' }],
    ['MAX_HEADER_BYTES', { UPSTREAM_URL, MAX_HEADER_BYTES: '512' }],
    ['MAX_HEADER_BYTES', { UPSTREAM_URL, MAX_HEADER_BYTES: '16k' }],
  ] as const)('refuses a bad %s, naming it', (variable, source) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    try {
      parseEnv(source);
    } catch (error) {
      expect((error as EnvError).variables).toEqual([variable]);
      expect((error as EnvError).message).toContain(variable);
    }
  });

  it('refuses a headers timeout longer than the request timeout, naming both', () => {
    // The request timeout covers the headers too: a longer headers timeout could never fire.
    try {
      parseEnv({ UPSTREAM_URL, HEADERS_TIMEOUT_MS: '40000' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).variables).toEqual(['HEADERS_TIMEOUT_MS']);
      expect((error as EnvError).message).toContain('HEADERS_TIMEOUT_MS');
      expect((error as EnvError).message).toContain('REQUEST_TIMEOUT_MS');
    }
    expect(
      parseEnv({ UPSTREAM_URL, HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '40000' }),
    ).toMatchObject({ HEADERS_TIMEOUT_MS: 40_000, REQUEST_TIMEOUT_MS: 40_000 });
  });

  it('names every bad variable at once, never echoing a value', () => {
    const secret = 'https://user:hunter2@example.com/v1.0';
    try {
      parseEnv({ UPSTREAM_URL: secret, PORT: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).variables.sort()).toEqual(['PORT', 'UPSTREAM_URL']);
      expect((error as EnvError).message).not.toContain('hunter2');
    }
    try {
      parseEnv({ UPSTREAM_URL: 'user:hunter2@example' });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).message).not.toContain('hunter2');
    }
  });
});
