import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { GATEWAY_ERROR_CODES, UNEXPECTED_ERROR_MESSAGE } from '../errors/gateway-error.ts';
import type { TargetFault } from './request-target.ts';

const JSON_TYPE = 'application/json; charset=utf-8';
const UNEXPECTED_BODY = JSON.stringify({
  errors: [
    { message: UNEXPECTED_ERROR_MESSAGE, extensions: { code: GATEWAY_ERROR_CODES.internal } },
  ],
});
const BAD_REQUEST_BODY = JSON.stringify({
  errors: [{ message: 'Bad request.', extensions: { code: 'BAD_REQUEST' } }],
});
const FAULT_MESSAGES: Record<TargetFault, string> = {
  host: 'Bad Request: invalid Host header\n',
  target: 'Bad Request: invalid request target\n',
};

/**
 * Answers a request the front door refused (`checkRequestTarget`): 400 with a one-line plain
 * message, and the connection closed, as Node's own parser does with a malformed request.
 */
export function answerBadTarget(response: ServerResponse, fault: TargetFault): void {
  const body = FAULT_MESSAGES[fault];
  response.writeHead(400, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  response.end(body);
}

/**
 * The last resort for an error nothing else handled, whatever threw it (yoga's server adapter,
 * a plugin, the fast path, a dependency): logs it server-side and answers a bare JSON error
 * with no detail, never the stack or a path the adapter would otherwise send. 400 when yoga's
 * adapter could not build a URL from the request (something `checkRequestTarget` let through),
 * else 500. Once headers are out, there is no honest answer left: the socket is closed.
 */
export function answerUnexpected(
  logger: Logger,
  request: IncomingMessage,
  response: ServerResponse,
  error: unknown,
): void {
  const badUrl = (error as { code?: unknown } | null)?.code === 'ERR_INVALID_URL';
  try {
    logger.error(
      { err: describe(error, request.headers.authorization), method: request.method },
      badUrl
        ? 'request refused: no URL could be built from it'
        : 'unexpected error answering a request',
    );
  } catch {
    // A logger that throws must not stop the answer.
  }
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  const body = badUrl ? BAD_REQUEST_BODY : UNEXPECTED_BODY;
  try {
    // Headers a handler set before it failed (CORS, a draining `connection`) are not ours to keep.
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    response.writeHead(badUrl ? 400 : 500, {
      'content-type': JSON_TYPE,
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  } catch {
    response.destroy();
  }
}

/**
 * What is logged of an error: its type, message and stack only (arbitrary properties could carry
 * request headers), with the caller's token cut out wherever it appears.
 */
function describe(error: unknown, authorization: string | undefined): Record<string, unknown> {
  const scrub = (text: string): string => {
    if (authorization === undefined || authorization === '') return text;
    let scrubbed = text.split(authorization).join('[REDACTED]');
    const token = authorization.replace(/^\S+\s+/, '');
    if (token.length >= 8) scrubbed = scrubbed.split(token).join('[REDACTED]');
    return scrubbed;
  };
  if (error instanceof Error) {
    return {
      type: error.name,
      message: scrub(error.message),
      ...(error.stack === undefined ? {} : { stack: scrub(error.stack) }),
    };
  }
  return { type: typeof error, message: scrub(String(error)) };
}
