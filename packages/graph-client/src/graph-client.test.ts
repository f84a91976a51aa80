import {
  ConnectorGroupInput,
  DUPLICATE_REFERENCE_MESSAGE,
  GRAPH_ERROR_CODES,
  graphErrorEnvelope,
  parseValid,
  SEED,
  toRestBody,
  ValidationError,
} from '@connectors/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientFixture } from '../test/client-fixture.ts';
import { MANUAL_CLOCK_START, manualClock } from '../test/manual-clock.ts';
import { addParsed } from '../test/parsed-add.ts';
import {
  closedPort,
  type ScriptedReply,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../test/scripted-upstream.ts';
import { GraphClient } from './graph-client.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';

const APPLICATION_ID = SEED.applicationId;
const CONNECTOR_ID = SEED.connectorId;
const GROUP_ID = SEED.defaultGroup.id;
const NEW_GROUP_ID = '0f5c7a4e-9d1b-4a2c-8e3f-6b7d9c1a2e40';
const CLIENT_REQUEST_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-part.signature';
const AUTHORIZATION = `Bearer ${TOKEN}`;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REF_PATH = `/v1.0/applications/${APPLICATION_ID}/connectorGroup/members/${CONNECTOR_ID}/memberOf/$ref`;

const group = parseValid(ConnectorGroupInput, {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
});

function envelope(code: string, message: string, requestId = 'req-1') {
  return graphErrorEnvelope(code, message, { requestId, clientRequestId: CLIENT_REQUEST_ID });
}

const duplicate: ScriptedReply = {
  status: 400,
  headers: { 'request-id': 'req-dup' },
  body: envelope(GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE, 'req-dup'),
};

const { upstream, client, onCleanup } = clientFixture({ basePath: '/v1.0' });

// Parsed by the domain first, as the gateway does (the client takes only parsed values).
function add(graph: GraphClient, overrides: Record<string, unknown> = {}) {
  return addParsed(graph, {
    applicationId: APPLICATION_ID,
    connectorId: CONNECTOR_ID,
    connectorGroup: group,
    authorization: AUTHORIZATION,
    clientRequestId: CLIENT_REQUEST_ID,
    ...overrides,
  });
}

describe('GraphClient.addConnectorMemberOf: the request', () => {
  it('POSTs the REST body to the $ref path under the base path, with the three headers', async () => {
    const server = await upstream([{ status: 204, headers: { 'request-id': 'req-204' } }]);
    const { graph } = client(server);

    await add(graph, { connectorGroup: { ...group, id: GROUP_ID } });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    // Raw request-target: `$ref` literal, never `%24ref`; the version path kept.
    expect(request?.url).toBe(REF_PATH);
    expect(request?.headers.authorization).toBe(AUTHORIZATION);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['client-request-id']).toBe(CLIENT_REQUEST_ID);
    expect(JSON.parse(request?.body ?? '')).toEqual(toRestBody({ ...group, id: GROUP_ID }));
    expect(Object.keys(JSON.parse(request?.body ?? ''))).toEqual([
      '@odata.type',
      'id',
      'connectorGroupType',
      'isDefault',
      'name',
      'region',
    ]);
  });

  it('sends a fresh GUID as client-request-id when the caller gave none or a non-GUID', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph } = client(server);

    await add(graph, { clientRequestId: 'not-a-guid' });
    await add(graph, { clientRequestId: undefined });

    const ids = server.requests.map((request) => request.headers['client-request-id']);
    expect(ids[0]).toMatch(GUID);
    expect(ids[1]).toMatch(GUID);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('reuses keep-alive connections from its pool', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph } = client(server);

    await add(graph);
    // undici frees a connection for the pool on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    await add(graph);

    expect(server.requests.map((request) => request.connection)).toEqual([1, 1]);
  });

  it('throws on misuse, before any network call', async () => {
    const server = await upstream([{ status: 204 }]);
    const { graph } = client(server);

    await expect(add(graph, { applicationId: 'not-a-guid' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(add(graph, { connectorId: `${CONNECTOR_ID}/../x` })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const badGroup = add(graph, { connectorGroup: { ...group, name: ' ' } });
    await expect(badGroup).rejects.toBeInstanceOf(ValidationError);
    await expect(badGroup).rejects.toMatchObject({
      issues: [{ field: ['connectorGroup', 'name'] }],
    });
    await expect(add(graph, { authorization: '' })).rejects.toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('takes ids and groups as parsed: one cast past the compiler is not checked again, yet stays in its segment', async () => {
    const server = await upstream([{ status: 400 }]);
    const { graph } = client(server);
    // What only a cast can build: the client does not validate again (the domain did), it
    // encodes, so no id becomes raw path and no group field becomes anything but JSON.
    const lie = <T>(value: unknown) => value as T;
    const request = {
      applicationId: APPLICATION_ID,
      connectorId: lie<typeof CONNECTOR_ID>(`${CONNECTOR_ID}/../x?y#z`),
      connectorGroup: { ...group, name: lie<typeof group.name>(' ') },
      authorization: AUTHORIZATION,
    };

    expect(await graph.addConnectorMemberOf(request)).toMatchObject({ ok: false, status: 400 });
    expect(server.requests.map((sent) => sent.url)).toEqual([
      `/v1.0/applications/${APPLICATION_ID}/connectorGroup/members/${encodeURIComponent(`${CONNECTOR_ID}/../x?y#z`)}/memberOf/$ref`,
    ]);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toMatchObject({ name: ' ' });
    // The ids that would still move a path are refused outright, before any request.
    for (const id of ['', '.', '..']) {
      await expect(
        graph.addConnectorMemberOf({ ...request, connectorId: lie<typeof CONNECTOR_ID>(id) }),
      ).rejects.toBeInstanceOf(TypeError);
    }
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a base URL that is not absolute http(s) or carries credentials', () => {
    expect(() => new GraphClient({ baseUrl: 'localhost:4010' })).toThrow(TypeError);
    expect(() => new GraphClient({ baseUrl: 'ftp://example.test/v1.0' })).toThrow(TypeError);
    expect(() => new GraphClient({ baseUrl: 'http://u:p@127.0.0.1/v1.0' })).toThrow(TypeError);
    expect(() => new GraphClient({ baseUrl: 'http://127.0.0.1', maxRetries: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('GraphClient.addConnectorMemberOf: 2xx answers (tolerant reading)', () => {
  it('204: the group as sent, with the request-id', async () => {
    const server = await upstream([{ status: 204, headers: { 'request-id': 'req-204' } }]);
    const { graph, events } = client(server);

    const result = await add(graph);

    expect(result).toEqual({ ok: true, connectorGroup: group, status: 204, requestId: 'req-204' });
    expect(events).toEqual([
      expect.objectContaining({
        operation: 'addConnectorMemberOf',
        attempt: 1,
        status: 204,
        outcome: 'ok',
        requestId: 'req-204',
      }),
    ]);
  });

  it('201 with a connectorGroup: parsed, server-assigned id kept, unknowns tolerated', async () => {
    const server = await upstream([
      {
        status: 201,
        body: {
          '@odata.type': '#microsoft.graph.connectorGroup',
          id: NEW_GROUP_ID,
          connectorGroupType: 'applicationProxy',
          isDefault: false,
          name: 'West Europe connectors',
          region: 'mars',
          futureProperty: { nested: true },
        },
      },
    ]);
    const { graph } = client(server);

    const result = await add(graph);

    expect(result).toEqual({
      ok: true,
      status: 201,
      connectorGroup: {
        id: NEW_GROUP_ID,
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        name: 'West Europe connectors',
        region: 'unknownFutureValue',
      },
    });
  });

  it('2xx whose body is not JSON, or not a connectorGroup: the group as sent', async () => {
    const server = await upstream([
      { status: 200, body: '<html>ok</html>', headers: { 'content-type': 'text/html' } },
      { status: 200, body: { unexpected: 'shape' } },
    ]);
    const { graph } = client(server);

    expect(await add(graph)).toEqual({ ok: true, connectorGroup: group, status: 200 });
    expect(await add(graph)).toEqual({ ok: true, connectorGroup: group, status: 200 });
  });

  it('a 2xx body larger than the read limit is not read in full: the group as sent', async () => {
    const server = await upstream([{ status: 200, body: 'x'.repeat(2 * 1024 * 1024) }]);
    const { graph } = client(server);

    expect(await add(graph)).toEqual({ ok: true, connectorGroup: group, status: 200 });
  });
});

describe('GraphClient.addConnectorMemberOf: error answers (never retried)', () => {
  it.each([
    [400, GRAPH_ERROR_CODES.badRequest, "Invalid value for property 'name'.", 'invalidInput'],
    [400, GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE, 'alreadyMember'],
    [401, GRAPH_ERROR_CODES.unauthenticated, 'Access token is empty.', 'unauthenticated'],
    [403, GRAPH_ERROR_CODES.forbidden, 'Insufficient privileges.', 'forbidden'],
    [404, GRAPH_ERROR_CODES.notFound, "Resource 'x' of type connector does not exist.", 'notFound'],
    [409, 'Conflict', 'Something else.', 'unknown'],
    [500, 'InternalServerError', 'Boom.', 'unavailable'],
    [502, 'BadGateway', 'Bad gateway.', 'unavailable'],
  ])(
    '%i %s: kind from status and code, message from the envelope',
    async (status, code, message, kind) => {
      const server = await upstream([
        { status, headers: { 'request-id': 'req-err' }, body: envelope(code, message, 'req-err') },
      ]);
      const { graph, events, sleeps } = client(server);

      const result = await add(graph);

      expect(result).toEqual({
        ok: false,
        kind,
        message,
        status,
        requestId: 'req-err',
        sent: true,
      });
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
      expect(events.map((event) => event.outcome)).toEqual([kind]);
    },
  );

  it('takes the request-id from innerError when the header is missing', async () => {
    const server = await upstream([
      { status: 404, body: envelope(GRAPH_ERROR_CODES.notFound, 'Not there.', 'inner-id') },
    ]);
    const { graph } = client(server);

    expect(await add(graph)).toMatchObject({ kind: 'notFound', requestId: 'inner-id' });
  });

  it('a non-JSON error body is classified by status and never copied into the message', async () => {
    const page = '<html>internal-host-17.corp: stack trace here</html>';
    const server = await upstream([
      { status: 404, body: page, headers: { 'content-type': 'text/html' } },
      { status: 400, body: page, headers: { 'content-type': 'text/html' } },
      { status: 502, body: page, headers: { 'content-type': 'text/html' } },
    ]);
    const { graph } = client(server);

    const results = [await add(graph), await add(graph), await add(graph)];

    expect(results.map((result) => !result.ok && result.kind)).toEqual([
      'notFound',
      'invalidInput',
      'unavailable',
    ]);
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).not.toContain('internal-host');
    }
  });

  it('a 3xx is an error and is never followed (the token stays with the upstream)', async () => {
    const elsewhere = await upstream([{ status: 204 }]);
    const server = await upstream([
      { status: 302, headers: { location: `${elsewhere.origin}/v1.0/steal` } },
      { status: 307, headers: { location: `${elsewhere.origin}/v1.0/steal` } },
    ]);
    const { graph } = client(server);

    const found = await add(graph);
    const temporary = await add(graph);

    expect(found).toMatchObject({ ok: false, kind: 'unknown', status: 302 });
    expect(temporary).toMatchObject({ ok: false, kind: 'unknown', status: 307 });
    expect(!found.ok && found.message).toMatch(/redirect/);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('never puts the token in a message or an event, even when the upstream echoes it', async () => {
    const server = await upstream([
      {
        status: 401,
        body: envelope(GRAPH_ERROR_CODES.unauthenticated, `Token ${TOKEN} has expired.`),
      },
    ]);
    const { graph, events } = client(server);

    const result = await add(graph);

    expect(result).toMatchObject({
      kind: 'unauthenticated',
      message: 'Token [redacted] has expired.',
    });
    expect(JSON.stringify([result, events])).not.toContain(TOKEN);
  });

  it('any status and body: an answer never throws (property)', async () => {
    const server = await upstream((index) => replies[index] ?? {});
    const replies: ScriptedReply[] = [];
    const { graph } = client(server, { maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }).filter((status) => status !== 204 && status !== 304),
        fc.oneof(fc.string(), fc.json(), fc.constant('')),
        async (status, body) => {
          replies.push({ status, body, headers: { 'content-type': 'application/json' } });
          const result = await add(graph);
          if (status >= 200 && status < 300) return result.ok === true;
          return (
            result.ok === false && result.status === status && typeof result.message === 'string'
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('GraphClient.addConnectorMemberOf: retries', () => {
  it('retries a 429 after Retry-After seconds, then succeeds', async () => {
    const server = await upstream([
      { status: 429, headers: { 'retry-after': '2' }, body: envelope('TooManyRequests', 'Slow.') },
      { status: 204 },
    ]);
    const { graph, events, sleeps } = client(server);

    const result = await add(graph);

    expect(result).toMatchObject({ ok: true });
    expect(sleeps).toEqual([2000]);
    expect(events.map((event) => [event.attempt, event.status, event.outcome])).toEqual([
      [1, 429, 'retry'],
      [2, 204, 'ok'],
    ]);
    // One logical call: the same client-request-id on every attempt.
    expect(new Set(server.requests.map((request) => request.headers['client-request-id']))).toEqual(
      new Set([CLIENT_REQUEST_ID]),
    );
  });

  it('reads Retry-After as an HTTP date', async () => {
    const at = new Date(MANUAL_CLOCK_START + 3000).toUTCString();
    const server = await upstream([
      { status: 429, headers: { 'retry-after': at } },
      { status: 204 },
    ]);
    const { graph, sleeps } = client(server);

    expect(await add(graph)).toMatchObject({ ok: true });
    expect(sleeps).toEqual([3000]);
  });

  it('without Retry-After, backs off exponentially with jitter from 200 ms', async () => {
    const server = await upstream([{ status: 429 }]);
    const { graph, sleeps } = client(server, { retryBudgetMs: 60_000 });

    const result = await add(graph);

    // random() is 0.5 in the manual clock: 200 * 2^n * 1.25.
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(server.requests).toHaveLength(4);
    expect(result).toEqual({
      ok: false,
      kind: 'rateLimited',
      message: 'the upstream answered 429 Too Many Requests',
      status: 429,
      sent: true,
    });
  });

  it('stops after maxRetries, saying how long to wait', async () => {
    const server = await upstream([{ status: 429, headers: { 'retry-after': '1' } }]);
    const { graph, events } = client(server, { maxRetries: 2 });

    const result = await add(graph);

    expect(server.requests).toHaveLength(3);
    expect(result).toMatchObject({ ok: false, kind: 'rateLimited', retryAfterSeconds: 1 });
    expect(events.map((event) => event.outcome)).toEqual(['retry', 'retry', 'rateLimited']);
  });

  it('does not wait past the budget: fails at once with retryAfterSeconds (rounded up)', async () => {
    const at = new Date(MANUAL_CLOCK_START + 12_500).toUTCString();
    const server = await upstream([
      { status: 429, headers: { 'retry-after': '30', 'request-id': 'req-429' } },
      { status: 503, headers: { 'retry-after': at } },
    ]);
    const { graph, sleeps } = client(server);
    // A client of its own for the date: the 429's 30 s closed the first client's write gate.
    const { graph: second, sleeps: secondSleeps } = client(server);

    const seconds = await add(graph);
    const date = await add(second);

    expect(seconds).toMatchObject({
      ok: false,
      kind: 'rateLimited',
      status: 429,
      retryAfterSeconds: 30,
      requestId: 'req-429',
      sent: true,
    });
    // An HTTP date has whole-second precision: 12.5 s after a clock at .000 reads as 12 s.
    expect(date).toMatchObject({
      ok: false,
      kind: 'unavailable',
      status: 503,
      retryAfterSeconds: 12,
    });
    expect(server.requests).toHaveLength(2);
    expect([...sleeps, ...secondSleeps]).toEqual([]);
  });

  it('counts earlier waits against the budget', async () => {
    const server = await upstream([{ status: 503, headers: { 'retry-after': '4' } }]);
    const { graph, sleeps } = client(server, { retryBudgetMs: 10_000 });

    const result = await add(graph);

    // 4 s, then 8 s elapsed: a third wait of 4 s would end at 12 s, past the budget.
    expect(sleeps).toEqual([4000, 4000]);
    expect(result).toMatchObject({ kind: 'unavailable', retryAfterSeconds: 4 });
  });

  it('retries a 503 and a 504', async () => {
    const server = await upstream([
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 504, headers: { 'retry-after': '0' } },
      { status: 204, headers: { 'request-id': 'req-ok' } },
    ]);
    const { graph, events } = client(server);

    const result = await add(graph);

    expect(result).toEqual({ ok: true, connectorGroup: group, status: 204, requestId: 'req-ok' });
    expect(server.requests).toHaveLength(3);
    expect(events.map((event) => event.outcome)).toEqual(['retry', 'retry', 'ok']);
  });

  it('a duplicate answer on a retried attempt means the earlier attempt landed: success', async () => {
    const server = await upstream([{ status: 503, headers: { 'retry-after': '0' } }, duplicate]);
    const { graph, events } = client(server);

    const result = await add(graph);

    // The duplicate's own status: the log line shows what the upstream said.
    expect(result).toEqual({ ok: true, connectorGroup: group, status: 400, requestId: 'req-dup' });
    expect(events.map((event) => event.outcome)).toEqual(['retry', 'ok']);
  });

  it('a duplicate answer on the first attempt is alreadyMember', async () => {
    const server = await upstream([duplicate]);
    const { graph } = client(server);

    expect(await add(graph)).toMatchObject({ ok: false, kind: 'alreadyMember', status: 400 });
  });

  it('maxRetries 0 makes exactly one request', async () => {
    const server = await upstream([{ status: 429, headers: { 'retry-after': '0' } }]);
    const { graph } = client(server, { maxRetries: 0 });

    expect(await add(graph)).toMatchObject({ kind: 'rateLimited', retryAfterSeconds: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it('waits for real with the system clock (small Retry-After)', async () => {
    const server = await upstream([
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 204 },
    ]);
    const graph = new GraphClient({ baseUrl: `${server.origin}/v1.0` });
    onCleanup(() => graph.close());

    expect(await add(graph)).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(2);
  });
});

describe('GraphClient.addConnectorMemberOf: no answer', () => {
  it('a hanging upstream times out, and the attempt is not retried', async () => {
    const server = await upstream([{ hang: true }]);
    const { graph, events } = client(server, { timeoutMs: 150 });

    const started = performance.now();
    const result = await add(graph);
    const elapsed = performance.now() - started;

    expect(result).toEqual({
      ok: false,
      kind: 'timeout',
      message: 'the upstream did not answer within 150 ms',
      sent: true,
    });
    expect(server.requests).toHaveLength(1);
    expect(events.map((event) => event.outcome)).toEqual(['timeout']);
    // Loose bounds: it waited for the timeout, and not for anything like undici's 300 s default.
    expect(elapsed).toBeGreaterThanOrEqual(100);
    expect(elapsed).toBeLessThan(5000);
  });

  it('a reset after the request was sent is unavailable and not retried (it may have landed)', async () => {
    const server = await upstream([{ reset: true }, { status: 204 }]);
    const { graph } = client(server);

    const result = await add(graph);

    expect(result).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(result).not.toHaveProperty('status');
    expect(server.requests).toHaveLength(1);
  });

  it('a reset in the middle of the body is unavailable and not retried', async () => {
    const server = await upstream([{ resetMidBody: true }, { status: 204 }]);
    const { graph } = client(server);

    expect(await add(graph)).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(server.requests).toHaveLength(1);
  });

  it('a refused connection is retried, and succeeds once the upstream listens', async () => {
    const port = await closedPort();
    let server: ScriptedUpstream | undefined;
    const manual = manualClock({
      onSleep: async () => {
        if (server) return;
        server = await startScriptedUpstream([{ status: 204 }], port);
        onCleanup(server.close);
      },
    });
    const events: UpstreamCallEvent[] = [];
    const graph = new GraphClient({
      baseUrl: `http://127.0.0.1:${port}/v1.0`,
      clock: manual.clock,
      onUpstreamCall: (event) => events.push(event),
    });
    onCleanup(() => graph.close());

    const result = await add(graph);

    expect(result).toMatchObject({ ok: true });
    expect(events.map((event) => event.outcome)).toEqual(['retry', 'ok']);
    expect(manual.sleeps).toEqual([250]);
  });

  it('a connection refused on every attempt is unavailable after 1 + maxRetries attempts', async () => {
    const port = await closedPort();
    const { graph, events, sleeps } = client({ origin: `http://127.0.0.1:${port}` });

    const result = await add(graph);

    expect(result).toEqual({
      ok: false,
      kind: 'unavailable',
      message: 'the upstream refused the connection',
      sent: false,
    });
    expect(events).toHaveLength(4);
    expect(sleeps).toEqual([250, 500, 1000]);
  });

  it('the caller aborting rejects with its reason', async () => {
    const server = await upstream([{ hang: true }]);
    const { graph } = client(server, { timeoutMs: 60_000 });
    const controller = new AbortController();
    const reason = new Error('client went away');

    const pending = add(graph, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);

    await expect(pending).rejects.toBe(reason);
    await expect(add(graph, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('a throwing event listener does not change the result', async () => {
    const server = await upstream([{ status: 204 }]);
    const graph = new GraphClient({
      baseUrl: `${server.origin}/v1.0`,
      onUpstreamCall: () => {
        throw new Error('metrics broke');
      },
    });
    onCleanup(() => graph.close());

    expect(await add(graph)).toMatchObject({ ok: true });
  });
});

describe('GraphClient.listConnectorMemberOf', () => {
  const listed = {
    id: GROUP_ID,
    connectorGroupType: 'applicationProxy',
    isDefault: true,
    name: 'Default',
    region: 'nam',
  };

  it('GETs the memberOf path and reads the collection', async () => {
    const server = await upstream([
      {
        status: 200,
        headers: { 'request-id': 'req-list' },
        body: { '@odata.context': 'x/$metadata#connectorGroups', value: [listed] },
      },
    ]);
    const { graph, events } = client(server);

    const result = await graph.listConnectorMemberOf({
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      authorization: AUTHORIZATION,
    });

    expect(result).toEqual({
      ok: true,
      connectorGroups: [listed],
      status: 200,
      requestId: 'req-list',
    });
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(REF_PATH.replace(/\/\$ref$/, ''));
    expect(request?.headers.authorization).toBe(AUTHORIZATION);
    expect(request?.headers['content-type']).toBeUndefined();
    expect(events[0]).toMatchObject({ operation: 'listConnectorMemberOf', outcome: 'ok' });
  });

  it('a 200 that is not a collection is an unknown failure; errors are classified', async () => {
    const server = await upstream([
      { status: 200, body: '<html></html>' },
      { status: 404, body: envelope(GRAPH_ERROR_CODES.notFound, 'No such connector.') },
    ]);
    const { graph } = client(server);
    const request = {
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      authorization: AUTHORIZATION,
    };

    expect(await graph.listConnectorMemberOf(request)).toMatchObject({
      ok: false,
      kind: 'unknown',
      status: 200,
    });
    expect(await graph.listConnectorMemberOf(request)).toMatchObject({
      ok: false,
      kind: 'notFound',
      message: 'No such connector.',
    });
  });
});
