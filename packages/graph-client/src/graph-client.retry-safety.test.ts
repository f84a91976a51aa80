/**
 * The retry decision end to end, on real sockets: a POST whose connection closes after part of
 * an answer may have landed, so it is never retried; a refused one surely did not, so it is; a
 * timeout from undici's own backstop timer is a timeout (never retried), not a reset; and a 2xx
 * body past the read limit is not read, even when it is a valid connectorGroup (a write's 2xx is
 * still a success with the group as sent; a read's is an unexpected answer, docs/rest-upstream.md).
 */
import { createServer, type Socket } from 'node:net';
import { ConnectorGroupInput, DirectoryObjectId, parseValid } from '@connectors/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../test/manual-clock.ts';
import { closedPort, startScriptedUpstream } from '../test/scripted-upstream.ts';
import type { Clock } from './clock.ts';
import { GraphClient } from './graph-client.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';

// Parsed, as the client takes only the domain's values.
const APPLICATION_ID = parseValid(DirectoryObjectId, '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12');
const CONNECTOR_ID = parseValid(DirectoryObjectId, 'e98f0710-0710-e98f-1007-8fe910078fe9');
const SERVER_GROUP_ID = '0f5c7a4e-9d1b-4a2c-8e3f-6b7d9c1a2e40';
const group = parseValid(ConnectorGroupInput, {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
});

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A raw TCP upstream: counts requests and does `onRequest` with the socket of each. */
async function rawUpstream(onRequest: (socket: Socket, index: number) => void) {
  let requests = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    // One request per connection: each answer here breaks its connection (or never comes).
    socket.once('data', () => onRequest(socket, requests++));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, requests: () => requests };
}

function newClient(origin: string, clock: Clock, timeoutMs = 10_000) {
  const events: UpstreamCallEvent[] = [];
  const graph = new GraphClient({
    baseUrl: `${origin}/v1.0`,
    clock,
    timeoutMs,
    maxRetries: 3,
    onUpstreamCall: (event) => events.push(event),
  });
  closers.push(() => graph.close());
  const add = () =>
    graph.addConnectorMemberOf({
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      connectorGroup: group,
      authorization: 'Bearer test-token-value',
    });
  const list = () =>
    graph.listConnectorMemberOf({
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      authorization: 'Bearer test-token-value',
    });
  return { add, list, events };
}

const partialAnswer =
  'HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"id":';

describe('GraphClient retry safety on real sockets', () => {
  it('a connection closed after a partial answer is unavailable and never retried', async () => {
    const upstream = await rawUpstream((socket) => {
      socket.write(partialAnswer);
      setTimeout(() => socket.destroy(), 20);
    });
    const { add, events } = newClient(upstream.origin, manualClock().clock);

    expect(await add()).toEqual({
      ok: false,
      kind: 'unavailable',
      message: 'the upstream closed the connection before answering in full',
      sent: true,
    });
    expect(upstream.requests()).toBe(1);
    expect(events.map((event) => event.outcome)).toEqual(['unavailable']);
  });

  it('a TCP reset after a partial answer is unavailable and never retried', async () => {
    const upstream = await rawUpstream((socket) => {
      socket.write(partialAnswer);
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    const { add } = newClient(upstream.origin, manualClock().clock);

    expect(await add()).toMatchObject({
      kind: 'unavailable',
      message: 'the upstream closed the connection before answering in full',
    });
    expect(upstream.requests()).toBe(1);
  });

  it('a refused connection is retried, up to 1 + maxRetries attempts', async () => {
    const port = await closedPort();
    const manual = manualClock();
    const { add, events } = newClient(`http://127.0.0.1:${port}`, manual.clock);

    expect(await add()).toEqual({
      ok: false,
      kind: 'unavailable',
      message: 'the upstream refused the connection',
      sent: false,
    });
    expect(events.map((event) => event.outcome)).toEqual([
      'retry',
      'retry',
      'retry',
      'unavailable',
    ]);
    expect(manual.sleeps).toHaveLength(3);
  });

  it("undici's backstop timer firing is a timeout, not retried", async () => {
    // An attempt timer that never fires, so only undici's own (timeoutMs + 1 s) can end it.
    const never: Clock = { ...manualClock().clock, setTimer: () => () => {} };
    const upstream = await rawUpstream(() => {});
    const { add, events } = newClient(upstream.origin, never, 1);

    expect(await add()).toEqual({
      ok: false,
      kind: 'timeout',
      message: 'the upstream did not answer within 1 ms',
      sent: true,
    });
    expect(upstream.requests()).toBe(1);
    expect(events.map((event) => event.outcome)).toEqual(['timeout']);
  });

  it('a 2 MiB 2xx connectorGroup is not read: the group as sent, not the one in the body', async () => {
    const huge = JSON.stringify({
      id: SERVER_GROUP_ID,
      ...group,
      name: 'From the body',
      padding: 'x'.repeat(2 * 1024 * 1024),
    });
    const server = await startScriptedUpstream([{ status: 201, body: huge }]);
    closers.push(server.close);
    const { add } = newClient(server.origin, manualClock().clock);

    expect(await add()).toEqual({ ok: true, connectorGroup: group, status: 201 });
    expect(server.requests).toHaveLength(1);
  });

  it('a 2 MiB 2xx collection on a read is not read either: an unexpected answer, sent, not retried', async () => {
    const huge = JSON.stringify({
      value: [{ id: SERVER_GROUP_ID, ...group }],
      padding: 'x'.repeat(2 * 1024 * 1024),
    });
    const server = await startScriptedUpstream([{ status: 200, body: huge }]);
    closers.push(server.close);
    const { list, events } = newClient(server.origin, manualClock().clock);

    expect(await list()).toMatchObject({ ok: false, kind: 'unknown', status: 200, sent: true });
    expect(server.requests).toHaveLength(1);
    expect(events.map((event) => event.outcome)).toEqual(['unknown']);
  });
});
