/**
 * What the client promises beyond its main paths, each against a real node:http server on
 * 127.0.0.1: option errors that name the option, the caller's token redacted from every message
 * (and nothing else), ids kept from the request when the answer has none, the 503 rule of a new
 * connection (and only for a 503), the pool closed by close(), misuse thrown, and events that
 * carry only what happened.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  DirectoryObjectId,
  GRAPH_ERROR_CODES,
  graphErrorEnvelope,
  parseValid,
  ValidationError,
} from '@connectors/domain';
import { errors } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../test/manual-clock.ts';
import { addParsed } from '../test/parsed-add.ts';
import { closedPort } from '../test/scripted-upstream.ts';
import type { Clock } from './clock.ts';
import { GraphClient, type GraphClientOptions } from './graph-client.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';

// Parsed, as the client takes only the domain's values.
const APPLICATION_ID = parseValid(DirectoryObjectId, '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12');
const CONNECTOR_ID = parseValid(DirectoryObjectId, 'e98f0710-0710-e98f-1007-8fe910078fe9');
const SENT_ID = 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const SERVER_ID = '0f5c7a4e-9d1b-4a2c-8e3f-6b7d9c1a2e40';
const group = {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
};

interface Reply {
  /** Never answer. */
  hang?: boolean;
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A node:http upstream answering from `replies` (the last repeated), tracking its sockets. */
async function upstream(replies: Reply[] | ((req: IncomingMessage) => Reply)) {
  const seen: Array<{ url: string; connection: number }> = [];
  const sockets: Socket[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const connection = sockets.indexOf(req.socket) + 1;
      seen.push({ url: req.url ?? '', connection });
      const reply =
        typeof replies === 'function'
          ? replies(req)
          : (replies[Math.min(seen.length - 1, replies.length - 1)] as Reply);
      if (reply.hang) return;
      res.writeHead(reply.status, reply.headers);
      res.end(reply.body ?? '');
    });
  });
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    /** How many of the connections it accepted are still open. */
    openConnections: () => sockets.filter((socket) => !socket.destroyed).length,
  };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A manual clock whose waits also let undici hand a finished connection back to its pool. */
const poolFriendlyClock = () =>
  manualClock({ onSleep: () => new Promise((resolve) => setImmediate(resolve)) });

function newClient(options: Partial<GraphClientOptions> & { baseUrl: string }) {
  const events: UpstreamCallEvent[] = [];
  const graph = new GraphClient({
    clock: manualClock().clock,
    onUpstreamCall: (event) => events.push(event),
    ...options,
  });
  closers.push(() => graph.close());
  return { graph, events };
}

// Through the domain's parse first, as the gateway calls the client.
function add(graph: GraphClient, overrides: Record<string, unknown> = {}) {
  return addParsed(graph, {
    applicationId: APPLICATION_ID,
    connectorId: CONNECTOR_ID,
    connectorGroup: group,
    authorization: 'Bearer test-token-value',
    ...overrides,
  });
}

describe('GraphClient options', () => {
  it.each([
    ['timeoutMs', { timeoutMs: 0 }, 'timeoutMs must be an integer of at least 1, got 0'],
    ['maxRetries', { maxRetries: 1.5 }, 'maxRetries must be an integer of at least 0, got 1.5'],
    [
      'retryBudgetMs',
      { retryBudgetMs: -1 },
      'retryBudgetMs must be an integer of at least 0, got -1',
    ],
    [
      'backoffBaseMs',
      { backoffBaseMs: -5 },
      'backoffBaseMs must be an integer of at least 0, got -5',
    ],
    ['connections', { connections: 0 }, 'connections must be an integer of at least 1, got 0'],
    [
      'maxInFlight',
      { connections: 4, maxInFlight: 5 },
      'maxInFlight must be an integer from 1 to 4, got 5',
    ],
    ['maxQueue', { maxQueue: -1 }, 'maxQueue must be an integer of at least 0, got -1'],
    [
      'retryBudget.ratio',
      { retryBudget: { ratio: 10.5 } },
      'retryBudget.ratio must be a number from 0 to 10, got 10.5',
    ],
    [
      'retryBudget.minRetries',
      { retryBudget: { minRetries: -1 } },
      'retryBudget.minRetries must be an integer of at least 0, got -1',
    ],
    [
      'retryBudget.windowMs',
      { retryBudget: { windowMs: 9 } },
      'retryBudget.windowMs must be an integer of at least 10, got 9',
    ],
    ['api', { api: 'beta' as 'graph' }, 'api must be seed or graph, got beta'],
  ])('a bad %s is a RangeError naming it', (_name, options, message) => {
    expect(() => new GraphClient({ baseUrl: 'http://127.0.0.1:1/v1.0', ...options })).toThrow(
      new RangeError(message),
    );
  });

  it('takes each bound itself: a retry ratio of 0 or 10, a window of 10 ms, a queue of 0', () => {
    for (const options of [
      { retryBudget: { ratio: 0, minRetries: 0, windowMs: 10 } },
      { retryBudget: { ratio: 10 } },
      { maxQueue: 0, connections: 1, maxInFlight: 1 },
    ]) {
      const graph = new GraphClient({ baseUrl: 'http://127.0.0.1:1/v1.0', ...options });
      expect(graph.stats().inFlight).toBe(0);
      void graph.close();
    }
  });

  it('a base without a path sends the REST path from the root', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph } = newClient({ baseUrl: server.origin });
    await add(graph);
    expect(server.seen[0]?.url).toBe(
      `/applications/${APPLICATION_ID}/connectorGroup/members/${CONNECTOR_ID}/memberOf/$ref`,
    );
  });
});

