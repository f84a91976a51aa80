import {
  BatchRequest,
  ConnectorGroup,
  DirectoryObjectId,
  DUPLICATE_REFERENCE_MESSAGE,
  GRAPH_ERROR_CODES,
  graphErrorEnvelope,
  parseValid,
} from '@connectors/domain';
import { describe, expect, it } from 'vitest';
import { clientFixture } from '../test/client-fixture.ts';
import { closedPort, type RecordedRequest, type ScriptedReply } from '../test/scripted-upstream.ts';
import type { GraphClient } from './graph-client.ts';

const id = (value: string) => parseValid(DirectoryObjectId, value);
const connector = (n: number) => id(`c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
const connectors = (count: number) => Array.from({ length: count }, (_, n) => connector(n + 1));
const GROUP = {
  ...parseValid(ConnectorGroup, {
    connectorGroupType: 'applicationProxy',
    isDefault: false,
    name: 'West Europe connectors',
    region: 'eur',
  }),
  id: id('5d3c2b1a-0f9e-4d8c-b7a6-958473625140'),
};
const AUTHORIZATION = 'Bearer eyJ0eXAiOiJKV1QifQ.bulk.signature';

const { upstream, client } = clientFixture({ basePath: '/beta', api: 'graph' });

type StepReply = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * An upstream that answers each `$batch` step from `answer(n, connectorId)`, n counting every
 * step it ever received (1-based), and records the connector of each step.
 */
function batchUpstream(answer: (n: number, connectorId: string) => StepReply) {
  const seen: string[] = [];
  const script = (_index: number, request: RecordedRequest): ScriptedReply => {
    const batch = parseValid(BatchRequest, JSON.parse(request.body));
    const responses = batch.requests.map((step) => {
      const connectorId = /connectors\/([^/]+)\//.exec(step.url)?.[1] ?? '';
      seen.push(connectorId);
      return { id: step.id, ...answer(seen.length, connectorId) };
    });
    // Answered in reverse: the client matches by id.
    return { status: 200, body: { responses: responses.reverse() } };
  };
  return { script, seen };
}

const throttled = (seconds: number): StepReply => ({
  status: 429,
  headers: { 'Retry-After': String(seconds) },
  body: graphErrorEnvelope(GRAPH_ERROR_CODES.tooManyRequests, 'Slow down.', { requestId: 'r' }),
});

function move(graph: GraphClient, count: number, extra: object = {}) {
  return graph.moveConnectors({
    connectorGroup: GROUP,
    connectorIds: connectors(count),
    authorization: AUTHORIZATION,
    ...extra,
  });
}

describe('moveConnectors: rounds of batches', () => {
  it('moves 100 connectors in 5 batches of 20 when nothing is throttled, without a wait', async () => {
    const { script, seen } = batchUpstream(() => ({ status: 204 }));
    const server = await upstream(script);
    const { graph, sleeps } = client(server);

    const result = await move(graph, 100);

    expect(result).toMatchObject({ batches: 5, stepSends: 100, rounds: 1 });
    expect(server.requests.map((request) => request.url)).toEqual(Array(5).fill('/beta/$batch'));
    expect(new Set(seen).size).toBe(100);
    expect(sleeps).toEqual([]);
    expect(result.results.map((outcome) => outcome.connectorId)).toEqual(connectors(100));
    expect(result.results.every((outcome) => outcome.ok && outcome.sends === 1)).toBe(true);
  });

  it('re-sends only throttled steps, together, after the largest Retry-After of their round', async () => {
    // Every third step throttled; its Retry-After 1 s, or 3 s for every ninth.
    const { script, seen } = batchUpstream((n) =>
      n % 3 === 0 ? throttled(n % 9 === 0 ? 3 : 1) : { status: 204 },
    );
    const server = await upstream(script);
    const { graph, sleeps } = client(server);

    const result = await move(graph, 100, { budgetMs: 60_000 });

    // 100 sends, 33 throttled; 33 re-sent (sends 101-133), 11 throttled; 11 (134-144), 4;
    // 4 (145-148), 1; 1 (149), none.
    expect(result).toMatchObject({ stepSends: 149, rounds: 5, batches: 5 + 2 + 1 + 1 + 1 });
    expect(seen).toHaveLength(149);
    // Each round waits for the largest Retry-After among its throttled steps.
    expect(sleeps).toEqual([3000, 3000, 3000, 1000]);
    expect(result.results.every((outcome) => outcome.ok)).toBe(true);
    // A step that succeeded was never sent again: each connector's last send is its only 204.
    const sends = new Map<string, number>();
    for (const connectorId of seen) sends.set(connectorId, (sends.get(connectorId) ?? 0) + 1);
    for (const outcome of result.results)
      expect(outcome.sends).toBe(sends.get(outcome.connectorId));
    // A re-sent step keeps its client-request-id.
    const ids = server.requests.flatMap((request) =>
      parseValid(BatchRequest, JSON.parse(request.body)).requests.map((step) => [
        /connectors\/([^/]+)\//.exec(step.url)?.[1],
        step.headers?.['client-request-id'],
      ]),
    );
    for (const [connectorId, clientRequestId] of ids) {
      const outcome = result.results.find((candidate) => candidate.connectorId === connectorId);
      expect(outcome?.clientRequestId).toBe(clientRequestId);
    }
  });

  it('never re-sends a final answer: a duplicate, a missing connector, a forbidden step', async () => {
    const envelope = (code: string, message: string) =>
      graphErrorEnvelope(code, message, { requestId: 'r' });
    const { script, seen } = batchUpstream(
      (n) =>
        [
          {
            status: 400,
            body: envelope(GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE),
          },
          { status: 404, body: envelope(GRAPH_ERROR_CODES.notFound, 'No such connector.') },
          { status: 403, body: envelope(GRAPH_ERROR_CODES.forbidden, 'Insufficient privileges.') },
        ][(n - 1) % 3] as StepReply,
    );
    const server = await upstream(script);
    const { graph, sleeps } = client(server);
    const result = await move(graph, 3);
    expect(result.results.map((outcome) => outcome.ok || outcome.kind)).toEqual([
      'alreadyMember',
      'notFound',
      'forbidden',
    ]);
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([]);
  });

  it('waits a bounded backoff for a 503 without Retry-After, and re-sends it', async () => {
    const { script } = batchUpstream((n) => (n === 1 ? { status: 503 } : { status: 204 }));
    const server = await upstream(script);
    const { graph, sleeps } = client(server);
    const result = await move(graph, 2);
    // The first backoff step: 200 ms, jittered by the manual clock's 0.5 to 250.
    expect(sleeps).toEqual([250]);
    expect(result.results.map((outcome) => [outcome.ok, outcome.sends])).toEqual([
      [true, 2],
      [true, 1],
    ]);
  });

  it('does not wait past the budget: a step still throttled comes back rateLimited', async () => {
    const { script, seen } = batchUpstream((n) => (n === 2 ? throttled(30) : { status: 204 }));
    const server = await upstream(script);
    const { graph, sleeps } = client(server);
    const result = await move(graph, 2, { budgetMs: 10_000 });
    expect(sleeps).toEqual([]);
    expect(seen).toHaveLength(2);
    expect(result.results[1]).toMatchObject({
      ok: false,
      kind: 'rateLimited',
      retryAfterSeconds: 30,
      sends: 1,
      sent: true,
    });
  });
});

describe("moveConnectors within the origin's protections (issue 15)", () => {
  it('a throttled step closes the write gate: other writes wait for its Retry-After too', async () => {
    const { script, seen } = batchUpstream((n) => (n === 1 ? throttled(4) : { status: 204 }));
    const server = await upstream(script);
    const { graph, sleeps } = client(server);
    const result = await move(graph, 2);
    expect(result.results.every((outcome) => outcome.ok)).toBe(true);
    // The re-send waited 4 s, which the gate covered: the next batch found it open.
    expect(sleeps).toEqual([4000]);
    expect(graph.stats().gateClosedSeconds.write).toBe(4);
    expect(seen).toHaveLength(3);
  });

  it('draws each batch of re-sends from the retry budget: none left, the steps stay throttled', async () => {
    const { script, seen } = batchUpstream((n) => (n <= 2 ? throttled(1) : { status: 204 }));
    const server = await upstream(script);
    const { graph } = client(server, { retryBudget: { ratio: 0, minRetries: 0 } });
    const result = await move(graph, 2);
    expect(seen).toHaveLength(2);
    expect(result).toMatchObject({ stepSends: 2, rounds: 1 });
    expect(result.results.map((outcome) => !outcome.ok && [outcome.kind, outcome.sent])).toEqual([
      ['rateLimited', true],
      ['rateLimited', true],
    ]);
  });
});

describe('moveConnectors: a batch that failed as a whole', () => {
  it('gives each of its connectors the failure: a timeout was sent, and is not re-sent', async () => {
    const server = await upstream([{ hang: true }]);
    const { graph } = client(server, { timeoutMs: 200 });
    const result = await move(graph, 2);
    expect(server.requests).toHaveLength(1);
    expect(
      result.results.map((outcome) => [
        outcome.ok,
        !outcome.ok && outcome.kind,
        !outcome.ok && outcome.sent,
      ]),
    ).toEqual([
      [false, 'timeout', true],
      [false, 'timeout', true],
    ]);
  });

  it('a refused connection sent nothing', async () => {
    const port = await closedPort();
    const { graph } = client({ origin: `http://127.0.0.1:${port}` }, { maxRetries: 0 });
    const result = await move(graph, 1);
    expect(result.results[0]).toMatchObject({
      ok: false,
      kind: 'unavailable',
      sent: false,
      sends: 1,
    });
  });

  it('refuses no connector, 101, a repeat and no authorization before any call', async () => {
    const server = await upstream([{ status: 200, body: { responses: [] } }]);
    const { graph } = client(server);
    await expect(move(graph, 0)).rejects.toThrow(RangeError);
    await expect(move(graph, 101)).rejects.toThrow('1 to 100 connectors, got 101');
    await expect(
      graph.moveConnectors({
        connectorGroup: GROUP,
        connectorIds: [connector(1), id(connector(1).toUpperCase())],
        authorization: AUTHORIZATION,
      }),
    ).rejects.toThrow('named twice');
    await expect(move(graph, 1, { authorization: '' })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
