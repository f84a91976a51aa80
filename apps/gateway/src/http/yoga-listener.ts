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
 * yoga as a `node:http` listener, the same steps as its adapter's own `requestListener` (the
 * Node request made a Fetch `Request`, yoga's pipeline, the `Response` written back with the
 * adapter's `sendNodeResponse`, so every byte is as before) but with two differences:
 * - an error the adapter would answer with its stack in the body (a URL it cannot build, a
 *   plugin that throws, a failure while writing) goes to `onUnexpected` instead;
 * - an answer sent while the request's body is still arriving says `Connection: close`, so
 *   Node closes the socket after it instead of leaving the next request behind unread bytes.
 */
export function yogaListener(
  yoga: Pick<YogaServerInstance<Record<string, unknown>, object>, 'handleNodeRequestAndResponse'>,
  onUnexpected: OnUnexpected,
): NodeHandler {
  return (request, response) => {
    const fail = (error: unknown) => onUnexpected(request, response, error);
    const send = (answer: Response) => {
      try {
        if (bodyPending(request)) response.setHeader('connection', 'close');
        const sent = sendNodeResponse(answer, response, request, true);
        if (isPromiseLike(sent)) sent.then(undefined, fail);
      } catch (error) {
        fail(error);
      }
    };
    let answer: Response | Promise<Response>;
    try {
      // A fresh server context per request, as the adapter makes one: plugins keep state in it.
      answer = yoga.handleNodeRequestAndResponse(request, response, {
        req: request,
        res: response,
      });
    } catch (error) {
      fail(error);
      return;
    }
    if (isPromiseLike(answer)) answer.then(send, fail);
    else send(answer);
  };
}
