import type { IncomingHttpHeaders } from 'node:http';

/**
 * A request as fake-graph's routes see it: one read from a socket, or one step of a JSON batch
 * (batch.ts). The routes take this rather than node's IncomingMessage so that a batch step runs
 * through exactly the code a single request does.
 */
export interface ApiRequest {
  method: string | undefined;
  /** The request-target: path and query, the version segment first. */
  url: string;
  /** Header names lowercased, as node gives them. */
  headers: IncomingHttpHeaders;
  /** The body as text. Rejects with a 413 GraphHttpError past the app's body limit. */
  readBody(): Promise<string>;
  /** True for a step of a JSON batch: a batch inside a batch is refused. */
  inBatch?: boolean;
}

/**
 * An answer being built. Written to the socket once complete, or put into a batch's responses:
 * nothing reaches the wire before the handler has finished, so an error can still replace it.
 */
export interface ApiReply {
  status: number;
  /** Header names lowercased; `content-length` is added when written to a socket. */
  headers: Record<string, string>;
  /** A JSON value, or undefined for no body. */
  body: unknown;
}

/** An empty 200, to be filled in by a handler. */
export function newReply(): ApiReply {
  return { status: 200, headers: {}, body: undefined };
}
