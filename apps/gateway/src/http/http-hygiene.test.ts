/**
 * Contract: docs/running.md's HTTP hygiene, over raw sockets as any public endpoint meets it.
 * An absolute-form request target (`POST http://host/graphql HTTP/1.1`) is served exactly like
 * its origin form; a `Host` that is not a valid host is `400` with a short plain message; on
 * every route, in production and in development. Whatever a dependency throws, no body carries a
 * stack or a file path: the answer is a bare JSON error, the cause is logged (never the token),
 * and the gateway keeps serving. A chunked body over 100 KiB gets its `413`, and the connection
 * it came on does not hang: the 413 says `Connection: close` and the socket closes.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { RawConnection, rawRequest, STACK_OR_PATH } from '../../test/raw-http.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { createGateway } from '../create-gateway.ts';
import type { HealthState } from '../health/health.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics, type GatewayMetrics } from '../observability/metrics.ts';
import { MAX_REQUEST_BODY_BYTES } from '../protection/body-limit.ts';
import { clientManifestEntries } from '../trusted-documents/client-manifest.ts';
import { documentHash } from '../trusted-documents/manifest.ts';
import { createGatewayServer, DEFAULT_SERVER_LIMITS } from './gateway-server.ts';

const TOKEN = 'Bearer hygiene-secret-token';
const TYPENAME = graphqlBody('{ __typename }');
const ABSOLUTE_MUTATION = `mutation { addConnectorMemberOf(input: {
      applicationId: "6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12",
      connectorId: "e98f0710-0710-e98f-1007-8fe910078fe9",
      connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "Abs", region: EUR }
    }) { connectorGroup { name } userErrors { code } } }`;
/** The client's manifest and `texts`: the documents the fast path serves here. */
const trusted = (...texts: string[]) => [
  ...clientManifestEntries(),
  ...texts.map((text) => ({ hash: documentHash(text), text })),
];

function portOf(url: string): number {
  return Number(new URL(url).port);
}

