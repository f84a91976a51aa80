import {
  BatchResponse,
  type BatchStepResponse,
  batchStepHeader,
  ConnectorGroupCollection,
  connectorMemberOfPath,
  connectorMoveStep,
  DirectoryObjectId,
  DUPLICATE_REFERENCE_MESSAGE,
  GraphErrorEnvelope,
  parseValid,
} from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAILED_DEPENDENCY_CODE } from './batch.ts';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';
import { everyNthWrite, writeQuota } from './write-throttle.ts';

// fake-graph on a real SQLite file (startFakeGraph's temp database), over real HTTP.
let graph: RunningFakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.store.reset();
  graph.store.seed();
  graph.controls.reset();
});

const id = (value: string) => parseValid(DirectoryObjectId, value);
const TARGET = id('5d3c2b1a-0f9e-4d8c-b7a6-958473625140');
const connector = (n: number) => id(`c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
const stepClientRequestId = (n: number) => `3f2504e0-4f89-11d3-9a0c-${String(n).padStart(12, '0')}`;

function givenConnectorsAndTarget(count: number) {
  graph.store.createGroup(null, {
    id: TARGET,
    connectorGroupType: 'applicationProxy',
    isDefault: false,
    name: 'Target',
    region: 'eur',
  });
  for (let n = 1; n <= count; n++) graph.store.addConnector(connector(n));
}

// The move of connector n as the graph-client builds it, with the step id n.
function move(n: number, version = 'beta') {
  return connectorMoveStep(
    String(n),
    connector(n),
    TARGET,
    `${graph.url}/${version}`,
    stepClientRequestId(n),
  );
}

async function postBatch(body: unknown, version = 'beta', authorization = 'Bearer test-token') {
  const response = await fetch(`${graph.url}/${version}/$batch`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: () => JSON.parse(text) };
}

async function batchAnswers(body: unknown, version = 'beta') {
  const response = await postBatch(body, version);
  expect(response.status).toBe(200);
  const answers = BatchResponse.parse(response.json()).responses;
  return new Map(answers.map((answer) => [answer.id, answer]));
}

const inTarget = (n: number) => graph.store.groupOf(connector(n))?.id === TARGET;
const errorOf = (answer: BatchStepResponse | undefined) =>
  GraphErrorEnvelope.parse(answer?.body).error;

describe('POST /{version}/$batch', () => {
  it('runs each step through the routes: moves answered 204, each with its own ids', async () => {
    givenConnectorsAndTarget(3);
    const answers = await batchAnswers({ requests: [move(1), move(2), move(3)] });
    expect([...answers.keys()].sort()).toEqual(['1', '2', '3']);
    const requestIds = new Set<string | undefined>();
    for (const n of [1, 2, 3]) {
      const answer = answers.get(String(n));
      expect(answer?.status).toBe(204);
      expect(answer?.body).toBeUndefined();
      expect(batchStepHeader(answer ?? {}, 'client-request-id')).toBe(stepClientRequestId(n));
      requestIds.add(batchStepHeader(answer ?? {}, 'request-id'));
      expect(inTarget(n)).toBe(true);
    }
    expect(requestIds.size).toBe(3);
  });

  it('answers every step on its own under /v1.0: a read, a duplicate, a missing connector', async () => {
    givenConnectorsAndTarget(1);
    graph.store.addMembership(connector(1), TARGET);
    const missing = id('00000000-0000-4000-8000-00000000dead');
    const answers = await batchAnswers(
      {
        requests: [
          { id: 'read', method: 'GET', url: connectorMemberOfPath(SEED.connectorId) },
          move(1, 'v1.0'),
          connectorMoveStep('gone', missing, TARGET, `${graph.url}/v1.0`, 'x'),
        ],
      },
      'v1.0',
    );
    const read = answers.get('read');
    expect(read?.status).toBe(200);
    expect(batchStepHeader(read ?? {}, 'content-type')).toBe('application/json');
    expect(ConnectorGroupCollection.parse(read?.body).value.map((group) => group.id)).toEqual([
      SEED.defaultGroup.id,
    ]);
    expect(answers.get('1')?.status).toBe(400);
    expect(errorOf(answers.get('1')).message).toBe(DUPLICATE_REFERENCE_MESSAGE);
    expect(answers.get('gone')?.status).toBe(404);
    expect(errorOf(answers.get('gone')).code).toBe('Request_ResourceNotFound');
  });

  it('throttles every third write with its own Retry-After; the others land', async () => {
    givenConnectorsAndTarget(6);
    graph.controls.writeThrottle = everyNthWrite(3, 7);
    const answers = await batchAnswers({ requests: [1, 2, 3, 4, 5, 6].map((n) => move(n)) });
    for (const n of [1, 2, 4, 5]) {
      expect(answers.get(String(n))?.status).toBe(204);
      expect(inTarget(n)).toBe(true);
    }
    for (const n of [3, 6]) {
      const answer = answers.get(String(n));
      expect(answer?.status).toBe(429);
      expect(batchStepHeader(answer ?? {}, 'retry-after')).toBe('7');
      expect(errorOf(answer).code).toBe('TooManyRequests');
      expect(inTarget(n)).toBe(false);
    }
  });

  it('applies a write quota across batches and single writes alike; reads are never counted', async () => {
    givenConnectorsAndTarget(4);
    graph.controls.writeThrottle = writeQuota({ writes: 3, windowSeconds: 60 });
    const single = await fetch(`${graph.url}/beta${move(1).url}`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify(move(1).body),
    });
    expect(single.status).toBe(204);
    const answers = await batchAnswers({
      requests: [
        { id: 'read', method: 'GET', url: connectorMemberOfPath(connector(2)) },
        move(2),
        move(3),
        move(4),
      ],
    });
    expect(answers.get('read')?.status).toBe(200);
    expect([2, 3, 4].map((n) => answers.get(String(n))?.status)).toEqual([204, 204, 429]);
    const wait = Number(batchStepHeader(answers.get('4') ?? {}, 'retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(inTarget(4)).toBe(false);
  });

  it('answers 424 for a step whose dependency failed, and runs one whose dependency succeeded', async () => {
    givenConnectorsAndTarget(2);
    const missing = id('00000000-0000-4000-8000-00000000beef');
    const answers = await batchAnswers({
      requests: [
        // Listed first, run after its dependency.
        { ...move(1), dependsOn: ['gone'] },
        connectorMoveStep('gone', missing, TARGET, `${graph.url}/beta`, 'x'),
        { ...move(2), dependsOn: ['read'] },
        { id: 'read', method: 'GET', url: connectorMemberOfPath(connector(2)) },
      ],
    });
    expect(answers.get('gone')?.status).toBe(404);
    expect(answers.get('1')?.status).toBe(424);
    expect(errorOf(answers.get('1')).code).toBe(FAILED_DEPENDENCY_CODE);
    expect(inTarget(1)).toBe(false);
    expect(answers.get('2')?.status).toBe(204);
    expect(inTarget(2)).toBe(true);
  });

  it('answers a step it does not serve on its own: an unknown path 404, a nested batch 400', async () => {
    const answers = await batchAnswers({
      requests: [
        { id: 'me', method: 'GET', url: '/me' },
        {
          id: 'nested',
          method: 'POST',
          url: '/$batch',
          headers: { 'content-type': 'application/json' },
          body: { requests: [] },
        },
      ],
    });
    expect(answers.get('me')?.status).toBe(404);
    expect(answers.get('nested')?.status).toBe(400);
    expect(errorOf(answers.get('nested')).message).toMatch(/cannot contain another batch/);
  });

  it.each([
    // Bodies are built when the test runs: the steps name fake-graph's own URL.
    [
      '21 steps',
      () => ({ requests: Array.from({ length: 21 }, (_, n) => move(n + 1)) }),
      /at most 20/,
    ],
    ['no steps', () => ({ requests: [] }), /at least one/],
    ['a body that is not JSON', () => '{"requests": [', /not JSON/],
    ['a repeated id', () => ({ requests: [move(1), move(1)] }), /repeats the id "1"/],
    [
      'a cycle',
      () => ({
        requests: [
          { ...move(1), dependsOn: ['2'] },
          { ...move(2), dependsOn: ['1'] },
        ],
      }),
      /cycle/,
    ],
    [
      'an absolute url',
      () => ({ requests: [{ id: '1', method: 'GET', url: 'http://127.0.0.1:1/beta/me' }] }),
      /relative/,
    ],
  ])('refuses %s with 400 for the whole batch, running no step', async (_label, body, message) => {
    givenConnectorsAndTarget(21);
    const response = await postBatch(body());
    expect(response.status).toBe(400);
    expect(GraphErrorEnvelope.parse(response.json()).error.message).toMatch(message);
    expect(inTarget(1)).toBe(false);
  });

  it('answers the batch itself: 401 without a token, 429 while every request is throttled, 405 for GET', async () => {
    givenConnectorsAndTarget(1);
    expect((await postBatch({ requests: [move(1)] }, 'beta', '')).status).toBe(401);
    graph.controls.throttleSeconds = 3;
    const throttled = await postBatch({ requests: [move(1)] });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    graph.controls.throttleSeconds = undefined;
    const get = await fetch(`${graph.url}/v1.0/$batch`, { headers: { authorization: 'Bearer t' } });
    expect(get.status).toBe(405);
    expect(inTarget(1)).toBe(false);
  });
});
