/**
 * What a thrown network error means decides whether a POST is retried: only a refused connection
 * (nothing was sent) may be, since after a reset the write may have landed. Each failure is
 * produced on a real socket on 127.0.0.1 and read as undici reports it; the error shapes that a
 * loopback socket cannot produce (EPIPE, a multi-address connect) are built as Node builds them.
 */
import { createServer, type Socket } from 'node:net';
import { Client, errors, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { describeTransportError, isMisuseError } from './transport-failure.ts';

const REFUSED = { refused: true, timedOut: false, message: 'the upstream refused the connection' };
const RESET = {
  refused: false,
  timedOut: false,
  message: 'the upstream closed the connection before answering in full',
};
const TIMED_OUT = {
  refused: false,
  timedOut: true,
  message: 'the upstream did not answer in time',
};

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A raw TCP server that does `onRequest` with the socket once the request's first bytes arrive. */
async function rawUpstream(onRequest: (socket: Socket) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', () => onRequest(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${port}`;
}

/** The error a GET to `origin` and reading its body throws. */
async function failureOf(origin: string, options: Parameters<typeof request>[1] = {}) {
  try {
    const response = await request(`${origin}/v1.0/x`, options);
    await response.body.text();
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

const partialAnswer =
  'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"id":';

describe('describeTransportError, on real sockets', () => {
  it('a connection refused (nothing sent) is refused: the one retryable failure', async () => {
    const origin = await rawUpstream(() => {});
    await closers.splice(0)[0]?.();
    expect(describeTransportError(await failureOf(origin))).toEqual(REFUSED);
  });

  it('a close before any byte of the answer is a reset, not refused', async () => {
    const origin = await rawUpstream((socket) => socket.destroy());
    const error = await failureOf(origin);
    expect(error).toBeInstanceOf(errors.SocketError);
    expect(describeTransportError(error)).toEqual(RESET);
  });

  it('a close after a partial answer (status, headers, part of the body) is a reset', async () => {
    const origin = await rawUpstream((socket) => {
      socket.write(partialAnswer);
      setTimeout(() => socket.destroy(), 20);
    });
    expect(describeTransportError(await failureOf(origin))).toEqual(RESET);
  });

  it('a TCP reset (RST) after a partial answer is a reset', async () => {
    const origin = await rawUpstream((socket) => {
      socket.write(partialAnswer);
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    const error = await failureOf(origin);
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNRESET');
    expect(describeTransportError(error)).toEqual(RESET);
  });

  it("undici's headers timer is a timeout", async () => {
    const origin = await rawUpstream(() => {});
    const error = await failureOf(origin, { headersTimeout: 50 });
    expect(error).toBeInstanceOf(errors.HeadersTimeoutError);
    expect(describeTransportError(error)).toEqual(TIMED_OUT);
  });

  it("undici's body timer is a timeout", async () => {
    const origin = await rawUpstream((socket) => socket.write(partialAnswer));
    const error = await failureOf(origin, { bodyTimeout: 50 });
    expect(error).toBeInstanceOf(errors.BodyTimeoutError);
    expect(describeTransportError(error)).toEqual(TIMED_OUT);
  });
});

/** An error as Node's net module builds one: a message, a `code`, an errno and a syscall. */
function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:4010`), { code, syscall: 'connect' });
}

describe('describeTransportError, by code', () => {
  it.each(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'])('%s is a reset', (code) => {
    expect(describeTransportError(systemError(code))).toEqual(RESET);
  });

  it.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('%s is a timeout', (code) => {
    expect(describeTransportError(systemError(code))).toEqual(TIMED_OUT);
  });

  it('a timeout wins over a reset when both are among the causes', () => {
    const error = new Error('failed', { cause: systemError('UND_ERR_HEADERS_TIMEOUT') });
    Object.assign(error, { code: 'UND_ERR_SOCKET' });
    expect(describeTransportError(error)).toEqual(TIMED_OUT);
  });

  it('is refused only when every cause of a multi-address connect is ECONNREFUSED', () => {
    // Node's shape when each address of a host is tried: an AggregateError of one error each.
    const allRefused = Object.assign(
      new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], 'failed'),
      { code: 'ECONNREFUSED' },
    );
    expect(describeTransportError(allRefused)).toEqual(REFUSED);

    // Only a refusal proves nothing was sent; with any other cause beside it, not refused.
    const mixed = new AggregateError(
      [systemError('ECONNREFUSED'), systemError('ECONNRESET')],
      'failed',
    );
    expect(describeTransportError(mixed)).toEqual(RESET);
    const refusedThenUnknown = new AggregateError(
      [systemError('ECONNREFUSED'), systemError('ETIMEDOUT')],
      'failed',
    );
    expect(describeTransportError(refusedThenUnknown)).toEqual({
      refused: false,
      timedOut: false,
      message: 'could not reach the upstream (ECONNREFUSED)',
    });
  });

  it('reads codes through `cause` chains, as undici and fetch wrap socket errors', () => {
    const wrapped = new TypeError('fetch failed', {
      cause: new Error('other side closed', { cause: systemError('ECONNREFUSED') }),
    });
    expect(describeTransportError(wrapped)).toEqual(REFUSED);
    expect(
      describeTransportError(new TypeError('fetch failed', { cause: systemError('EPIPE') })),
    ).toEqual(RESET);
  });

  it('an error without any code is not refused, and says only that the upstream was unreachable', () => {
    expect(describeTransportError(new Error('boom'))).toEqual({
      refused: false,
      timedOut: false,
      message: 'could not reach the upstream',
    });
    expect(describeTransportError(new AggregateError([], 'none'))).toMatchObject({
      refused: false,
    });
  });

  it('names an unknown code, never the host or anything else of the error', () => {
    const error = systemError('ENOTFOUND');
    error.message = 'getaddrinfo ENOTFOUND graph.internal.example';
    expect(describeTransportError(error)).toEqual({
      refused: false,
      timedOut: false,
      message: 'could not reach the upstream (ENOTFOUND)',
    });
  });

  it('ignores what is not an error object: strings, null, numeric codes', () => {
    expect(describeTransportError('ECONNREFUSED').refused).toBe(false);
    expect(describeTransportError(null).refused).toBe(false);
    expect(describeTransportError({ code: 111 }).message).toBe('could not reach the upstream');
    const withJunkCauses = new Error('x', { cause: 'ECONNRESET' });
    Object.assign(withJunkCauses, { errors: 'not an array' });
    expect(describeTransportError(withJunkCauses).message).toBe('could not reach the upstream');
  });

  it('stops on a cyclic cause', () => {
    const error = systemError('ECONNREFUSED');
    (error as { cause?: unknown }).cause = error;
    expect(describeTransportError(error)).toEqual(REFUSED);
  });

  it('reads a bounded number of causes: a 17th nested cause is never reached', () => {
    let error: object = systemError('ECONNRESET');
    for (let depth = 0; depth < 16; depth++) error = new Error('wrapped', { cause: error });
    expect(describeTransportError(error).message).toBe('could not reach the upstream');
    let shallower: object = systemError('ECONNRESET');
    for (let depth = 0; depth < 15; depth++) shallower = new Error('wrapped', { cause: shallower });
    expect(describeTransportError(shallower)).toEqual(RESET);
  });
});

describe('isMisuseError', () => {
  it('is true for the error undici throws on an invalid request, before sending', async () => {
    const origin = await rawUpstream((socket) => socket.destroy());
    const client = new Client(origin);
    closers.push(() => client.destroy());
    const error = await client
      .request({ path: '/', method: 'GET', headers: { 'x-bad': 'a\nb' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(errors.InvalidArgumentError);
    expect(isMisuseError(error)).toBe(true);
    expect(isMisuseError(new Error('wrapped', { cause: error }))).toBe(true);
  });

  it('is false for network failures', async () => {
    const origin = await rawUpstream((socket) => socket.destroy());
    expect(isMisuseError(await failureOf(origin))).toBe(false);
    expect(isMisuseError(systemError('ECONNREFUSED'))).toBe(false);
  });
});
