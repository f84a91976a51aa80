import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the scripted upstream received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query exactly as sent (so `$ref` vs `%24ref` shows). */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the upstream answers one request; it may also hang or destroy the socket. */
export type Script = (request: ReceivedRequest, response: ServerResponse) => void;

export interface ScriptedUpstream {
  /** `http://127.0.0.1:<port>/v1.0`: what the gateway's client points at. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Replaces the script for the requests that follow. */
  answer(script: Script): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Graph in fault tests: 429s, 5xx, hangs,
 * resets and garbage that fake-graph, a working stand-in, never gives.
 */
export async function startScriptedUpstream(script: Script = noContent): Promise<ScriptedUpstream> {
  const requests: ReceivedRequest[] = [];
  let current = script;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      current(received, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    answer(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Graph's answer to a successful `$ref` POST. */
export const noContent: Script = (_request, response) => {
  response.writeHead(204, { 'request-id': 'upstream-request-1' }).end();
};

/** A Graph error envelope with its `request-id`, as Graph sends it. */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Script {
  return (request, response) => {
    const requestId = `upstream-${status}`;
    response
      .writeHead(status, {
        'content-type': 'application/json',
        'request-id': requestId,
        ...headers,
      })
      .end(
        JSON.stringify({
          error: {
            code,
            message,
            innerError: {
              'request-id': requestId,
              'client-request-id': request.headers['client-request-id'],
              date: '2026-01-01T00:00:00Z',
            },
          },
        }),
      );
  };
}
