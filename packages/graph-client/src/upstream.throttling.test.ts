/**
 * The retry budget and the throttle gates on real sockets (issue 15): a permanent 503 costs the
 * upstream little more than one call per request, and after a 429 with `Retry-After` nothing of
 * that kind is sent until it passes. The manual clock makes every wait instant and exact; the
 * scripted upstream reads it when a request arrives, so "sent while closed" is a comparison of
 * two numbers, not of timings.
 */
import { describe, expect, it } from 'vitest';
import { clientFixture } from '../test/client-fixture.ts';
import { manualClock } from '../test/manual-clock.ts';
import { addSeedConnector } from '../test/parsed-add.ts';
import { systemClock } from './clock.ts';
import type { GraphClient } from './graph-client.ts';
import type { UpstreamStateEvent } from './upstream-observations.ts';

const AUTHORIZATION = 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.throttle.signature';
const { upstream, client } = clientFixture({ basePath: '/v1.0' });

function add(graph: GraphClient) {
  return addSeedConnector(graph, AUTHORIZATION);
}

function read(graph: GraphClient) {
  return graph.listConnectorGroups({ authorization: AUTHORIZATION });
}

const THROTTLE_HEADERS = {
  'x-ms-throttle-scope': 'Tenant_Application/Directory/Write',
  'x-ms-throttle-information': 'CPULimitExceeded',
};

describe('the retry budget', () => {
  it('a permanent 503 costs at most 1.5 upstream calls per request, and is logged once', async () => {
    const server = await upstream([{ status: 503, headers: { 'retry-after': '0' } }]);
    const states: UpstreamStateEvent[] = [];
    const { graph } = client(server, {
      maxRetries: 3,
      onUpstreamState: (event) => states.push(event),
    });

    const results = await Promise.all(Array.from({ length: 100 }, () => add(graph)));

    for (const result of results) {
      expect(result).toMatchObject({ ok: false, kind: 'unavailable', status: 503, sent: true });
    }
    // 100 first attempts earn 20 retries, plus the floor of 10.
    expect(server.requests.length).toBeLessThanOrEqual(130);
    expect(server.requests.length / results.length).toBeLessThanOrEqual(1.5);
    expect(graph.stats()).toMatchObject({ retries: server.requests.length - 100 });
    expect(graph.stats().retriesDenied).toBeGreaterThan(0);
    expect(states.filter((state) => state.type === 'retryBudgetExhausted')).toHaveLength(1);
    expect(server.maxInFlight()).toBeLessThanOrEqual(64);
  });

  it('isolated failures on a quiet client are still retried (the floor)', async () => {
    const server = await upstream([
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 204 },
    ]);
    const { graph } = client(server, { retryBudget: { minRetries: 1 } });

    expect(await add(graph)).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(2);
  });
});

