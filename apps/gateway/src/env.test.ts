import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env.ts';
import { DEFAULT_MAX_UPSTREAM_FIELDS } from './protection/upstream-field-limit.ts';
import { clientManifestEntries } from './trusted-documents/client-manifest.ts';
import { documentHash } from './trusted-documents/manifest.ts';

const UPSTREAM_URL = 'http://localhost:4010/v1.0';
const DIR = mkdtempSync(join(tmpdir(), 'gateway-env-'));
const DOCUMENT = 'query Env { __typename }';
const MANIFEST = join(DIR, 'manifest.json');
writeFileSync(MANIFEST, JSON.stringify({ [`sha256:${documentHash(DOCUMENT)}`]: DOCUMENT }));

describe('parseEnv', () => {
  it('applies docs/running.md defaults; only UPSTREAM_URL is required', () => {
    expect(parseEnv({ UPSTREAM_URL })).toEqual({
      PORT: 4000,
      UPSTREAM_URL,
      UPSTREAM_API: 'seed',
      UPSTREAM_TIMEOUT_MS: 10_000,
      UPSTREAM_MAX_RETRIES: 3,
      UPSTREAM_RETRY_BUDGET_MS: 10_000,
      UPSTREAM_MAX_IN_FLIGHT: 64,
      UPSTREAM_MAX_QUEUE: 64,
      UPSTREAM_RETRY_RATIO_PERCENT: 20,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      GATEWAY_FAST_PATH: 'on',
      HEADERS_TIMEOUT_MS: 10_000,
      REQUEST_TIMEOUT_MS: 30_000,
      KEEP_ALIVE_TIMEOUT_MS: 65_000,
      MAX_CONNECTIONS: 1024,
      MAX_HEADER_BYTES: 16_384,
      MAX_UPSTREAM_FIELDS: DEFAULT_MAX_UPSTREAM_FIELDS,
      TRUSTED_DOCUMENTS: clientManifestEntries(),
      TRUSTED_DOCUMENTS_MODE: 'allow',
      SHUTDOWN_DELAY_MS: 5000,
      CORS_ORIGINS: new Set(),
      CORS_CREDENTIALS: false,
    });
  });

  it('reads every variable, and normalises the upstream URL (trailing slash dropped)', () => {
    expect(
      parseEnv({
        PORT: '0',
        UPSTREAM_URL: 'https://graph.microsoft.com/v1.0/',
        UPSTREAM_API: 'seed',
        UPSTREAM_TIMEOUT_MS: '2500',
        UPSTREAM_MAX_RETRIES: '0',
        UPSTREAM_RETRY_BUDGET_MS: '0',
        UPSTREAM_MAX_IN_FLIGHT: '8',
        UPSTREAM_MAX_QUEUE: '0',
        UPSTREAM_RETRY_RATIO_PERCENT: '0',
        LOG_LEVEL: 'debug',
        NODE_ENV: 'production',
        GATEWAY_FAST_PATH: 'off',
        HEADERS_TIMEOUT_MS: '500',
        REQUEST_TIMEOUT_MS: '500',
        KEEP_ALIVE_TIMEOUT_MS: '1000',
        MAX_CONNECTIONS: '2',
        MAX_HEADER_BYTES: '4096',
        MAX_UPSTREAM_FIELDS: '2',
        TRUSTED_DOCUMENTS: MANIFEST,
        TRUSTED_DOCUMENTS_MODE: 'require',
        SHUTDOWN_DELAY_MS: '0',
        HOST: '127.0.0.1',
        METRICS_PORT: '9464',
        CORS_ORIGINS: 'https://admin.example.com, http://localhost:5173',
        CORS_CREDENTIALS: 'true',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/v1/traces',
      }),
    ).toEqual({
      PORT: 0,
      UPSTREAM_URL: 'https://graph.microsoft.com/v1.0',
      UPSTREAM_API: 'seed',
      UPSTREAM_TIMEOUT_MS: 2500,
      UPSTREAM_MAX_RETRIES: 0,
      UPSTREAM_RETRY_BUDGET_MS: 0,
      UPSTREAM_MAX_IN_FLIGHT: 8,
      UPSTREAM_MAX_QUEUE: 0,
      UPSTREAM_RETRY_RATIO_PERCENT: 0,
      LOG_LEVEL: 'debug',
      NODE_ENV: 'production',
      GATEWAY_FAST_PATH: 'off',
      HEADERS_TIMEOUT_MS: 500,
      REQUEST_TIMEOUT_MS: 500,
      KEEP_ALIVE_TIMEOUT_MS: 1000,
      MAX_CONNECTIONS: 2,
      MAX_HEADER_BYTES: 4096,
      MAX_UPSTREAM_FIELDS: 2,
      TRUSTED_DOCUMENTS: [{ hash: documentHash(DOCUMENT), text: DOCUMENT }],
      TRUSTED_DOCUMENTS_MODE: 'require',
      SHUTDOWN_DELAY_MS: 0,
      HOST: '127.0.0.1',
      METRICS_PORT: 9464,
      CORS_ORIGINS: new Set(['https://admin.example.com', 'http://localhost:5173']),
      CORS_CREDENTIALS: true,
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/v1/traces',
    });
  });

  it('treats an empty value as unset', () => {
    expect(parseEnv({ UPSTREAM_URL, PORT: '', LOG_LEVEL: '' })).toMatchObject({
      PORT: 4000,
      LOG_LEVEL: 'info',
    });
  });

  it('reads UPSTREAM_API: seed by default, or graph (Microsoft Graph on beta, or any other host)', () => {
    expect(parseEnv({ UPSTREAM_URL, UPSTREAM_API: '' }).UPSTREAM_API).toBe('seed');
    expect(parseEnv({ UPSTREAM_URL, UPSTREAM_API: 'graph' }).UPSTREAM_API).toBe('graph');
    expect(
      parseEnv({ UPSTREAM_URL: 'https://graph.microsoft.com/beta', UPSTREAM_API: 'graph' }),
    ).toMatchObject({ UPSTREAM_URL: 'https://graph.microsoft.com/beta', UPSTREAM_API: 'graph' });
    // fake-graph serves the documented routes under both versions.
    expect(
      parseEnv({ UPSTREAM_URL: 'http://localhost:4010/beta', UPSTREAM_API: 'graph' }),
    ).toMatchObject({ UPSTREAM_API: 'graph' });
  });

  it('refuses a plain-http UPSTREAM_URL unless its host is loopback: the token travels with each call', () => {
    for (const url of [
      'http://localhost:4010/v1.0',
      'http://127.0.0.1:4010/v1.0',
      'http://[::1]:4010/v1.0',
    ]) {
      expect(parseEnv({ UPSTREAM_URL: url }).UPSTREAM_URL).toBe(url);
    }
    for (const url of [
      'http://graph.microsoft.com/beta',
      'http://10.0.0.5/v1.0',
      'http://localhost.example/v1.0',
    ]) {
      expect(() => parseEnv({ UPSTREAM_URL: url })).toThrow(
        /UPSTREAM_URL must be https unless its host is loopback/,
      );
    }
  });

  it('treats graph.microsoft.com. (trailing dot) as Microsoft Graph for the beta-only check', () => {
    expect(() =>
      parseEnv({ UPSTREAM_URL: 'https://graph.microsoft.com./v1.0', UPSTREAM_API: 'graph' }),
    ).toThrow(/UPSTREAM_URL must be https:\/\/graph.microsoft.com\/beta/);
    expect(
      parseEnv({ UPSTREAM_URL: 'https://GRAPH.microsoft.com./beta', UPSTREAM_API: 'graph' })
        .UPSTREAM_API,
    ).toBe('graph');
  });

  it('refuses CORS_ORIGINS that are not exact origins, null and * included, never echoing them', () => {
    for (const value of [
      'null',
      '*',
      'https://admin.example.org/',
      'https://admin.example.org/app',
      'admin.example.org',
      'ftp://admin.example.org',
      'https://Admin.example.com',
      'https://admin.example.org, null',
    ]) {
      try {
        parseEnv({ UPSTREAM_URL, CORS_ORIGINS: value });
        expect.unreachable(value);
      } catch (error) {
        expect((error as EnvError).variables).toEqual(['CORS_ORIGINS']);
        expect((error as EnvError).message).not.toContain('example.org');
      }
    }
    expect(() => parseEnv({ UPSTREAM_URL, CORS_CREDENTIALS: 'true' })).toThrow(
      /CORS_CREDENTIALS needs CORS_ORIGINS/,
    );
  });

  it('reads HOST, METRICS_PORT and the OTLP endpoints, refusing bad values by name', () => {
    expect(parseEnv({ UPSTREAM_URL, HOST: '::' }).HOST).toBe('::');
    expect(parseEnv({ UPSTREAM_URL, HOST: 'gateway.internal' }).HOST).toBe('gateway.internal');
    for (const [variable, value] of [
      ['HOST', 'not a host'],
      ['HOST', '1:2:3'],
      ['METRICS_PORT', '65536'],
      ['METRICS_PORT', '4000'],
      ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
      ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'grpc://collector:4317'],
    ] as const) {
      try {
        parseEnv({ UPSTREAM_URL, [variable]: value });
        expect.unreachable(`${variable}=${value}`);
      } catch (error) {
        expect((error as EnvError).variables).toEqual([variable]);
      }
    }
  });

  it('refuses UPSTREAM_API=graph against Microsoft Graph off beta, naming UPSTREAM_URL', () => {
    // The connector-group API exists on beta only: on v1.0 every call would fail.
    try {
      parseEnv({ UPSTREAM_URL: 'https://graph.microsoft.com/v1.0', UPSTREAM_API: 'graph' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).variables).toEqual(['UPSTREAM_URL']);
      expect((error as EnvError).message).toContain('beta');
    }
    // The seed profile keeps whatever version it is given.
    expect(
      parseEnv({ UPSTREAM_URL: 'https://graph.microsoft.com/v1.0', UPSTREAM_API: 'seed' })
        .UPSTREAM_API,
    ).toBe('seed');
  });

  it.each([
    ['UPSTREAM_URL', {}],
    ['UPSTREAM_URL', { UPSTREAM_URL: 'localhost:4010' }],
    ['UPSTREAM_URL', { UPSTREAM_URL: 'ftp://example.com/v1.0' }],
    ['UPSTREAM_URL', { UPSTREAM_URL: 'http://example.com/v1.0?x=1' }],
    ['UPSTREAM_API', { UPSTREAM_URL, UPSTREAM_API: 'beta' }],
    ['UPSTREAM_API', { UPSTREAM_URL, UPSTREAM_API: 'Graph' }],
    ['PORT', { UPSTREAM_URL, PORT: 'http' }],
    ['SHUTDOWN_DELAY_MS', { UPSTREAM_URL, SHUTDOWN_DELAY_MS: '-1' }],
    ['PORT', { UPSTREAM_URL, PORT: '65536' }],
    ['PORT', { UPSTREAM_URL, PORT: '-1' }],
    ['UPSTREAM_TIMEOUT_MS', { UPSTREAM_URL, UPSTREAM_TIMEOUT_MS: '0' }],
    ['UPSTREAM_TIMEOUT_MS', { UPSTREAM_URL, UPSTREAM_TIMEOUT_MS: '1.5' }],
    ['UPSTREAM_MAX_RETRIES', { UPSTREAM_URL, UPSTREAM_MAX_RETRIES: 'three' }],
    ['UPSTREAM_RETRY_BUDGET_MS', { UPSTREAM_URL, UPSTREAM_RETRY_BUDGET_MS: '1e4' }],
    ['UPSTREAM_MAX_IN_FLIGHT', { UPSTREAM_URL, UPSTREAM_MAX_IN_FLIGHT: '0' }],
    ['UPSTREAM_MAX_IN_FLIGHT', { UPSTREAM_URL, UPSTREAM_MAX_IN_FLIGHT: '1025' }],
    ['UPSTREAM_MAX_QUEUE', { UPSTREAM_URL, UPSTREAM_MAX_QUEUE: '-1' }],
    ['UPSTREAM_RETRY_RATIO_PERCENT', { UPSTREAM_URL, UPSTREAM_RETRY_RATIO_PERCENT: '101' }],
    ['LOG_LEVEL', { UPSTREAM_URL, LOG_LEVEL: 'verbose' }],
    ['NODE_ENV', { UPSTREAM_URL, NODE_ENV: 'prod' }],
    ['GATEWAY_FAST_PATH', { UPSTREAM_URL, GATEWAY_FAST_PATH: 'true' }],
    ['HEADERS_TIMEOUT_MS', { UPSTREAM_URL, HEADERS_TIMEOUT_MS: '0' }],
    ['REQUEST_TIMEOUT_MS', { UPSTREAM_URL, REQUEST_TIMEOUT_MS: '30s' }],
    ['KEEP_ALIVE_TIMEOUT_MS', { UPSTREAM_URL, KEEP_ALIVE_TIMEOUT_MS: '-1' }],
    ['MAX_CONNECTIONS', { UPSTREAM_URL, MAX_CONNECTIONS: '0' }],
    ['MAX_HEADER_BYTES', { UPSTREAM_URL, MAX_HEADER_BYTES: '512' }],
    ['MAX_HEADER_BYTES', { UPSTREAM_URL, MAX_HEADER_BYTES: '16k' }],
    ['MAX_UPSTREAM_FIELDS', { UPSTREAM_URL, MAX_UPSTREAM_FIELDS: '0' }],
    ['MAX_UPSTREAM_FIELDS', { UPSTREAM_URL, MAX_UPSTREAM_FIELDS: '101' }],
    ['TRUSTED_DOCUMENTS_MODE', { UPSTREAM_URL, TRUSTED_DOCUMENTS_MODE: 'strict' }],
    ['TRUSTED_DOCUMENTS', { UPSTREAM_URL, TRUSTED_DOCUMENTS: join(DIR, 'missing.json') }],
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

  it.each([
    ['missing', null, 'TRUSTED_DOCUMENTS cannot be read (ENOENT)'],
    ['not JSON', '{"sha256:secret-text', 'TRUSTED_DOCUMENTS is not JSON'],
    [
      'not a manifest',
      '["query secret { x }"]',
      'TRUSTED_DOCUMENTS is not a persisted-documents manifest',
    ],
    [
      'a hash that is not its text',
      JSON.stringify({ [`sha256:${documentHash(DOCUMENT)}`]: 'query secret { x }' }),
      `TRUSTED_DOCUMENTS sha256:${documentHash(DOCUMENT)} is not the sha256 of its document`,
    ],
  ])(
    'refuses a TRUSTED_DOCUMENTS file that is %s, saying why, never quoting it',
    (what, content, message) => {
      const path = join(DIR, `${what.replaceAll(' ', '-')}.json`);
      if (content !== null) writeFileSync(path, content);
      try {
        parseEnv({ UPSTREAM_URL, TRUSTED_DOCUMENTS: path });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        expect((error as EnvError).variables).toEqual(['TRUSTED_DOCUMENTS']);
        expect((error as EnvError).message).toContain(message);
        expect((error as EnvError).message).not.toContain('secret');
        expect((error as EnvError).message).not.toContain(path);
      }
    },
  );
});
