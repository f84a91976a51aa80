/**
 * Contract: the server limits of docs/running.md, over real slow sockets. Headers that do not
 * arrive within `HEADERS_TIMEOUT_MS` and a body that does not within `REQUEST_TIMEOUT_MS` get the
 * connection dropped; at `MAX_CONNECTIONS` a new connection evicts the longest-idle keep-alive
 * one, and is refused only when every connection has a request in progress; headers past
 * `MAX_HEADER_BYTES` are `431`; an idle keep-alive connection lives `KEEP_ALIVE_TIMEOUT_MS`. No
 * refused or timed-out request reaches the upstream. The limits here are short (hundreds of ms)
 * so each test ends in a few seconds; waits are bounded at several times the limit, never timed.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphClient } from '@connectors/graph-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphqlBody } from '../../test/gateway-harness.ts';
import { RawConnection } from '../../test/raw-http.ts';
import {
  noContent,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';
import { createGateway, type Gateway } from '../create-gateway.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { createGatewayServer, type ServerLimits } from './gateway-server.ts';

const LIMITS: ServerLimits = {
  headersTimeoutMs: 300,
  requestTimeoutMs: 600,
  keepAliveTimeoutMs: 1_500,
  maxConnections: 3,
  maxHeaderBytes: 2_048,
};
/** Several times the longest limit: a dropped connection is closed well before this. */
const BOUND_MS = 5_000;

const MUTATION = graphqlBody(
  `mutation { addConnectorMemberOf(input: {
    applicationId: "6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12",
    connectorId: "e98f0710-0710-e98f-1007-8fe910078fe9",
    connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "Limits", region: EUR }
  }) { connectorGroup { name } userErrors { code } } }`,
);

