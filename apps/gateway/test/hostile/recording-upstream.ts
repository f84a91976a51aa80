import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as the upstream received it. */
export interface RecordedRequest {
  method: string;
  /** The request target as sent, unparsed: `$ref` and `%24ref` stay distinguishable. */
  rawPath: string;
  /** `[name, value, name, value, ...]` as received: repeated headers stay visible. */
  rawHeaders: string[];
  body: Buffer;
  /** The `client-request-id` header, as sent (the overload suite matches callers by it). */
  clientRequestId: string | undefined;
  /** `performance.now()` when the whole request was in. */
  receivedAt: number;
  /** `performance.now()` when the answer was written, or the client gave up on it. */
  endedAt?: number;
  /** The client closed the connection before the answer was written: an abandoned call. */
  aborted?: boolean;
}

/** How the upstream answers one request: at once, later, or never (a `close` ends the wait). */
export type Answer = (request: RecordedRequest, response: ServerResponse) => void;

export interface RecordingUpstream {
  /** `http://127.0.0.1:<port>/v1.0`: what the gateway's client points at. */
  baseUrl: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** TCP connections the clients opened, since the start or the last `resetCounts`. */
  readonly connectionsOpened: number;
  /** Requests received and not yet answered (or abandoned), now. */
  readonly inFlight: number;
  /** The most requests in flight at once, since the start or the last `resetCounts`. */
  readonly maxInFlight: number;
  /** Replaces the answer for the requests that follow. */
  answer(next: Answer): void;
  /** Forgets the requests, connections and in-flight peak seen so far. */
  resetCounts(): void;
  close(): Promise<void>;
}

let served = 0;

/** Graph's answer when all is well: `204` to the `$ref` POST, an empty collection to a list GET, a group to the read-back of an add by id. */
export const allWell: Answer = (request, response) => {
  served += 1;
  const headers = { 'request-id': `recorded-${served}` };
  if (request.method === 'GET' && request.rawPath.includes('/connectorGroups/')) {
    // The read-back of an add by id: the group as stored.
    const id = request.rawPath.split('/').at(-1);
    const group = `{"id":"${id}","connectorGroupType":"applicationProxy","isDefault":false,"name":"Stored","region":"eur"}`;
    response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(group);
  } else if (request.method === 'GET') {
    response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end('{"value":[]}');
  } else {
    response.writeHead(204, headers).end();
  }
};

/** `answer` after `ms`, unless the client gave up first. */
export function after(ms: number, answer: Answer = allWell): Answer {
  return (request, response) => {
    const timer = setTimeout(() => answer(request, response), ms);
    response.once('close', () => clearTimeout(timer));
  };
}

/**
 * A real `node:http` server standing in for Graph that records every request, with when it came
 * and whether its client abandoned it, and the connections and concurrency it saw. It answers as
 * Graph does when all is well unless told otherwise. The hostile and overload suites assert on
 * what reaches it, not on what it says.
 */
export async function startRecordingUpstream(
  initial: Answer = allWell,
): Promise<RecordingUpstream> {
  const requests: RecordedRequest[] = [];
  let current = initial;
  let connectionsOpened = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    let recorded: RecordedRequest | undefined;
    res.once('close', () => {
      inFlight -= 1;
      if (recorded === undefined) return;
      recorded.endedAt = performance.now();
      recorded.aborted = !res.writableFinished;
    });
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const clientRequestId = req.headers['client-request-id'];
      recorded = {
        method: req.method ?? '',
        rawPath: req.url ?? '',
        rawHeaders: [...req.rawHeaders],
        body: Buffer.concat(chunks),
        clientRequestId: Array.isArray(clientRequestId) ? clientRequestId[0] : clientRequestId,
        receivedAt: performance.now(),
      };
      requests.push(recorded);
      current(recorded, res);
    });
  });
  server.on('connection', () => {
    connectionsOpened += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    get connectionsOpened() {
      return connectionsOpened;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    answer(next) {
      current = next;
    },
    resetCounts() {
      requests.length = 0;
      connectionsOpened = 0;
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
