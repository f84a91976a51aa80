import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

/** Request bodies over this many bytes are refused with 413 (declared or streamed). */
export const MAX_REQUEST_BODY_BYTES = 100 * 1024;

// One non-negative integer; anything else (a list, a sign) is refused rather than skipped.
const CONTENT_LENGTH = /^\d+$/;

function tooLarge() {
  return createGraphQLError('Request body too large', {
    extensions: { code: 'REQUEST_ENTITY_TOO_LARGE', http: { status: 413 } },
  });
}

/**
 * Refuses bodies over `limit` bytes with 413: by `Content-Length` when declared, else (a chunked
 * body) by counting bytes as they stream. In place of yoga's `maxRequestBodySize`, which pipes
 * every body through a counting stream even when its length is declared; Node's HTTP parser
 * never delivers more than the declared length, so that pass costs a quarter of the gateway's
 * throughput for nothing.
 */
export function useBodyLimit(limit: number = MAX_REQUEST_BODY_BYTES): Plugin {
  return madeBy(useBodyLimit, {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) {
          throw createGraphQLError('Content-Length header is invalid.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        if (Number(declared) > limit) throw tooLarge();
        return;
      }
      if (requestParser === undefined || request.body === null) return;
      setRequestParser((streamed) => requestParser(countingRequest(streamed, limit, fetchAPI)));
    },
  });
}

function countingRequest(
  request: Request,
  limit: number,
  fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream },
): Request {
  const body = request.body;
  if (body === null) return request;
  // A native stream must go through a native TransformStream (yoga does the same, issue 4583).
  const Transform = body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const counted = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: counted,
    duplex: 'half',
  } as RequestInit);
}