/** One HTTP/1.1 request as raw bytes. */
function rawHttp(
  method: string,
  target: string,
  headers: Record<string, string>,
  body?: string,
): string {
  const lines = [`${method} ${target} HTTP/1.1`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Bodies that differ from request to request (counters) are compared by status only. */
  compareBody: boolean;
}

const ROUTES: Route[] = [
  { name: '/healthz', method: 'GET', path: '/healthz', compareBody: true },
  { name: '/readyz', method: 'GET', path: '/readyz', compareBody: true },
  { name: '/metrics', method: 'GET', path: '/metrics', compareBody: false },
  {
    name: 'POST /graphql',
    method: 'POST',
    path: '/graphql',
    headers: { 'Content-Type': 'application/json' },
    body: TYPENAME,
    compareBody: true,
  },
  {
    name: 'GET /graphql',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('{ __typename }')}`,
    headers: { 'x-graphql-yoga-csrf': '1' },
    compareBody: true,
  },
  { name: 'an unknown path', method: 'GET', path: '/nowhere', compareBody: true },
];

// Each is refused by the check before yoga builds its URL; some pass a naive character check
// and only fail as a URL (a port past 65535, an IPv4 octet past 255, a malformed IPv6 literal).
const INVALID_HOSTS = [
  'a b',
  'gateway.test/graphql',
  'user@gateway.test',
  'gateway.test?x',
  'gateway.test#x',
  'gateway.test:99999',
  'gateway.test:80:80',
  '1.2.3.999',
  '[::1',
  '[::g]',
  'gateway\\test',
  'ga<te>way',
];

describe.each([
  { mode: 'production', production: true },
  { mode: 'development', production: false },
])('HTTP hygiene in $mode', ({ production }) => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let port: number;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({
      upstreamBaseUrl: upstream.baseUrl,
      production,
      trustedDocuments: trusted(ABSOLUTE_MUTATION),
    });
    port = portOf(await harness.listen());
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });

  describe.each(ROUTES)('$name', (route) => {
    it.each([
      { host: 'the same authority', other: false },
      { host: 'another authority (RFC 9112 3.2.2: the target wins)', other: true },
    ])(
      'in absolute form, Host naming $host, is served exactly like in origin form',
      async ({ other }) => {
        const headers = { Host: `127.0.0.1:${port}`, ...route.headers, Connection: 'close' };
        const origin = await rawRequest(
          port,
          rawHttp(route.method, route.path, headers, route.body),
        );
        const absolute = await rawRequest(
          port,
          rawHttp(
            route.method,
            `http://127.0.0.1:${port}${route.path}`,
            other ? { ...headers, Host: 'elsewhere.example' } : headers,
            route.body,
          ),
        );
        const [originAnswer] = origin.responses;
        const [absoluteAnswer] = absolute.responses;
        expect(originAnswer?.status).toBeLessThan(500);
        expect(absoluteAnswer?.status).toBe(originAnswer?.status);
        expect(absoluteAnswer?.headers['content-type']).toBe(originAnswer?.headers['content-type']);
        if (route.compareBody) expect(absoluteAnswer?.body).toBe(originAnswer?.body);
        expect(absoluteAnswer?.body).not.toMatch(STACK_OR_PATH);
      },
    );

    it.each(INVALID_HOSTS)('with Host %j is 400 with a short plain message', async (host) => {
      const answer = await rawRequest(
        port,
        rawHttp(route.method, route.path, { Host: host, ...route.headers }, route.body),
      );
      const [response] = answer.responses;
      expect(response?.status).toBe(400);
      expect(response?.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response?.body).toBe('Bad Request: invalid Host header\n');
      // A malformed request is not worth keeping the connection for.
      expect(response?.headers.connection).toBe('close');
    });

    // RFC 9112 3.2: more than one Host field line is 400, whatever the values. Node keeps the
    // first and drops the rest, so the request ran as if the second had not been sent.
    it.each([
      { name: 'the same value twice', second: 'Host: gateway.test', target: route.path },
      { name: 'another value', second: 'Host: evil.example', target: route.path },
      { name: 'a lower-case name', second: 'host: evil.example', target: route.path },
      { name: 'an empty second', second: 'HOST:', target: route.path },
      {
        name: 'an absolute-form target',
        second: 'Host: evil.example',
        target: `http://gateway.test${route.path}`,
      },
    ])('with two Host headers ($name) is 400 with a short plain message', async (c) => {
      const request = rawHttp(
        route.method,
        c.target,
        { Host: 'gateway.test', ...route.headers },
        route.body,
      );
      // The second Host right after the request line, before the first.
      const twoHosts = request.replace('\r\n', `\r\n${c.second}\r\n`);
      const answer = await rawRequest(port, twoHosts);
      const [response] = answer.responses;
      expect(response?.status).toBe(400);
      expect(response?.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response?.body).toBe('Bad Request: invalid Host header\n');
      expect(response?.headers.connection).toBe('close');
    });
  });

  it('a mutation with two Host headers never reaches the upstream', async () => {
    const query = `mutation { addConnectorMemberOf(input: {
      applicationId: "6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12",
      connectorId: "e98f0710-0710-e98f-1007-8fe910078fe9",
      connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "Two", region: EUR }
    }) { connectorGroup { name } userErrors { code } } }`;
    const body = graphqlBody(query);
    const calls = upstream.requests.length;
    // Both paths: a small JSON POST is the fast path's; a chunked one is yoga's.
    for (const framing of ['length', 'chunked'] as const) {
      const framed =
        framing === 'length'
          ? `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
          : `Transfer-Encoding: chunked\r\n\r\n${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      const answer = await rawRequest(
        port,
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: ${TOKEN}\r\nHost: evil.example\r\n${framed}`,
      );
      expect(answer.responses[0]?.status).toBe(400);
    }
    expect(upstream.requests.length).toBe(calls);
  });

  it('an absolute-form mutation on the fast path is served like the origin form', async () => {
    const body = graphqlBody(ABSOLUTE_MUTATION);
    const headers = {
      Host: `127.0.0.1:${port}`,
      'Content-Type': 'application/json',
      Authorization: TOKEN,
      Connection: 'close',
    };
    const calls = upstream.requests.length;
    const first = await rawRequest(port, rawHttp('POST', '/graphql', headers, body));
    const served = harness.gateway.fastPathStats.served;
    const absolute = await rawRequest(
      port,
      rawHttp('POST', `http://127.0.0.1:${port}/graphql`, headers, body),
    );
    expect(harness.gateway.fastPathStats.served).toBe(served + 1);
    expect(absolute.responses[0]?.status).toBe(200);
    expect(absolute.responses[0]?.body).toBe(first.responses[0]?.body);
    expect(upstream.requests.length).toBe(calls + 2);
    expect(upstream.requests.at(-1)?.url).toBe(upstream.requests.at(-2)?.url);
  });

  it.each([
    '*',
    'graphql',
    '@evil.example/graphql',
    ':99999/graphql',
    'ftp://127.0.0.1/graphql',
    'http://user@127.0.0.1/graphql',
    'http://a b/graphql',
  ])(
    'a request target %j that is neither origin nor absolute form is 400, no stack',
    async (target) => {
      const answer = await rawRequest(
        port,
        rawHttp('GET', target, { Host: `127.0.0.1:${port}`, Connection: 'close' }),
      );
      const [response] = answer.responses;
      // Node's own parser refuses some of these first; either way it is a plain 400.
      expect(response?.status).toBe(400);
      expect(response?.body ?? '').not.toMatch(STACK_OR_PATH);
    },
  );

  it('an HTTP/1.0 request without Host is served (the local address stands in)', async () => {
    const answer = await rawRequest(port, 'GET /healthz HTTP/1.0\r\n\r\n');
    expect(answer.responses[0]?.status).toBe(200);
  });
});

