import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiReply, ApiRequest } from './exchange.ts';
import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';

/** Largest request body read: a connectorGroup is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A request read from a socket, as the routes take it: its body read on demand, bounded. */
export function incoming(req: IncomingMessage): ApiRequest {
  return {
    method: req.method,
    url: req.url ?? '/',
    headers: req.headers,
    readBody: () => readSocketBody(req),
  };
}

/** Writes a complete answer to the socket, its `Content-Length` counted from the JSON text. */
export function writeReply(res: ServerResponse, reply: ApiReply): void {
  const text = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...reply.headers,
    ...(text === undefined ? {} : { 'content-length': Buffer.byteLength(text) }),
  });
  res.end(text);
}

function readSocketBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Answer now; the rest of the body keeps flowing into this listener and is dropped.
      tooLarge = true;
      chunks.length = 0;
      reject(
        new GraphHttpError(
          413,
          FAKE_GRAPH_ERROR_CODES.requestTooLarge,
          `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
          { connection: 'close' },
        ),
      );
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
