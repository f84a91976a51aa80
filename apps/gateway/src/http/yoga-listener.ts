import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendNodeResponse } from '@whatwg-node/server';
import type { YogaServerInstance } from 'graphql-yoga';

/** A `node:http` request listener. */
export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** What the listener does with an error yoga's adapter would have sent as a stack. */
export type OnUnexpected = (
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
) => void;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Whether the request's body is still arriving: it declared one and Node has not read all of it.
 * The body limit's 413 for a chunked body stops reading part way; answered on a keep-alive
 * connection, the rest of that body would sit unread in front of the next request, which then
 * hung until the keep-alive timeout reset the socket.
 */
function bodyPending(request: IncomingMessage): boolean {
  if (request.complete) return false;
  const headers = request.headers;
  const declared = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (declared !== undefined && declared !== '0');
}

/**
 * Whether the connection outlives this answer, as Node decides it from the request: persistent
 * (HTTP/1.1 without `Connection: close`, or HTTP/1.0 with keep-alive), of a version Node answers
 * as 1.1 (it treats any `x.0` as 1.0), and nothing here has said `Connection: close` (the body
 * limit, below; draining, in `gateway-server.ts`).
 */
function persists(request: IncomingMessage, response: ServerResponse): boolean {
  return (
    response.shouldKeepAlive &&
    request.httpVersionMajor >= 1 &&
    request.httpVersionMinor >= 1 &&
    response.getHeader('connection') !== 'close'
  );
}

/**
 * Puts the connection's fate back in Node's hands for an answer that must end it. yoga's
 * streamed answers (`text/event-stream`, `multipart/mixed`) carry `Connection: keep-alive`,
 * and a `Connection` header set by the handler overrides what Node would say: `Connection:
 * close` was ignored, the socket left open, and an HTTP/1.0 client's body (no length, no
 * chunks) never ended (RFC 9112 9.3, 9.6). Without yoga's header Node says `close` and closes.
 * For HTTP/1.0 no chunked coding either (RFC 9112 6.1): yoga's multipart answer asks for it, and
 * Node chunks for an HTTP/1.0 request that sends `TE: chunked`.
 */
function endsConnection(request: IncomingMessage, response: ServerResponse, answer: Response) {
  // Only an answer that has the header is changed: deleting from the adapter's Headers turns its
  // raw storage into a normalised one, and every header name of that answer goes out lower-cased
  // (measured: the differential test then sees `content-type` where the fast path says
  // `Content-Type`). Plain JSON answers carry neither header, so they are written untouched.
  if (answer.headers.has('connection')) answer.headers.delete('connection');
  if (request.httpVersionMajor < 1 || request.httpVersionMinor < 1) {
    // yoga's multipart answer sets `Transfer-Encoding: chunked` itself, whatever the version.
    if (answer.headers.has('transfer-encoding')) answer.headers.delete('transfer-encoding');
    response.useChunkedEncodingByDefault = false;
  }
}

/**
 * yoga as a `node:http` listener, the same steps as its adapter's own `requestListener` (the
 * Node request made a Fetch `Request`, yoga's pipeline, the `Response` written back with the
 * adapter's `sendNodeResponse`, so every byte is as before) but with two differences:
 * - an error the adapter would answer with its stack in the body (a URL it cannot build, a
 *   plugin that throws, a failure while writing) goes to `onUnexpected` instead;
 * - an answer sent while the request's body is still arriving says `Connection: close`, so
 *   Node closes the socket after it instead of leaving the next request behind unread bytes;
 * - an answer on a connection that does not persist (see `persists`) drops yoga's own
 *   `Connection` header, so the connection ends as the request and the gateway asked.
 * Per answer that costs a few property reads and one header lookup; more only when it closes.
 */
export function yogaListener<C extends object>(
  yoga: Pick<YogaServerInstance<C, object>, 'handleNodeRequestAndResponse'>,
  onUnexpected: OnUnexpected,
): (request: IncomingMessage, response: ServerResponse, context: C) => void {
  return (request, response, context) => {
    const fail = (error: unknown) => onUnexpected(request, response, error);
    const send = (answer: Response) => {
      try {
        if (bodyPending(request)) response.setHeader('connection', 'close');
        if (!persists(request, response)) endsConnection(request, response, answer);
        const sent = sendNodeResponse(answer, response, request, true);
        if (isPromiseLike(sent)) sent.then(undefined, fail);
      } catch (error) {
        fail(error);
      }
    };
    let answer: Response | Promise<Response>;
    try {
      // A fresh server context per request, as the adapter makes one: plugins keep state in it.
      // The caller's part of it (the gateway's: the request's trace) comes with each request.
      answer = yoga.handleNodeRequestAndResponse(request, response, {
        req: request,
        res: response,
        ...context,
      } as unknown as C);
    } catch (error) {
      fail(error);
      return;
    }
    if (isPromiseLike(answer)) answer.then(send, fail);
    else send(answer);
  };
}
