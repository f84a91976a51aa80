import { type Agent, request as httpRequest } from 'node:http';

/** What a request's body may be here: what the tests send. */
type Body = string | Uint8Array | ReadableStream<Uint8Array>;

/** Statuses whose response a Fetch `Response` must carry without a body. */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * Real HTTP to `base`, answered as a Fetch `Response`: a request goes through the socket, the
 * server and the gateway's node handler, the fast path included, as production serves it. Built
 * on `node:http` rather than the global `fetch` so that only the headers a test sets are sent
 * (with `Host` and the body's framing: `Content-Length` for a string or bytes, chunked for a
 * stream), as a test's in-process request had them.
 */
export function nodeFetch(
  base: string,
  agent: Agent,
  pathOrUrl: string,
  init: RequestInit = {},
): Promise<Response> {
  const target = new URL(pathOrUrl, base);
  const url = new URL(`${target.pathname}${target.search}`, base);
  const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
  const body = init.body as Body | null | undefined;
  if ((typeof body === 'string' || body instanceof Uint8Array) && !('content-length' in headers)) {
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  return new Promise<Response>((resolve, reject) => {
    let answered = false;
    const request = httpRequest(
      url,
      { method: init.method ?? 'GET', headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => {
          answered = true;
          const status = response.statusCode ?? 0;
          const answerHeaders = new Headers();
          const raw = response.rawHeaders;
          for (let i = 0; i + 1 < raw.length; i += 2) {
            answerHeaders.append(raw[i] as string, raw[i + 1] as string);
          }
          resolve(
            new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), {
              status,
              statusText: response.statusMessage,
              headers: answerHeaders,
            }),
          );
        });
      },
    );
    // A server that answers before reading the whole body (a 413) may then close on the rest:
    // the answer is what counts, not the write that met the closed socket.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (body === undefined || body === null) {
      request.end();
    } else if (typeof body === 'string' || body instanceof Uint8Array) {
      request.end(body);
    } else {
      void (async () => {
        try {
          for await (const chunk of body as AsyncIterable<Uint8Array>) {
            if (request.destroyed) return;
            request.write(chunk);
          }
          request.end();
        } catch (error) {
          request.destroy(error as Error);
        }
      })();
    }
  });
}