describe('GraphClient misuse', () => {
  it('an authorization that is blank or not a string is a TypeError, before any request', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph } = newClient({ baseUrl: server.origin });
    const message = 'authorization must be the caller’s non-empty Authorization header value';
    await expect(add(graph, { authorization: '   ' })).rejects.toThrow(new TypeError(message));
    await expect(add(graph, { authorization: 42 as unknown as string })).rejects.toThrow(
      new TypeError(message),
    );
    expect(server.seen).toHaveLength(0);
  });

  it('an invalid group is refused before the client, its issues prefixed with connectorGroup', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph } = newClient({ baseUrl: server.origin });
    const error = await add(graph, { connectorGroup: { ...group, name: '' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      'connectorGroup.name must not be empty or only spaces',
    );
  });

  it('a header value undici refuses is thrown as misuse, not reported as an outage', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph, events } = newClient({ baseUrl: server.origin });
    await expect(add(graph, { authorization: 'Bearer abc\r\nx-evil: 1' })).rejects.toBeInstanceOf(
      errors.InvalidArgumentError,
    );
    expect(server.seen).toHaveLength(0);
    expect(events).toEqual([]);
  });
});

describe('GraphClient redaction', () => {
  const echo = (text: string): Reply => ({
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      graphErrorEnvelope(GRAPH_ERROR_CODES.badRequest, text, { requestId: 'r' }),
    ),
  });

  it('redacts the token alone, even after several spaces, and the whole header value', async () => {
    const token = 'abcdefgh'; // 8 characters: the shortest that is redacted
    const server = await upstream([echo(`saw ${token} and Bearer  ${token}`)]);
    const { graph } = newClient({ baseUrl: server.origin });
    expect(await add(graph, { authorization: `Bearer  ${token}` })).toMatchObject({
      message: 'saw [redacted] and [redacted]',
    });
  });

  it('leaves a token shorter than 8 characters alone, so common words are never redacted', async () => {
    const server = await upstream([echo('Invalid value for abc1234 in Bearer')]);
    const { graph } = newClient({ baseUrl: server.origin });
    expect(await add(graph, { authorization: 'Bearer abc1234' })).toMatchObject({
      message: 'Invalid value for abc1234 in Bearer',
    });
  });
});

describe('GraphClient results', () => {
  it('a 204 gives the group as sent, with its id when it had one and no id key otherwise', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph } = newClient({ baseUrl: server.origin });

    const withId = await add(graph, { connectorGroup: { ...group, id: SENT_ID } });
    const withoutId = await add(graph);

    expect(withId).toStrictEqual({
      ok: true,
      connectorGroup: { ...group, id: SENT_ID },
      status: 204,
    });
    expect(withoutId).toStrictEqual({ ok: true, connectorGroup: group, status: 204 });
  });

  it("a group in the answer keeps its own id, else the request's", async () => {
    const answered = (id?: string): Reply => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(id === undefined ? {} : { id }), ...group, name: 'Renamed' }),
    });
    const server = await upstream([answered(SERVER_ID), answered()]);
    const { graph } = newClient({ baseUrl: server.origin });

    expect(await add(graph, { connectorGroup: { ...group, id: SENT_ID } })).toMatchObject({
      connectorGroup: { id: SERVER_ID, name: 'Renamed' },
    });
    expect(await add(graph, { connectorGroup: { ...group, id: SENT_ID } })).toMatchObject({
      connectorGroup: { id: SENT_ID, name: 'Renamed' },
    });
  });

  it('a list answer that is not a collection says so, with its status', async () => {
    const server = await upstream([{ status: 200, body: '{"value": 3}' }]);
    const { graph } = newClient({ baseUrl: server.origin });
    expect(
      await graph.listConnectorMemberOf({
        applicationId: APPLICATION_ID,
        connectorId: CONNECTOR_ID,
        authorization: 'Bearer test-token-value',
      }),
    ).toStrictEqual({
      ok: false,
      kind: 'unknown',
      message: 'the upstream answered 200 with a body that is not a connectorGroup collection',
      status: 200,
      sent: true,
    });
  });
});

