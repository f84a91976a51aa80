/**
 * Contract: a streamed answer (`Accept: text/event-stream` or `multipart/mixed`, which yoga
 * serves even for a plain query) keeps HTTP/1.1's connection rules (RFC 9112 6.1, 9.3, 9.6), as
 * every other answer does. A request that does not persist its connection (`Connection: close`,
 * HTTP/1.0 without keep-alive) gets `Connection: close` and the socket closed after the answer;
 * HTTP/1.0 never gets chunked coding; a draining gateway closes after it; a persistent HTTP/1.1
 * connection stays usable. yoga's stream answers say `Connection: keep-alive` whatever was
 * asked, and Node took that header's word over the request's. Raw sockets, as a client sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { RawConnection } from '../../test/raw-http.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';

// Generous: the machine is shared; a streamed answer takes a few ms.
const BOUND_MS = 3_000;
const BODY = graphqlBody('{ __typename }');

const STREAMS = [
  { accept: 'text/event-stream', result: 'data: {"data":{"__typename":"Query"}}' },
  { accept: 'multipart/mixed', result: '{"data":{"__typename":"Query"}}' },
];

function request(
  version: 'HTTP/1.0' | 'HTTP/1.1',
  accept: string,
  extra: string[],
  method: 'GET' | 'POST',
): string {
  const head =
    method === 'GET'
      ? [`GET /graphql?query=${encodeURIComponent('{ __typename }')} ${version}`]
      : [`POST /graphql ${version}`, 'Content-Type: application/json'];
  const lines = [
    ...head,
    'Host: 127.0.0.1',
    `Accept: ${accept}`,
    'x-graphql-yoga-csrf: 1',
    ...extra,
  ];
  if (method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(BODY)}`);
  return `${lines.join('\r\n')}\r\n\r\n${method === 'POST' ? BODY : ''}`;
}

describe.each([
  { mode: 'production', production: true },
  { mode: 'development', production: false },
])('streamed answers in $mode', ({ production }) => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let port: number;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, production });
    port = Number(new URL(await harness.listen()).port);
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });

  /**
   * Sends `bytes` and waits for the server to close the connection (or the bound); `after` is
   * everything past the first response's head, as read (a body without length or chunks).
   */
  async function untilClosed(bytes: string) {
    const connection = new RawConnection(port);
    let raw = '';
    connection.socket.on('data', (chunk: string) => {
      raw += chunk;
    });
    try {
      await connection.connected();
      connection.write(bytes);
      const seen = await connection.untilClosed(BOUND_MS);
      return { ...seen, after: raw.slice(raw.indexOf('\r\n\r\n') + 4) };
    } finally {
      connection.close();
    }
  }

  describe.each(STREAMS)('$accept', ({ accept, result }) => {
    it.each(['GET', 'POST'] as const)(
      '%s over HTTP/1.1 with Connection: close: the answer says close, and the socket closes',
      async (method) => {
        const seen = await untilClosed(request('HTTP/1.1', accept, ['Connection: close'], method));
        expect(seen.closed).toBe(true);
        const [response] = seen.responses;
        expect(response?.status).toBe(200);
        expect(response?.headers.connection).toBe('close');
        expect(response?.headers['content-type']).toContain(accept);
        expect(response?.body).toContain(result);
      },
    );

    it.each([
      { name: 'HTTP/1.0', extra: [] },
      // Node chunks for an HTTP/1.0 request that says `TE: chunked`; RFC 9112 6.1 forbids it.
      { name: 'HTTP/1.0 with TE: chunked', extra: ['TE: chunked'] },
    ])('$name: no chunked coding, the body ends with the connection', async ({ extra }) => {
      const seen = await untilClosed(request('HTTP/1.0', accept, extra, 'GET'));
      expect(seen.closed).toBe(true);
      const [response] = seen.responses;
      expect(response?.status).toBe(200);
      expect(response?.headers['transfer-encoding']).toBeUndefined();
      expect(response?.headers.connection).toBe('close');
      // Neither length nor chunks: the body is everything up to the close.
      expect(seen.after).toContain(result);
    });

    it('HTTP/1.0 with keep-alive: the body is delimited by the close, which says so', async () => {
      const seen = await untilClosed(
        request('HTTP/1.0', accept, ['Connection: keep-alive'], 'GET'),
      );
      expect(seen.closed).toBe(true);
      const [response] = seen.responses;
      expect(response?.headers['transfer-encoding']).toBeUndefined();
      expect(response?.headers.connection).toBe('close');
      expect(seen.after).toContain(result);
    });

    it('while draining: the answer says close, and the socket closes', async () => {
      harness.health.draining = true;
      try {
        const seen = await untilClosed(request('HTTP/1.1', accept, [], 'POST'));
        expect(seen.closed).toBe(true);
        expect(seen.responses[0]?.headers.connection).toBe('close');
        expect(seen.responses[0]?.body).toContain(result);
      } finally {
        harness.health.draining = false;
      }
    });

    it('over a persistent HTTP/1.1 connection: chunked, and the next request is served', async () => {
      const connection = new RawConnection(port);
      try {
        await connection.connected();
        connection.write(request('HTTP/1.1', accept, [], 'POST'));
        connection.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        const seen = await connection.waitFor(
          (exchange) => exchange.responses.length >= 2,
          BOUND_MS,
        );
        const [streamed, next] = seen.responses;
        expect(streamed?.headers['transfer-encoding']).toBe('chunked');
        expect(streamed?.headers.connection).toBe('keep-alive');
        expect(streamed?.body).toContain(result);
        expect(next?.status).toBe(200);
        expect(seen.closed).toBe(false);
      } finally {
        connection.close();
      }
    });
  });
});