describe('a chunked body over the limit', () => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let port: number;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl });
    port = portOf(await harness.listen());
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });

  it('gets 413, and the next request on that connection is not left hanging', async () => {
    const connection = new RawConnection(port);
    try {
      await connection.connected();
      const chunk = 'x'.repeat(16 * 1024);
      const chunks = Math.ceil((MAX_REQUEST_BODY_BYTES + 50 * 1024) / chunk.length);
      let request = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
      request += `${(8).toString(16)}\r\n{"query"\r\n`;
      for (let index = 0; index < chunks; index++) {
        request += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
      }
      request += '0\r\n\r\n';
      connection.write(request);
      connection.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);

      // Bounded well below Node's 5 s keep-alive timeout, which is what ended the hang before.
      const seen = await connection.waitFor((exchange) => exchange.responses.length >= 2, 3_000);
      const [tooLarge, next] = seen.responses;
      expect(tooLarge?.status).toBe(413);
      if (next === undefined) {
        // The other answer the contract allows: the 413 says so, and the socket closes.
        expect(tooLarge?.headers.connection).toBe('close');
        expect(seen.closed).toBe(true);
      } else {
        expect(next.status).toBe(200);
      }
      expect(upstream.requests).toHaveLength(0);
    } finally {
      connection.close();
    }
  });

  it('a declared body over the limit on a keep-alive connection: the same', async () => {
    const connection = new RawConnection(port);
    try {
      await connection.connected();
      const body = 'x'.repeat(MAX_REQUEST_BODY_BYTES + 1);
      connection.write(
        `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
      connection.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      const seen = await connection.waitFor((exchange) => exchange.responses.length >= 2, 3_000);
      const [tooLarge, next] = seen.responses;
      expect(tooLarge?.status).toBe(413);
      if (next === undefined) {
        expect(tooLarge?.headers.connection).toBe('close');
        expect(seen.closed).toBe(true);
      } else {
        expect(next.status).toBe(200);
      }
    } finally {
      connection.close();
    }
  });
});

describe('whatever a dependency throws', () => {
  const SECRET_DETAIL = 'boom in /srv/gateway/src/secret-module.ts:42';

  async function start(options: {
    health?: HealthState;
    metrics?: GatewayMetrics;
    trustedTexts?: string[];
  }) {
    const logLines: string[] = [];
    const upstream = await startScriptedUpstream();
    const { GraphClient } = await import('@connectors/graph-client');
    const client = new GraphClient({ baseUrl: upstream.baseUrl, timeoutMs: 2000, maxRetries: 0 });
    const gateway = createGateway({
      client,
      logger: createLogger({
        level: 'info',
        destination: { write: (line: string) => void logLines.push(line) },
      }),
      metrics: options.metrics ?? createMetrics(),
      production: true,
      ...(options.health === undefined ? {} : { health: options.health }),
      trustedDocuments: trusted(...(options.trustedTexts ?? [])),
    });
    const server = createGatewayServer(gateway, { limits: DEFAULT_SERVER_LIMITS });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      gateway,
      port: (server.address() as AddressInfo).port,
      logLines,
      upstream,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await client.close();
        await upstream.close();
      },
    };
  }

  function throwing(): never {
    const error = new Error(`${SECRET_DETAIL} while holding ${TOKEN}`);
    throw error;
  }

  it('in a plugin before GraphQL (readiness): a bare 500, logged, and the gateway serves on', async () => {
    const started = await start({
      health: {
        get draining(): boolean {
          return throwing();
        },
        set draining(_value: boolean) {},
      },
    });
    try {
      const answer = await rawRequest(
        started.port,
        rawHttp('GET', '/readyz', {
          Host: 'gateway.test',
          Authorization: TOKEN,
          Connection: 'close',
        }),
      );
      const [response] = answer.responses;
      expect(response?.status).toBe(500);
      expect(response?.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(response?.body ?? '')).toEqual({
        errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(response?.body).not.toMatch(STACK_OR_PATH);
      const healthz = await rawRequest(
        started.port,
        rawHttp('GET', '/healthz', { Host: 'gateway.test', Connection: 'close' }),
      );
      expect(healthz.responses[0]?.status).toBe(200);
      const logged = started.logLines.join('\n');
      expect(logged).toContain('secret-module.ts');
      expect(logged).not.toContain('hygiene-secret-token');
    } finally {
      await started.close();
    }
  });

  it.each([
    // `{ __typename }` outside the trusted documents goes to yoga; trusted, to the fast path.
    { path: 'yoga', trustedTexts: [], served: 0 },
    { path: 'the fast path', trustedTexts: ['{ __typename }'], served: 1 },
  ])(
    'while answering a GraphQL request on $path: a bare 500, logged, serving on',
    async ({ trustedTexts, served }) => {
      const real = createMetrics();
      const metrics: GatewayMetrics = {
        ...real,
        recordRequest() {
          throwing();
        },
      };
      const started = await start({ metrics, trustedTexts });
      try {
        const headers = {
          Host: 'gateway.test',
          'Content-Type': 'application/json',
          Authorization: TOKEN,
          Connection: 'close',
        };
        const answer = await rawRequest(
          started.port,
          rawHttp('POST', '/graphql', headers, TYPENAME),
        );
        const last = answer.responses[0];
        expect(started.gateway.fastPathStats.served).toBe(served);
        expect(last?.status).toBe(500);
        expect(last?.body).not.toMatch(STACK_OR_PATH);
        expect(last?.body).not.toContain('boom');
        expect(JSON.parse(last?.body ?? '')).toEqual({
          errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
        const healthz = await rawRequest(
          started.port,
          rawHttp('GET', '/healthz', { Host: 'gateway.test', Connection: 'close' }),
        );
        expect(healthz.responses[0]?.status).toBe(200);
        const logged = started.logLines.join('\n');
        expect(logged).toContain('secret-module.ts');
        expect(logged).not.toContain('hygiene-secret-token');
      } finally {
        await started.close();
      }
    },
  );
});
