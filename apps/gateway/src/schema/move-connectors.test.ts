/**
 * Contract: `Mutation.moveConnectors` (docs/graphql-api.md, API.md section 8), the real gateway and
 * GraphClient in front of the real fake-graph (a temp SQLite file) over real sockets: input
 * errors at their index with no upstream call, a missing group as NOT_FOUND on connectorGroupId,
 * a result per connector (MOVED, ALREADY_MEMBER, FAILED with the single mutation's code and
 * `sent`), and the proof: 100 connectors with fake-graph throttling every third write all
 * end in the target group, no step that succeeded sent twice, the `$batch` calls and step sends
 * the rules predict, in a wall time within 1.2 times the minimum the Retry-Afters allow; a final
 * answer (2xx, duplicate, 404) never re-sent; a closed write gate answered RATE_LIMITED, unsent.
 */
import { everyNthWrite, type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';

const TARGET = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const connector = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const connectors = (count: number) => Array.from({ length: count }, (_, n) => connector(n + 1));
const AUTH = { authorization: 'Bearer move-token' };
// The throttle's Retry-After: long enough that the time the moves themselves take stays well
// inside the 20% the proof allows over the waits. Measured here on the shared 2-core machine: 100
// moves unthrottled take 0.41 to 0.78 s through the gateway; throttled with 3 s waits, 12.27 to
// 12.46 s for the 12 s of waits (2 to 4% over). With 2 s waits a loaded run came to 10% over.
const RETRY_AFTER_SECONDS = 3;

const MOVE = `mutation Move($input: MoveConnectorsInput!) {
  moveConnectors(input: $input) {
    results { connectorId outcome error { code message retryAfterSeconds sent } requestId }
    userErrors { code message field }
  }
}`;

interface MoveResult {
  connectorId: string;
  outcome: string;
  error: { code: string; message: string; retryAfterSeconds: number | null; sent: boolean } | null;
  requestId: string | null;
}
interface Body {
  data?: {
    moveConnectors: {
      results: MoveResult[];
      userErrors: { code: string; message: string; field: string[] | null }[];
    } | null;
  } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('moveConnectors against fake-graph', () => {
  let fakeGraph: RunningFakeGraph;
  let harness: TestGateway;
  // fake-graph's log: "POST /beta/$batch 200" per request, "step POST /beta/.../$ref 204" per step.
  const upstream: string[] = [];

  beforeAll(async () => {
    const keep = (line: string) => void upstream.push(line.split(' ').slice(0, 4).join(' '));
    fakeGraph = await startFakeGraph({
      logger: { error() {}, warn() {}, info: keep, debug: keep },
    });
    harness = createTestGateway({
      upstreamBaseUrl: `${fakeGraph.url}/beta`,
      api: 'graph',
      retryBudgetMs: 30_000,
      timeoutMs: 10_000,
      // A round's 5 batches in flight at once, as with the default pool of 64: with fewer, a
      // batch still queued when a step's 429 closes the write gate waits for the gate to open.
      connections: 8,
    });
    await harness.listen();
  });
  afterAll(async () => {
    await harness.close();
    await fakeGraph.close();
  });
  beforeEach(() => {
    fakeGraph.store.reset();
    fakeGraph.store.seed();
    fakeGraph.controls.reset();
    fakeGraph.store.createGroup(null, {
      id: TARGET,
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      name: 'Target',
      region: 'eur',
    });
    for (const id of connectors(100)) fakeGraph.store.addConnector(id);
    upstream.length = 0;
  });

  async function move(input: unknown, headers: Record<string, string> = AUTH) {
    const response = await harness.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: graphqlBody(MOVE, { input }),
    });
    return (await response.json()) as Body;
  }

  const batchCalls = () => upstream.filter((line) => line.startsWith('POST /beta/$batch 200'));
  const stepLines = () => upstream.filter((line) => line.startsWith('step '));
  const inTarget = (id: string) => fakeGraph.store.groupOf(id)?.id === TARGET;

  it('moves 100 connectors in 5 $batch calls when nothing is throttled', async () => {
    const body = await move({ connectorIds: connectors(100), connectorGroupId: TARGET });
    const payload = body.data?.moveConnectors;
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.results.map((result) => result.connectorId)).toEqual(connectors(100));
    expect(
      payload?.results.every((result) => result.outcome === 'MOVED' && result.error === null),
    ).toBe(true);
    expect(batchCalls()).toHaveLength(5);
    expect(stepLines()).toHaveLength(100);
    expect(connectors(100).every(inTarget)).toBe(true);
  });

  it('with every third write throttled: all 100 moved, only 429s re-sent, in the predicted calls and time', async () => {
    fakeGraph.controls.writeThrottle = everyNthWrite(3, RETRY_AFTER_SECONDS);
    const started = performance.now();
    const body = await move({ connectorIds: connectors(100), connectorGroupId: TARGET });
    const wallMs = performance.now() - started;

    const results = body.data?.moveConnectors?.results ?? [];
    expect(results.map((result) => result.outcome)).toEqual(Array(100).fill('MOVED'));
    expect(connectors(100).every(inTarget)).toBe(true);
    // Rounds of 100, 33, 11, 4 and 1 steps: 33 + 11 + 4 + 1 throttled, each re-sent once.
    expect(stepLines()).toHaveLength(149);
    expect(batchCalls()).toHaveLength(5 + 2 + 1 + 1 + 1);
    // Per connector: every send but its last was a 429; its last, and only its last, a 204.
    const byConnector = new Map<string, string[]>();
    for (const line of stepLines()) {
      const [, , path, status] = line.split(' ');
      const id = /connectors\/([^/]+)\//.exec(path ?? '')?.[1] ?? '';
      byConnector.set(id, [...(byConnector.get(id) ?? []), status ?? '']);
    }
    for (const id of connectors(100)) {
      const statuses = byConnector.get(id) ?? [];
      expect(statuses.at(-1)).toBe('204');
      expect(statuses.slice(0, -1).every((status) => status === '429')).toBe(true);
    }
    // Four waits of the Retry-After at the least; 1.2 times that at the most.
    const minimumMs = 4 * RETRY_AFTER_SECONDS * 1000;
    expect(wallMs).toBeGreaterThanOrEqual(minimumMs);
    expect(wallMs).toBeLessThanOrEqual(1.2 * minimumMs);
  }, 40_000);

  it('answers each connector on its own: moved, already a member, not found', async () => {
    const missing = '00000000-0000-4000-8000-00000000dead';
    fakeGraph.store.addMembership(connector(2), TARGET);
    const body = await move({
      connectorIds: [connector(1), connector(2), missing],
      connectorGroupId: TARGET,
    });
    const results = body.data?.moveConnectors?.results ?? [];
    expect(results.map((result) => [result.connectorId, result.outcome])).toEqual([
      [connector(1), 'MOVED'],
      [connector(2), 'ALREADY_MEMBER'],
      [missing, 'FAILED'],
    ]);
    expect(results[2]?.error).toMatchObject({
      code: 'NOT_FOUND',
      sent: true,
      retryAfterSeconds: null,
    });
    expect(results.every((result) => typeof result.requestId === 'string')).toBe(true);
    // A 2xx, the duplicate's 400 and the 404 are final: each step sent once, in one $batch.
    expect(stepLines()).toHaveLength(3);
    expect(batchCalls()).toHaveLength(1);
  });

  it('comes back RATE_LIMITED, sent, for a step still throttled when the budget would be passed', async () => {
    fakeGraph.controls.writeThrottle = everyNthWrite(2, 60);
    const body = await move({
      connectorIds: [connector(1), connector(2)],
      connectorGroupId: TARGET,
    });
    const results = body.data?.moveConnectors?.results ?? [];
    expect(results[0]?.outcome).toBe('MOVED');
    expect(results[1]).toMatchObject({
      outcome: 'FAILED',
      error: { code: 'RATE_LIMITED', retryAfterSeconds: 60, sent: true },
    });
    expect(stepLines()).toHaveLength(2);

    // That 429 closed the gateway's write gate for 60 s, past the 30 s budget: a move now sends
    // nothing and answers every connector RATE_LIMITED, not sent, with the gate's Retry-After.
    // (Last of the writing tests: the gate stays closed for the rest of the file.)
    upstream.length = 0;
    const held = await move({
      connectorIds: [connector(3), connector(4)],
      connectorGroupId: TARGET,
    });
    expect(held.data?.moveConnectors?.results.map((result) => result.error)).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED', sent: false }),
      expect.objectContaining({ code: 'RATE_LIMITED', sent: false }),
    ]);
    expect(held.data?.moveConnectors?.results[0]?.error?.retryAfterSeconds).toBeGreaterThan(0);
    expect(batchCalls()).toEqual([]);
    expect(stepLines()).toEqual([]);
    expect([connector(3), connector(4)].some(inTarget)).toBe(false);
  });

  it('refuses bad and repeated ids at their index, and a missing group, before any move', async () => {
    const bad = await move({
      connectorIds: [connector(1), 'nope', connector(1)],
      connectorGroupId: TARGET,
    });
    expect(bad.data?.moveConnectors?.results).toEqual([]);
    expect(bad.data?.moveConnectors?.userErrors.map((error) => [error.code, error.field])).toEqual([
      ['INVALID_INPUT', ['input', 'connectorIds', '1']],
      ['INVALID_INPUT', ['input', 'connectorIds', '2']],
    ]);
    expect(upstream).toEqual([]);

    const noGroup = await move({
      connectorIds: [connector(1)],
      connectorGroupId: '00000000-0000-4000-8000-0000000000aa',
    });
    expect(noGroup.data?.moveConnectors?.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'connectorGroupId'] }),
    ]);
    expect(batchCalls()).toEqual([]);
    expect(inTarget(connector(1))).toBe(false);
  });

  it('fails as a whole without a bearer token', async () => {
    const body = await move({ connectorIds: [connector(1)], connectorGroupId: TARGET }, {});
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(upstream).toEqual([]);
  });
});
