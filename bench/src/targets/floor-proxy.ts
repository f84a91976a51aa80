import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { addConnectorMemberOf } from './add-connector-member-of.ts';
import type { TargetDeps, TargetServer } from './target-server.ts';
import { createPoolHop } from './upstream-hop.ts';

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * The floor: a bare `node:http` server that takes the same GraphQL POST, skips GraphQL entirely
 * (no parse, validate or execute: it reads `variables.input`), and forwards the same REST call
 * through the same undici keep-alive Pool. Nothing can do this job for less, so every other
 * target is measured against it.
 */
export function createFloorProxy(deps: TargetDeps): TargetServer {
  const hop = createPoolHop(deps.upstreamUrl);
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/graphql') {
      request.resume();
      sendJson(response, 404, { errors: [{ message: 'Not found.' }] });
      return;
    }
    readBody(request)
      .then(async (text) => {
        const input = (JSON.parse(text) as { variables?: { input?: unknown } }).variables?.input;
        const payload = await addConnectorMemberOf(hop, input, request.headers.authorization);
        sendJson(response, 200, { data: { addConnectorMemberOf: payload } });
      })
      .catch((error: unknown) => {
        const graphQLError =
          error instanceof GraphQLError
            ? error
            : new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL' } });
        sendJson(response, 200, { errors: [graphQLError.toJSON()], data: null });
      });
  });
  return { server, dispose: () => hop.close() };
}
