/**
 * Reading one answer: a body is read up to MAX_BODY_BYTES and no further (one bad upstream must
 * not exhaust the gateway's memory), and a failure's message is Graph's own or built from the
 * status, a 3xx saying it was not followed. Answers come from a real node:http server on
 * 127.0.0.1, read with undici as the client reads them.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { graphErrorEnvelope } from '@connectors/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { readAnswer } from '../test/read-answer.ts';
import { failureFromAnswer, MAX_BODY_BYTES, type UpstreamAnswer } from './upstream-answer.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${port}`;
}

async function answerFrom(
  status: number,
  body: string,
  headers: Record<string, string | string[]> = {},
): Promise<UpstreamAnswer> {
  const origin = await serve((_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  });
  return readAnswer(origin);
}

/** A JSON document (one string) of exactly `bytes` bytes. */
function jsonOfSize(bytes: number): string {
  return `"${'a'.repeat(bytes - 2)}"`;
}

describe('reading an answer', () => {
  it('reads and parses a body of exactly MAX_BODY_BYTES', async () => {
    expect(MAX_BODY_BYTES).toBe(1024 * 1024);
    const answer = await answerFrom(200, jsonOfSize(MAX_BODY_BYTES));
    expect(answer.empty).toBe(false);
    expect(typeof answer.json).toBe('string');
    expect((answer.json as string).length).toBe(MAX_BODY_BYTES - 2);
  });

  it('ignores a body one byte over MAX_BODY_BYTES, though it is valid JSON', async () => {
    const answer = await answerFrom(200, jsonOfSize(MAX_BODY_BYTES + 1));
    expect(answer).toStrictEqual({ status: 200, empty: false });
  });

  it('ignores an oversized body even when what was read of it is valid JSON', async () => {
    // `"ok"` and then whitespace: the first MiB alone parses, so only the cap keeps it out.
    const answer = await answerFrom(200, `"ok"${' '.repeat(2 * 1024 * 1024)}`);
    expect(answer).toStrictEqual({ status: 200, empty: false });
  });

  it('stops reading an endless 2xx body: the upstream gets to send little more than the cap', async () => {
    const LIMIT = 64 * 1024 * 1024;
    let written = 0;
    let closed: () => void = () => {};
    const upstreamDone = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20); // JSON whitespace: valid all the way through
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', closed);
      const pump = () => {
        while (written < LIMIT && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });

    const answer = await readAnswer(origin);
    await upstreamDone;

    expect(answer).toStrictEqual({ status: 200, empty: false });
    // The cap plus what loopback socket buffers hold (a few MiB), far from the 64 MiB on offer.
    expect(written).toBeLessThan(LIMIT / 2);
  });

  it('marks an empty body empty, and a body that is not JSON merely unparsed', async () => {
    expect(await answerFrom(204, '')).toStrictEqual({ status: 204, empty: true });
    expect(await answerFrom(502, '<html>bad gateway</html>')).toStrictEqual({
      status: 502,
      empty: false,
    });
  });

  it('takes request-id from the header first, else from the envelope; Retry-After raw', async () => {
    const body = JSON.stringify(
      graphErrorEnvelope('TooManyRequests', 'Slow down.', { requestId: 'inner' }),
    );
    expect(
      await answerFrom(429, body, { 'request-id': 'header', 'retry-after': '7' }),
    ).toMatchObject({
      status: 429,
      requestId: 'header',
      retryAfter: '7',
    });
    const fromEnvelope = await answerFrom(429, body);
    expect(fromEnvelope.requestId).toBe('inner');
    expect(fromEnvelope).not.toHaveProperty('retryAfter');
    expect(await answerFrom(204, '', { 'request-id': ['first', 'second'] })).toMatchObject({
      requestId: 'first',
    });
    expect(await answerFrom(204, '')).not.toHaveProperty('requestId');
    // Copied only when it looks like one: a GUID or a short token of letters, digits and -_.:
    const guid = '5b3c2f1e-8a7d-4c6b-9e0f-1a2b3c4d5e6f';
    expect((await answerFrom(204, '', { 'request-id': guid })).requestId).toBe(guid);
    for (const odd of ['a'.repeat(129), 'id with spaces', '<script>', 'id"quote', 'é']) {
      expect(await answerFrom(204, '', { 'request-id': odd }), odd).not.toHaveProperty('requestId');
      // A header that is not an id falls back to the envelope's.
      expect((await answerFrom(429, body, { 'request-id': odd })).requestId, odd).toBe('inner');
    }
    const oddInner = JSON.stringify(
      graphErrorEnvelope('TooManyRequests', 'Slow down.', { requestId: 'x'.repeat(200) }),
    );
    expect(await answerFrom(429, oddInner)).not.toHaveProperty('requestId');
    // An envelope without innerError has no request-id to give.
    const bare = JSON.stringify({ error: { code: 'Request_BadRequest', message: 'No.' } });
    expect(await answerFrom(400, bare)).toStrictEqual({
      status: 400,
      empty: false,
      json: { error: { code: 'Request_BadRequest', message: 'No.' } },
      envelope: { error: { code: 'Request_BadRequest', message: 'No.' } },
    });
  });
});

