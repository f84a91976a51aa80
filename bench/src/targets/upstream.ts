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

/** Answers the number of `$ref` POSTs accepted so far, as `{"calls": N}`. */
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
 * The minimal upstream every target forwards to: answers the bench's `$ref` POST with `204` and
 * a fresh `request-id`, as Graph does. It still checks what matters (exact path with a literal
 * `$ref`, the forwarded token, a body the domain accepts), so a target that sends a wrong call
 * fails its pre-load check instead of being measured. It counts accepted calls, so the bench
 * can show that each GraphQL request made exactly one upstream call.
 */
export function createUpstream(): TargetServer {
  let calls = 0;
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === UPSTREAM_COUNT_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ calls }));
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
        calls += 1;
        response.writeHead(204, { 'request-id': randomUUID() });
        response.end();
      },
      () => response.destroy(),
    );
  });
  return { server, dispose: async () => {} };
}