describe('the throttle gate', () => {
  it('after a 429 with Retry-After: 2, no call of that kind is sent until it passes', async () => {
    const manual = manualClock();
    const arrivals: number[] = [];
    const server = await upstream((index) => {
      arrivals.push(manual.clock.now());
      return index === 0
        ? { status: 429, headers: { 'retry-after': '2', ...THROTTLE_HEADERS } }
        : { status: 204 };
    });
    const states: UpstreamStateEvent[] = [];
    const { graph } = client(server, {
      clock: manual.clock,
      onUpstreamState: (event) => states.push(event),
    });

    const first = await add(graph);
    const closedAt = arrivals[0] ?? Number.NaN;
    // Arrives while the gate is closed: waits for it (its budget allows 10 s), then is sent.
    const waiting = await add(graph);

    expect([first.ok, waiting.ok]).toEqual([true, true]);
    expect(arrivals).toHaveLength(3);
    for (const at of arrivals.slice(1)) expect(at).toBeGreaterThanOrEqual(closedAt + 2000);
    expect(states).toEqual([
      {
        type: 'gateClosed',
        kind: 'write',
        operation: 'addConnectorMemberOf',
        status: 429,
        retryAfterSeconds: 2,
        throttle: THROTTLE_HEADERS,
      },
    ]);
    expect(graph.stats().gateClosedSeconds).toEqual({ read: 0, write: 2 });
  });

  it('a call that cannot wait for the gate is RATE_LIMITED at once, unsent; reads pass', async () => {
    const manual = manualClock();
    const server = await upstream((index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '30' } } : listAnswer(),
    );
    const { graph } = client(server, { clock: manual.clock, retryBudgetMs: 10_000 });

    expect(await add(graph)).toMatchObject({
      kind: 'rateLimited',
      sent: true,
      retryAfterSeconds: 30,
    });
    expect(await add(graph)).toMatchObject({
      ok: false,
      kind: 'rateLimited',
      sent: false,
      retryAfterSeconds: 30,
    });
    // The write gate is closed; the read gate is not.
    expect(await read(graph)).toMatchObject({ ok: true });
    expect(server.requests.map((request) => request.method)).toEqual(['POST', 'GET']);
    expect(graph.stats().refused.gateClosed).toBe(1);
  });

  it('waiters at a closed gate are bounded like the queue: past maxQueue, RATE_LIMITED unsent', async () => {
    // The system clock: a manual one would open the gate at the first waiter's sleep.
    const server = await upstream((index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 204 },
    );
    const { graph } = client(server, { clock: systemClock, maxQueue: 3, maxRetries: 0 });

    expect(await add(graph)).toMatchObject({ ok: false, kind: 'rateLimited', sent: true });
    // Five arrive while the gate is closed for 1 s: three may wait (the queue's bound), two are
    // told the gate's wait at once, nothing sent.
    const results = await Promise.all(Array.from({ length: 5 }, () => add(graph)));

    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({ kind: 'rateLimited', sent: false, retryAfterSeconds: 1 }),
      expect.objectContaining({ kind: 'rateLimited', sent: false, retryAfterSeconds: 1 }),
    ]);
    expect(server.requests).toHaveLength(1 + 3);
    expect(graph.stats().refused.gateClosed).toBe(2);
  });

  it('a 503 with Retry-After closes the gate too; Retry-After: 0 does not', async () => {
    const manual = manualClock();
    const server = await upstream([
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 503, headers: { 'retry-after': '20' } },
      { status: 204 },
    ]);
    const { graph } = client(server, { clock: manual.clock, maxRetries: 1 });

    expect(await add(graph)).toMatchObject({ kind: 'unavailable', sent: true });
    expect(await add(graph)).toMatchObject({
      kind: 'rateLimited',
      sent: false,
      retryAfterSeconds: 20,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("logs Graph's limit percentage once while it lasts, per kind, and keeps the last value", async () => {
    const near = { 'x-ms-throttle-limit-percentage': '0.9' };
    const server = await upstream([
      { ...listAnswer(), headers: near },
      { ...listAnswer(), headers: { 'x-ms-throttle-limit-percentage': '1.2' } },
      listAnswer(),
    ]);
    const states: UpstreamStateEvent[] = [];
    const { graph } = client(server, { onUpstreamState: (event) => states.push(event) });

    await read(graph);
    await read(graph);
    expect(graph.stats().throttleLimitPercentage).toEqual({ read: 1.2, write: 0 });
    await read(graph);

    expect(states).toEqual([
      {
        type: 'throttleLimitReported',
        kind: 'read',
        operation: 'listConnectorGroups',
        percentage: 0.9,
        throttle: near,
      },
    ]);
    expect(graph.stats().throttleLimitPercentage).toEqual({ read: 0, write: 0 });
  });
});

function listAnswer() {
  return { status: 200, body: { value: [] } };
}

describe('resetUpstreamState', () => {
  it('opens a closed gate at once: the next call is sent', async () => {
    const server = await upstream([
      { status: 429, headers: { 'retry-after': '120' } },
      { status: 204 },
    ]);
    const { graph } = client(server, { clock: manualClock().clock });

    expect(await add(graph)).toMatchObject({ kind: 'rateLimited', sent: true });
    graph.resetUpstreamState();
    expect(await add(graph)).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(2);
  });
});
