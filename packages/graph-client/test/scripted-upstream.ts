import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the scripted upstream does with one request. */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Never answer (the client's timeout must end the attempt). */
  hang?: boolean;
  /** Destroy the connection after reading the request, before any byte of the answer. */
  reset?: boolean;
  /** Send the status line and part of a longer body, then destroy the connection. */
  resetMidBody?: boolean;
  /** Answer this many milliseconds after the request's last byte (a slow upstream). */
  delayMs?: number;
}

/** A request as the upstream saw it: the raw request-target, headers, body and connection. */
export interface RecordedRequest {
  method: string;
  /** The request-target exactly as sent (so `%24ref` and `$ref` differ). */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** 1 for the first connection the server accepted, 2 for the next, and so on. */
  connection: number;
}

/** A real HTTP server on 127.0.0.1 that answers from a script and records what it received. */
export interface ScriptedUpstream {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests received and not yet answered (or dropped), now. */
  inFlight(): number;
  /** The most requests it held unanswered at once. */
  maxInFlight(): number;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Starts the server. `script` is a list (one reply per request, the last one repeated) or a
 * function of the request's index.
 * @param port 0 for any free port; a fixed one only to re-open a port a test closed itself
 */
export async function startScriptedUpstream(
  script: ScriptedReply[] | ((index: number, request: RecordedRequest) => ScriptedReply),
  port = 0,
): Promise<ScriptedUpstream> {
  const requests: RecordedRequest[] = [];
  const connections = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();
  let connectionCount = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        connection: connections.get(req.socket) ?? 0,
      };
      const index = requests.length;
      requests.push(recorded);
      const reply =
        typeof script === 'function'
          ? script(index, recorded)
          : (script[Math.min(index, script.length - 1)] ?? {});
      if (reply.hang) return;
      if (reply.delayMs !== undefined) {
        setTimeout(() => answer(reply), reply.delayMs);
        return;
      }
      answer(reply);
    });
    function answer(reply: ScriptedReply) {
      if (res.destroyed) return;
      if (reply.reset) {
        req.socket.destroy();
        return;
      }
      const body =
        reply.body === undefined
          ? ''
          : typeof reply.body === 'string'
            ? reply.body
            : JSON.stringify(reply.body);
      const headers: Record<string, string> = {
        ...(typeof reply.body === 'object' ? { 'content-type': 'application/json' } : {}),
        ...reply.headers,
      };
      if (reply.resetMidBody) {
        res.writeHead(reply.status ?? 200, { ...headers, 'content-length': '1000' });
        res.write('{"partial":');
        setImmediate(() => req.socket.destroy());
        return;
      }
      res.writeHead(reply.status ?? 200, headers);
      res.end(body);
    }
  });
  server.on('connection', (socket) => {
    connectionCount += 1;
    connections.set(socket, connectionCount);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    connections: () => connectionCount,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that was free a moment ago and has nothing listening now. */
export async function closedPort(): Promise<number> {
  const upstream = await startScriptedUpstream([]);
  await upstream.close();
  return upstream.port;
}