describe('GraphClient retries and connections', () => {
  it('a retry waits exactly up to the budget, and not a millisecond past it', async () => {
    const server = await upstream([
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 204 },
    ]);
    const manual = manualClock();
    const { graph } = newClient({
      baseUrl: server.origin,
      clock: manual.clock,
      retryBudgetMs: 1000,
    });
    expect(await add(graph)).toMatchObject({ ok: true });
    expect(manual.sleeps).toEqual([1000]);

    const tight = newClient({
      baseUrl: server.origin,
      clock: manualClock().clock,
      retryBudgetMs: 999,
    });
    server.seen.length = 0;
    expect(await add(tight.graph)).toMatchObject({
      ok: false,
      kind: 'rateLimited',
      retryAfterSeconds: 1,
    });
  });

  it('retries a 503 and a 429 on the pooled connection: no connection outside the pool', async () => {
    const server = await upstream([
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 204 },
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 204 },
    ]);
    const { graph } = newClient({ baseUrl: server.origin, clock: poolFriendlyClock().clock });

    await add(graph);
    await new Promise((resolve) => setImmediate(resolve));
    await add(graph);

    // Graph's advice to retry a 503 on a new connection gave way to the in-flight bound: a
    // one-off connection per 503 retry put 277 requests in flight under a pool of 64 (issue 15).
    expect(server.seen.map((request) => request.connection)).toEqual([1, 1, 1, 1]);
    expect(server.openConnections()).toBe(1);
  });

  it('close() closes the pool: its connection is gone and no request is sent after it', async () => {
    const server = await upstream([{ status: 204 }]);
    // Not newClient: this test closes the client itself (a second close() rejects).
    const graph = new GraphClient({ baseUrl: server.origin, clock: manualClock().clock });
    await add(graph);
    expect(server.openConnections()).toBe(1);
    await graph.close();

    expect(await add(graph)).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(server.seen).toHaveLength(1);
    await expect.poll(() => server.openConnections(), { timeout: 5000 }).toBe(0);
  });

  it('leaves no attempt timer running once a call is over', async () => {
    const server = await upstream([
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 204 },
    ]);
    const live = new Set<object>();
    const counting: Clock = {
      ...manualClock().clock,
      setTimer: (callback, ms) => {
        const handle = {};
        live.add(handle);
        const timer = setTimeout(callback, ms);
        return () => {
          live.delete(handle);
          clearTimeout(timer);
        };
      },
    };
    const { graph } = newClient({ baseUrl: server.origin, clock: counting });
    expect(await add(graph)).toMatchObject({ ok: true });
    expect(server.seen).toHaveLength(2);
    expect(live.size).toBe(0);
  });

  it('a 300 is a redirect failure, not a success', async () => {
    const server = await upstream([{ status: 300 }]);
    const { graph } = newClient({ baseUrl: server.origin });
    expect(await add(graph)).toMatchObject({ ok: false, kind: 'unknown', status: 300 });
  });

  it('ends an attempt when its own timer fires, however far off undici’s backstop is', async () => {
    const hanging = await upstream([{ hang: true, status: 0 }]);
    // A timer that fires at once: the attempt is over long before undici's 61 s backstop.
    const prompt: Clock = {
      ...manualClock().clock,
      setTimer: (callback) => {
        const timer = setTimeout(callback, 10);
        return () => clearTimeout(timer);
      },
    };
    const { graph } = newClient({ baseUrl: hanging.origin, clock: prompt, timeoutMs: 60_000 });
    expect(await add(graph)).toEqual({
      ok: false,
      kind: 'timeout',
      message: 'the upstream did not answer within 60000 ms',
      sent: true,
    });
  });
});

describe('GraphClient events', () => {
  it('carry the duration the clock measured, and no status or request-id they did not get', async () => {
    const port = await closedPort();
    let now = 1_000;
    const stepping: Clock = { ...manualClock().clock, now: () => (now += 7) };
    const { graph, events } = newClient({
      baseUrl: `http://127.0.0.1:${port}`,
      clock: stepping,
      maxRetries: 0,
    });
    await add(graph);
    expect(events).toStrictEqual([
      { operation: 'addConnectorMemberOf', attempt: 1, durationMs: 7, outcome: 'unavailable' },
    ]);

    const server = await upstream([{ status: 204 }]);
    const ok = newClient({ baseUrl: server.origin });
    await add(ok.graph);
    expect(ok.events).toStrictEqual([
      { operation: 'addConnectorMemberOf', attempt: 1, durationMs: 0, status: 204, outcome: 'ok' },
    ]);
  });
});
