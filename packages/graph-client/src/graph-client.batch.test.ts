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
import type { ScriptedReply } from '../test/scripted-upstream.ts';
import type { GraphClient } from './graph-client.ts';

const id = (value: string) => parseValid(DirectoryObjectId, value);
const connector = (n: number) => id(`c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
const GROUP = {
  ...parseValid(ConnectorGroup, {
    connectorGroupType: 'applicationProxy',
    isDefault: false,
    name: 'West Europe connectors',
    region: 'eur',
  }),
  id: id('5d3c2b1a-0f9e-4d8c-b7a6-958473625140'),
};
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-part.signature';
const AUTHORIZATION = `Bearer ${TOKEN}`;
const BATCH_CLIENT_REQUEST_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const { upstream, client } = clientFixture({ basePath: '/beta', api: 'graph' });

function move(graph: GraphClient, count: number, extra: object = {}) {
  return graph.moveConnectorsBatch({
    connectorGroup: GROUP,
    moves: Array.from({ length: count }, (_, index) => ({ connectorId: connector(index + 1) })),
    authorization: AUTHORIZATION,
    clientRequestId: BATCH_CLIENT_REQUEST_ID,
    ...extra,
  });
}

function batchAnswer(responses: object[]): ScriptedReply {
  return { status: 200, headers: { 'request-id': 'req-batch' }, body: { responses } };
}

function stepError(code: string, message: string, requestId: string) {
  return graphErrorEnvelope(code, message, { requestId });
}

describe('moveConnectorsBatch: the request', () => {
  it('POSTs one $batch of independent documented $ref steps, each with its own client-request-id', async () => {
    const server = await upstream([batchAnswer([])]);
    const { graph, events } = client(server);

    await move(graph, 3);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/beta/$batch');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['client-request-id']).toBe(BATCH_CLIENT_REQUEST_ID);
    expect(request?.headers.authorization).toBe(AUTHORIZATION);
    const batch = parseValid(BatchRequest, JSON.parse(request?.body ?? ''));
    expect(batch.requests.map((step) => step.id)).toEqual(['1', '2', '3']);
    const stepIds = new Set<string | undefined>();
    batch.requests.forEach((step, index) => {
      expect(step).toEqual({
        id: String(index + 1),
        method: 'POST',
        // Relative to the version root, `$ref` literal; the body a single add sends.
        url: `/onPremisesPublishingProfiles/applicationProxy/connectors/${connector(index + 1)}/memberOf/$ref`,
        headers: {
          'Content-Type': 'application/json',
          'client-request-id': expect.stringMatching(GUID),
        },
        body: {
          '@odata.id': `${server.origin}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP.id}`,
        },
      });
      stepIds.add(step.headers?.['client-request-id']);
    });
    expect(stepIds.size).toBe(3);
    expect(stepIds.has(BATCH_CLIENT_REQUEST_ID)).toBe(false);
    expect(events.map((event) => [event.operation, event.attempt])).toEqual([
      ['moveConnectorsBatch', 1],
    ]);
  });

  it("keeps a move's own client-request-id when it is a GUID (a re-sent step keeps its id)", async () => {
    const server = await upstream([batchAnswer([])]);
    const { graph } = client(server);
    const kept = '7d0c1c56-5e4b-4f4a-9d3e-000000000001';
    const result = await graph.moveConnectorsBatch({
      connectorGroup: GROUP,
      moves: [
        { connectorId: connector(1), clientRequestId: kept },
        { connectorId: connector(2), clientRequestId: 'nope' },
      ],
      authorization: AUTHORIZATION,
    });
    const batch = parseValid(BatchRequest, JSON.parse(server.requests[0]?.body ?? ''));
    expect(batch.requests[0]?.headers?.['client-request-id']).toBe(kept);
    expect(batch.requests[1]?.headers?.['client-request-id']).toMatch(GUID);
    expect(result.ok && result.results.map((step) => step.clientRequestId)).toEqual([
      kept,
      batch.requests[1]?.headers?.['client-request-id'],
    ]);
  });

  it('refuses no move, 21 moves and a connector named twice before any call', async () => {
    const server = await upstream([batchAnswer([])]);
    const { graph } = client(server);
    expect(() => move(graph, 0)).toThrow(RangeError);
    expect(() => move(graph, 21)).toThrow('a batch moves 1 to 20 connectors, got 21');
    expect(() =>
      graph.moveConnectorsBatch({
        connectorGroup: GROUP,
        moves: [{ connectorId: connector(1) }, { connectorId: connector(1) }],
        authorization: AUTHORIZATION,
      }),
    ).toThrow('named twice');
    expect(() => move(graph, 1, { authorization: ' ' })).toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('moveConnectorsBatch: the answers, in any order, each read as a single add is', () => {
  it('matches answers by id and types each: moved, duplicate, missing, throttled, unavailable, absent', async () => {
    const server = await upstream([
      batchAnswer([
        {
          id: '5',
          status: 503,
          headers: { 'request-id': 'r5' },
          body: stepError(GRAPH_ERROR_CODES.serviceUnavailable, 'Busy.', 'r5'),
        },
        {
          id: '4',
          status: 429,
          headers: { 'Retry-After': '7', 'request-id': 'r4' },
          body: stepError(GRAPH_ERROR_CODES.tooManyRequests, 'Slow down.', 'r4'),
        },
        {
          id: '3',
          status: 404,
          body: stepError(GRAPH_ERROR_CODES.notFound, 'No such connector.', 'r3'),
        },
        {
          id: '2',
          status: 400,
          headers: { 'request-id': 'r2' },
          body: stepError(GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE, 'r2'),
        },
        { id: '1', status: 204, headers: { 'request-id': 'r1' }, body: null },
      ]),
    ]);
    const { graph } = client(server);

    const result = await move(graph, 6);

    expect(result).toMatchObject({ ok: true, status: 200, requestId: 'req-batch' });
    if (!result.ok) throw new Error('unreachable');
    const [moved, duplicate, missing, throttled, unavailable, absent] = result.results;
    expect(moved).toEqual({
      ok: true,
      connectorGroup: GROUP,
      status: 204,
      requestId: 'r1',
      connectorId: connector(1),
      clientRequestId: expect.stringMatching(GUID),
    });
    expect(duplicate).toMatchObject({
      ok: false,
      kind: 'alreadyMember',
      status: 400,
      requestId: 'r2',
    });
    // The request-id from the step's envelope when its headers have none.
    expect(missing).toMatchObject({
      ok: false,
      kind: 'notFound',
      message: 'No such connector.',
      requestId: 'r3',
    });
    expect(throttled).toMatchObject({
      ok: false,
      kind: 'rateLimited',
      retryAfterSeconds: 7,
      retryAfterMs: 7000,
      connectorId: connector(4),
    });
    expect(unavailable).toMatchObject({ ok: false, kind: 'unavailable', status: 503 });
    expect(unavailable).not.toHaveProperty('retryAfterMs');
    expect(absent).toMatchObject({
      ok: false,
      kind: 'unknown',
      message: expect.stringMatching(/may or may not have run/),
    });
  });

  it('never puts the token in a step message an upstream echoed', async () => {
    const server = await upstream([
      batchAnswer([
        {
          id: '1',
          status: 403,
          body: stepError(GRAPH_ERROR_CODES.forbidden, `token ${TOKEN} lacks it`, 'r'),
        },
      ]),
    ]);
    const { graph } = client(server);
    const result = await move(graph, 1);
    expect(JSON.stringify(result)).not.toContain('secret-part');
  });
});

describe('moveConnectorsBatch: the $batch call itself', () => {
  it('re-sends a batch throttled as a whole after its Retry-After: none of its steps had run', async () => {
    const server = await upstream([
      {
        status: 429,
        headers: { 'retry-after': '2' },
        body: stepError(GRAPH_ERROR_CODES.tooManyRequests, 'x', 'r'),
      },
      batchAnswer([{ id: '1', status: 204 }]),
    ]);
    const { graph, sleeps } = client(server);
    const result = await move(graph, 1);
    expect(sleeps).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
    expect(result.ok && result.results[0]?.ok).toBe(true);
  });

  it('does not re-send a batch that timed out: its steps may have run', async () => {
    const server = await upstream([{ hang: true }]);
    const { graph } = client(server, { timeoutMs: 200 });
    const result = await move(graph, 2);
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(server.requests).toHaveLength(1);
  });

  it('answers a 200 whose body is no batch answer as unknown, saying its steps may have run', async () => {
    const server = await upstream([{ status: 200, body: { value: [] } }]);
    const { graph } = client(server);
    expect(await move(graph, 1)).toMatchObject({
      ok: false,
      kind: 'unknown',
      message: expect.stringMatching(/may or may not have run/),
    });
  });
});
