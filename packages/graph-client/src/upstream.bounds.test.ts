/**
 * The in-flight bound, the queue and attempt timing, on real sockets (issue 15): what the
 * upstream itself saw (requests, most in flight at once, connections) against what each caller
 * was told (`sent`). Counts and orderings only: every delay is far from its bound, so a loaded
 * machine cannot turn a pass into a fail.
 */
import { describe, expect, it } from 'vitest';
import { clientFixture } from '../test/client-fixture.ts';
import { manualClock } from '../test/manual-clock.ts';
import { addSeedConnector } from '../test/parsed-add.ts';
import type { GraphClient } from './graph-client.ts';

const AUTHORIZATION = 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bounds.signature';
const { upstream, client } = clientFixture({ basePath: '/v1.0' });

function add(graph: GraphClient, signal?: AbortSignal) {
  return addSeedConnector(graph, AUTHORIZATION, signal);
}

function read(graph: GraphClient) {
  return graph.listConnectorGroups({ authorization: AUTHORIZATION });
}

const listAnswer = { status: 200, body: { value: [] } };

describe('the in-flight bound and the queue', () => {
  it('never has more than maxInFlight at the upstream; past the queue, refuses at once, unsent', async () => {
    const server = await upstream([{ status: 204, delayMs: 150 }]);
    const { graph } = client(server, { connections: 4, maxQueue: 4, maxRetries: 3 });

    const results = await Promise.all(Array.from({ length: 12 }, () => add(graph)));

    const refused = results.filter((result) => !result.ok);
    expect(results.filter((result) => result.ok)).toHaveLength(8);
    expect(refused).toHaveLength(4);
    for (const result of refused) {
      expect(result).toMatchObject({ kind: 'unavailable', sent: false, retryAfterSeconds: 1 });
    }
    expect(server.requests).toHaveLength(8);
    expect(server.maxInFlight()).toBeLessThanOrEqual(4);
    expect(server.connections()).toBeLessThanOrEqual(4);
    expect(graph.stats()).toMatchObject({
      inFlight: 0,
      queued: 0,
      refused: { queueFull: 4, queueTimeout: 0, gateClosed: 0 },
      connectionsOpened: server.connections(),
    });
  });

  it('times an attempt from sending: calls queued longer than the timeout still succeed', async () => {
    // One connection, eight POSTs of 150 ms each: the last waits over 1 s queued, longer than
    // its 1 s attempt timeout, which counts only its own 150 ms on the connection.
    const server = await upstream([{ status: 204, delayMs: 150 }]);
    const { graph, events } = client(server, {
      connections: 1,
      maxQueue: 10,
      timeoutMs: 1000,
      clock: manualClock().clock,
    });

    const results = await Promise.all(Array.from({ length: 8 }, () => add(graph)));

    expect(results.every((result) => result.ok)).toBe(true);
    expect(events.map((event) => event.outcome)).toEqual(Array(8).fill('ok'));
    expect(server.requests).toHaveLength(8);
    expect(server.connections()).toBe(1);
  });

  it('a call whose budget runs out in the queue fails before it is sent, and is not re-queued', async () => {
    const server = await upstream([{ ...listAnswer, delayMs: 400 }]);
    // retryBudgetMs bounds every wait before a send, the queue's included.
    const { graph, events } = client(server, { connections: 1, maxQueue: 5, retryBudgetMs: 100 });

    const [first, queuedRead, queuedWrite] = await Promise.all([
      read(graph),
      read(graph),
      add(graph),
    ]);

    expect(first).toMatchObject({ ok: true });
    for (const result of [queuedRead, queuedWrite]) {
      expect(result).toMatchObject({ ok: false, kind: 'unavailable', sent: false });
    }
    expect(server.requests).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(graph.stats().refused.queueTimeout).toBe(2);
  });

  it('a caller that goes away leaves its attempt to finish on its connection: no churn', async () => {
    // 800 ms: far longer than it takes to see the request arrive and abort, even on a busy core.
    const server = await upstream([{ status: 204, delayMs: 800 }]);
    const { graph } = client(server, { connections: 1 });
    const controller = new AbortController();
    const reason = new Error('client went away');

    const abandoned = add(graph, controller.signal);
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort(reason);
    await expect(abandoned).rejects.toBe(reason);
    // The upstream is still working on it: its slot stays taken until it answers.
    expect(graph.stats().inFlight).toBe(1);

    expect(await add(graph)).toMatchObject({ ok: true });
    expect(server.requests.map((request) => request.connection)).toEqual([1, 1]);
    expect(graph.stats().connectionsOpened).toBe(1);
  });

  it('refuses maxInFlight above the pool, and a negative queue', () => {
    const origin = { origin: 'http://127.0.0.1:9' };
    expect(() => client(origin, { connections: 4, maxInFlight: 5 })).toThrow(
      'maxInFlight must be an integer from 1 to 4, got 5',
    );
    expect(() => client(origin, { maxQueue: -1 })).toThrow(RangeError);
    expect(() => client(origin, { retryBudget: { ratio: -0.1 } })).toThrow(
      'retryBudget.ratio must be a number from 0 to 10, got -0.1',
    );
  });
});
