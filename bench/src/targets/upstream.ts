import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  ConnectorGroupRestBody,
  GRAPH_ERROR_CODES,
  graphErrorEnvelope,
  memberOfRefPath,
  SEED,
} from '@connectors/domain';
import { BENCH_TOKEN } from '../bench-request.ts';
import type { TargetServer } from './target-server.ts';

/** The version path the minimal upstream serves under, like Graph's `/v1.0`. */
export const UPSTREAM_BASE_PATH = '/v1.0';

/**
 * Answers the `$ref` POSTs so far as `{"calls": N, "received": M}`: `calls` accepted, `received`
 * all of them, the ones shed under overload included.
 */
export const UPSTREAM_COUNT_PATH = '/count';

const REF_PATH = `${UPSTREAM_BASE_PATH}${memberOfRefPath(SEED.applicationId, SEED.connectorId)}`;
const AUTHORIZATION = `Bearer ${BENCH_TOKEN}`;

function sendError(response: ServerResponse, status: number, code: string, message: string) {
  const requestId = randomUUID();
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId });
  response.end(JSON.stringify(graphErrorEnvelope(code, message, { requestId })));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * An upstream slower than the load offered to it (the overload scenario): each call takes
 * `latencyMs`, at most `capacity` at once; a call past that is shed at once with `503` and
 * `Retry-After: 0`, as an overloaded service sheds load.
 */
export interface UpstreamLimits {
  capacity: number;
  latencyMs: number;
}

/**
 * The overload scenario's upstream: 100 ms a call, 32 at once, so 320 calls/s at most: a
 * fifteenth of what the gateway serves against the fast upstream (about 5,000 req/s), so the
 * upstream, not the server under test, is what runs out.
 */
export const SLOW_UPSTREAM: UpstreamLimits = { capacity: 32, latencyMs: 100 };

/**
 * The minimal upstream every target forwards to: answers the bench's `$ref` POST with `204` and
 * a fresh `request-id`, as Graph does. It still checks what matters (exact path with a literal
 * `$ref`, the forwarded token, a body the domain accepts), so a target that sends a wrong call
 * fails its pre-load check instead of being measured. It counts accepted calls, so the bench
 * can show that each GraphQL request made exactly one upstream call. With `limits`, it is the
 * overload scenario's slow upstream instead.
 */
export function createUpstream(limits?: UpstreamLimits): TargetServer {
  let calls = 0;
  let received = 0;
  let inProgress = 0;
  const accept = (response: ServerResponse) => {
    calls += 1;
    response.writeHead(204, { 'request-id': randomUUID() });
    response.end();
  };
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === UPSTREAM_COUNT_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ calls, received }));
      return;
    }
    if (request.method !== 'POST' || request.url !== REF_PATH) {
      request.resume();
      sendError(response, 404, GRAPH_ERROR_CODES.notFound, 'Resource not found.');
      return;
    }
    if (request.headers.authorization !== AUTHORIZATION) {
      request.resume();
      sendError(response, 401, GRAPH_ERROR_CODES.unauthenticated, 'Access token is missing.');
      return;
    }
    readBody(request).then(
      (text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        if (!ConnectorGroupRestBody.safeParse(json).success) {
          sendError(response, 400, GRAPH_ERROR_CODES.badRequest, 'Invalid connectorGroup body.');
          return;
        }
        received += 1;
        if (limits === undefined) {
          accept(response);
          return;
        }
        if (inProgress >= limits.capacity) {
          response.setHeader('retry-after', '0');
          sendError(response, 503, GRAPH_ERROR_CODES.serviceUnavailable, 'Service overloaded.');
          return;
        }
        inProgress += 1;
        setTimeout(() => {
          inProgress -= 1;
          if (!response.destroyed) accept(response);
        }, limits.latencyMs);
      },
      () => response.destroy(),
    );
  });
  return { server, dispose: async () => {} };
}
