import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as the upstream received it. */
export interface RecordedRequest {
  method: string;
  /** The request target as sent, unparsed: `$ref` and `%24ref` stay distinguishable. */
  rawPath: string;
  /** `[name, value, name, value, ...]` as received: repeated headers stay visible. */
  rawHeaders: string[];
  body: Buffer;
}

export interface RecordingUpstream {
  /** `http://127.0.0.1:<port>/v1.0`: what the gateway's client points at. */
  baseUrl: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A real `node:http` server standing in for Graph that records every request and answers as
 * Graph does when all is well: `204` to the `$ref` POST, an empty collection to the list GET, a
 * group to the read-back of an add by id.
 * The hostile suite asserts on what reaches it, not on what it says.
 */
export async function startRecordingUpstream(): Promise<RecordingUpstream> {
  const requests: RecordedRequest[] = [];
  let served = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        rawPath: req.url ?? '',
        rawHeaders: [...req.rawHeaders],
        body: Buffer.concat(chunks),
      });
      served += 1;
      const headers = { 'request-id': `recorded-${served}` };
      if (req.method === 'GET' && req.url?.includes('/connectorGroups/')) {
        // The read-back of an add by id: the group as stored.
        const id = req.url.split('/').at(-1);
        const group = `{"id":"${id}","connectorGroupType":"applicationProxy","isDefault":false,"name":"Stored","region":"eur"}`;
        res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(group);
      } else if (req.method === 'GET') {
        res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end('{"value":[]}');
      } else {
        res.writeHead(204, headers).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