function mutationHead(port: number, length: number, extra = ''): string {
  return `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nAuthorization: Bearer limits-token\r\n${extra}Content-Length: ${length}\r\n\r\n`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('server limits', () => {
  let upstream: ScriptedUpstream;
  let client: GraphClient;
  let gateway: Gateway;
  let server: Server;
  let port: number;
  const connections: RawConnection[] = [];
  /** What the connection limit reported, in order. */
  const closedByLimit: string[] = [];

  const open = async () => {
    const connection = new RawConnection(port);
    connections.push(connection);
    await connection.connected();
    return connection;
  };

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    client = new GraphClient({ baseUrl: upstream.baseUrl, timeoutMs: 2_000, maxRetries: 0 });
    gateway = createGateway({
      client,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics(),
      production: true,
    });
    server = createGatewayServer(gateway, {
      limits: LIMITS,
      onConnectionLimit: (action) => closedByLimit.push(action),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await client.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
    closedByLimit.length = 0;
  });
  afterEach(async () => {
    for (const connection of connections.splice(0)) connection.close();
    // Let the server see those sockets close before the next test counts connections.
    await sleep(50);
  });

  it('applies the limits to the node:http server', () => {
    expect(server.headersTimeout).toBe(LIMITS.headersTimeoutMs);
    expect(server.requestTimeout).toBe(LIMITS.requestTimeoutMs);
    expect(server.keepAliveTimeout).toBe(LIMITS.keepAliveTimeoutMs);
    // The connection cap is the gateway's own (connection-limit.ts): net's would refuse first.
    expect(server.maxConnections).toBeUndefined();
    // Set by createServer's options; @types/node does not declare it on Server.
    expect((server as Server & { maxHeaderSize?: number }).maxHeaderSize).toBe(
      LIMITS.maxHeaderBytes,
    );
  });

  it('drops a connection whose headers are still arriving after HEADERS_TIMEOUT_MS', async () => {
    const connection = await open();
    // Every header of a real mutation but the blank line that ends them, then a trickle.
    connection.write(mutationHead(port, Buffer.byteLength(MUTATION)).slice(0, -2));
    let trickling = true;
    void (async () => {
      while (trickling && !connection.exchange.closed) {
        await sleep(50);
        connection.write('X-Slow: 1\r\n');
      }
    })();
    const seen = await connection.untilClosed(BOUND_MS);
    trickling = false;
    expect(seen.closed).toBe(true);
    // Node answers 408 when it still can; no request was ever handled.
    expect(seen.responses.every((response) => response.status === 408)).toBe(true);
    expect(upstream.requests).toHaveLength(0);
  });

  it('drops a connection whose body is still arriving after REQUEST_TIMEOUT_MS (on the fast path too)', async () => {
    // A first, complete request: yoga validates the document, so the fast path reads the next.
    const first = await open();
    first.write(mutationHead(port, Buffer.byteLength(MUTATION)) + MUTATION);
    const answered = await first.waitFor((exchange) => exchange.responses.length === 1, BOUND_MS);
    expect(answered.responses[0]?.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);

    const slow = await open();
    slow.write(mutationHead(port, Buffer.byteLength(MUTATION)));
    let sent = 0;
    // One byte every 50 ms: never idle, never done (the body would take seconds).
    void (async () => {
      while (sent < MUTATION.length - 1 && !slow.exchange.closed) {
        slow.write(MUTATION[sent] as string);
        sent += 1;
        await sleep(50);
      }
    })();
    const seen = await slow.untilClosed(BOUND_MS);
    expect(seen.closed).toBe(true);
    expect(sent).toBeLessThan(MUTATION.length - 1);
    expect(seen.responses.every((response) => response.status === 408)).toBe(true);
    expect(upstream.requests).toHaveLength(1);
  });

  /** Opens a connection, has it answered once, and leaves it open and idle (keep-alive). */
  const openIdle = async () => {
    const connection = await open();
    connection.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const seen = await connection.waitFor((e) => e.responses.length === 1, BOUND_MS);
    expect(seen.responses[0]?.status).toBe(200);
    return connection;
  };

  /** Opens a connection with a mutation in progress: the upstream holds its answer. */
  const openBusy = async () => {
    const connection = await open();
    const before = upstream.requests.length;
    connection.write(mutationHead(port, Buffer.byteLength(MUTATION)) + MUTATION);
    // In progress for sure once the upstream has it.
    for (let waited = 0; upstream.requests.length === before && waited < BOUND_MS; waited += 10) {
      await sleep(10);
    }
    expect(upstream.requests.length).toBe(before + 1);
    return connection;
  };

  it('at MAX_CONNECTIONS, a new connection evicts the longest-idle keep-alive one and is served', async () => {
    const held: RawConnection[] = [];
    // Answered in order, with a pause between, so which one is the longest idle is certain.
    for (let i = 0; i < LIMITS.maxConnections; i += 1) {
      held.push(await openIdle());
      await sleep(20);
    }
    // The second-oldest is used again: it becomes the most recently idle.
    held[1]?.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await held[1]?.waitFor((e) => e.responses.length === 2, BOUND_MS);

    const newcomer = await open();
    newcomer.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const served = await newcomer.waitFor((e) => e.responses.length === 1, BOUND_MS);
    expect(served.responses[0]?.status).toBe(200);
    expect((await held[0]?.untilClosed(BOUND_MS))?.closed).toBe(true);
    expect(held[0]?.exchange.responses).toHaveLength(1);

    // Next in line is the third (the second was used after it); the second stays.
    const another = await open();
    another.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(
      (await another.waitFor((e) => e.responses.length === 1, BOUND_MS)).responses,
    ).toHaveLength(1);
    expect((await held[2]?.untilClosed(BOUND_MS))?.closed).toBe(true);
    expect(held[1]?.exchange.closed).toBe(false);
    expect(upstream.requests).toHaveLength(0);
    expect(closedByLimit).toEqual(['evicted', 'evicted']);
  });

  it('never evicts a connection with a request in progress: the busy one is answered, an idle one goes', async () => {
    let release: () => void = () => {};
    upstream.answer((_request, response) => {
      release = () => {
        if (!response.headersSent) response.writeHead(204, { 'request-id': 'limits-1' }).end();
      };
    });
    try {
      const busy = await openBusy();
      const idle = [await openIdle(), await openIdle()];
      const newcomer = await open();
      newcomer.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      expect(
        (await newcomer.waitFor((e) => e.responses.length === 1, BOUND_MS)).responses[0]?.status,
      ).toBe(200);
      expect((await idle[0]?.untilClosed(BOUND_MS))?.closed).toBe(true);
      expect(busy.exchange.closed).toBe(false);
      release();
      const answered = await busy.waitFor((e) => e.responses.length === 1, BOUND_MS);
      expect(answered.responses[0]?.status).toBe(200);
      expect(answered.responses[0]?.body).toContain('"name":"Limits"');
    } finally {
      release();
      upstream.answer(noContent);
    }
  });

  it('refuses a new connection only when every connection has a request in progress, and takes one again once a request ends', async () => {
    const releases: (() => void)[] = [];
    upstream.answer((_request, response) => {
      releases.push(() => response.writeHead(204, { 'request-id': 'limits-2' }).end());
    });
    try {
      const busy: RawConnection[] = [];
      for (let i = 0; i < LIMITS.maxConnections; i += 1) busy.push(await openBusy());
      const refused = await open();
      refused.write(mutationHead(port, Buffer.byteLength(MUTATION)) + MUTATION);
      const seen = await refused.untilClosed(BOUND_MS);
      expect(seen.closed).toBe(true);
      expect(seen.responses).toHaveLength(0);
      expect(upstream.requests).toHaveLength(LIMITS.maxConnections);
      for (const connection of busy) expect(connection.exchange.closed).toBe(false);

      // One answered, so idle: the next newcomer evicts it and is served.
      releases.shift()?.();
      expect(
        (await busy[0]?.waitFor((e) => e.responses.length === 1, BOUND_MS))?.responses[0]?.status,
      ).toBe(200);
      const next = await open();
      next.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
      const answered = await next.untilClosed(BOUND_MS);
      expect(answered.responses[0]?.status).toBe(200);
      expect((await busy[0]?.untilClosed(BOUND_MS))?.closed).toBe(true);
      expect(closedByLimit).toEqual(['refused', 'evicted']);
    } finally {
      for (const release of releases.splice(0)) release();
      upstream.answer(noContent);
    }
  });

  it('answers 431 to headers past MAX_HEADER_BYTES, and serves headers within it', async () => {
    const big = await open();
    big.write(
      mutationHead(
        port,
        Buffer.byteLength(MUTATION),
        `X-Pad: ${'p'.repeat(LIMITS.maxHeaderBytes)}\r\n`,
      ) + MUTATION,
    );
    const seen = await big.untilClosed(BOUND_MS);
    expect(seen.responses[0]?.status).toBe(431);
    expect(upstream.requests).toHaveLength(0);

    const fits = await open();
    fits.write(
      mutationHead(
        port,
        Buffer.byteLength(MUTATION),
        `X-Pad: ${'p'.repeat(LIMITS.maxHeaderBytes / 2)}\r\nConnection: close\r\n`,
      ) + MUTATION,
    );
    const served = await fits.untilClosed(BOUND_MS);
    expect(served.responses[0]?.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
  });

  it('keeps an idle keep-alive connection past the headers timeout, and closes it after KEEP_ALIVE_TIMEOUT_MS', async () => {
    const connection = await open();
    connection.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await connection.waitFor((e) => e.responses.length === 1, BOUND_MS);
    // Idle for longer than the headers and request timeouts, well within the keep-alive one.
    await sleep(LIMITS.requestTimeoutMs + 200);
    expect(connection.exchange.closed).toBe(false);
    connection.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const second = await connection.waitFor((e) => e.responses.length === 2, BOUND_MS);
    expect(second.responses[1]?.status).toBe(200);
    const closed = await connection.untilClosed(BOUND_MS);
    expect(closed.closed).toBe(true);
  });

  it('a draining gateway closes each connection after its answer', async () => {
    const health = { draining: false };
    const draining = createGatewayServer(gateway, { limits: LIMITS, health });
    await new Promise<void>((resolve) => draining.listen(0, '127.0.0.1', resolve));
    try {
      const drainingPort = (draining.address() as AddressInfo).port;
      const connection = new RawConnection(drainingPort);
      connections.push(connection);
      await connection.connected();
      health.draining = true;
      connection.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${drainingPort}\r\n\r\n`);
      const seen = await connection.untilClosed(BOUND_MS);
      expect(seen.responses[0]?.headers.connection).toBe('close');
      expect(seen.closed).toBe(true);
    } finally {
      await new Promise<void>((resolve) => {
        draining.close(() => resolve());
        draining.closeAllConnections();
      });
    }
  });
});