describe('reading the headers and the envelope', () => {
  it('keeps the x-ms-throttle-* headers, whatever their case, each cut to 200 characters', async () => {
    const answer = await answerFrom(429, '', {
      'x-ms-throttle-scope': 'App&Tenant/Directory/tenant-id',
      'X-MS-Throttle-Information': 'i'.repeat(300),
      'x-other': 'not kept',
    });
    expect(answer.throttle).toStrictEqual({
      'x-ms-throttle-scope': 'App&Tenant/Directory/tenant-id',
      'x-ms-throttle-information': 'i'.repeat(200),
    });
    expect(await answerFrom(429, '')).not.toHaveProperty('throttle');
  });

  it("parses Graph's envelope on every status outside 2xx, a 300 included, and on no 2xx", async () => {
    const body = JSON.stringify(
      graphErrorEnvelope('Request_BadRequest', 'No.', { requestId: 'r' }),
    );
    expect((await answerFrom(300, body)).envelope?.error.message).toBe('No.');
    expect((await answerFrom(299, body)).envelope).toBeUndefined();
    expect((await answerFrom(200, body)).envelope).toBeUndefined();
  });
});

describe('failureFromAnswer', () => {
  const keep = (text: string) => text;

  it("uses Graph's message, redacted, with the status, kind and request-id", () => {
    const json = graphErrorEnvelope('Request_BadRequest', 'Bad token abc123456 echoed.', {
      requestId: 'r',
    });
    expect(
      // The envelope as readAnswer parsed it, once (upstream-answer.envelope.test.ts).
      failureFromAnswer(
        { status: 400, empty: false, json, envelope: json, requestId: 'r' },
        (text) => text.replace('abc123456', '[redacted]'),
      ),
    ).toStrictEqual({
      ok: false,
      kind: 'invalidInput',
      message: 'Bad token [redacted] echoed.',
      status: 400,
      requestId: 'r',
    });
  });

  it.each([300, 302, 399])('calls %i a redirect that is never followed', (status) => {
    const failure = failureFromAnswer({ status, empty: true }, keep);
    expect(failure.kind).toBe('unknown');
    expect(failure.message).toBe(
      `the upstream answered ${status} (a redirect); redirects are never followed, so the token only goes to the configured upstream`,
    );
  });

  it.each([
    [299, 'the upstream answered 299'],
    [400, 'the upstream answered 400 Bad Request'],
    [418, "the upstream answered 418 I'm a Teapot"],
    [503, 'the upstream answered 503 Service Unavailable'],
    [599, 'the upstream answered 599'],
  ])('builds the message of a %i without an envelope from the status alone', (status, message) => {
    const failure = failureFromAnswer({ status, empty: false, json: { not: 'graph' } }, keep);
    expect(failure).toStrictEqual({ ok: false, kind: failure.kind, message, status });
  });
});
