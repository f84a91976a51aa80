import {
  ConnectorGroupInput,
  ConnectorGroupsQuery,
  DirectoryObjectId,
  DUPLICATE_REFERENCE_MESSAGE,
  GRAPH_ERROR_CODES,
  graphErrorEnvelope,
  parseNameEqualsFilter,
  parseValid,
  SEED,
  ValidationError,
} from '@connectors/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientFixture } from '../test/client-fixture.ts';
import { addParsed } from '../test/parsed-add.ts';
import type { RecordedRequest, ScriptedReply } from '../test/scripted-upstream.ts';
import { GraphClient, type ListConnectorGroupsRequest } from './graph-client.ts';

const APPLICATION_ID = SEED.applicationId;
const CONNECTOR_ID = SEED.connectorId;
const GROUP_ID = SEED.defaultGroup.id;
const OTHER_GROUP_ID = parseValid(DirectoryObjectId, '0f5c7a4e-9d1b-4a2c-8e3f-6b7d9c1a2e40');
const CLIENT_REQUEST_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-part.signature';
const AUTHORIZATION = `Bearer ${TOKEN}`;
const PROXY = '/beta/onPremisesPublishingProfiles/applicationProxy';
const REF_PATH = `${PROXY}/connectors/${CONNECTOR_ID}/memberOf/$ref`;
const GROUPS_PATH = `${PROXY}/connectorGroups`;

const input = parseValid(ConnectorGroupInput, {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
});

// The group as the upstream lists it: its region differs from the input's on purpose, so a test
// can tell which of the two a result carries.
const listed = {
  id: GROUP_ID,
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'nam',
} as const;

function list(...groups: object[]): ScriptedReply {
  return {
    status: 200,
    headers: { 'request-id': 'req-list' },
    body: { '@odata.context': 'x/$metadata#connectorGroups', value: groups },
  };
}

const added: ScriptedReply = { status: 204, headers: { 'request-id': 'req-add' } };

function envelope(code: string, message: string) {
  return graphErrorEnvelope(code, message, { requestId: 'req-err' });
}

const { upstream, client } = clientFixture({ basePath: '/beta', api: 'graph' });

// Parsed by the domain first, as the gateway does (the client takes only parsed values).
function add(graph: GraphClient, overrides: Record<string, unknown> = {}) {
  return addParsed(graph, {
    applicationId: APPLICATION_ID,
    connectorId: CONNECTOR_ID,
    connectorGroup: input,
    authorization: AUTHORIZATION,
    clientRequestId: CLIENT_REQUEST_ID,
    ...overrides,
  });
}

async function listGroups(
  graph: GraphClient,
  { name, ...caller }: Omit<ListConnectorGroupsRequest, 'name'> & { name?: string },
) {
  return graph.listConnectorGroups({
    ...parseValid(ConnectorGroupsQuery, name === undefined ? {} : { name }),
    ...caller,
  });
}

// The `$filter` as a server reads it: the raw query split into parameters, then decoded.
function filterOf(request: RecordedRequest | undefined) {
  const [path, query = ''] = (request?.url ?? '').split('?');
  const params = new URLSearchParams(query);
  return { path, keys: [...params.keys()], filter: params.get('$filter') ?? undefined };
}

function reference(origin: string, groupId: string) {
  return `${origin}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${groupId}`;
}

describe("api 'graph': addConnectorMemberOf with connectorGroup.id", () => {
  it('POSTs only the OData reference to the documented $ref path: no lookup, the id alone', async () => {
    const server = await upstream([added]);
    const { graph, events } = client(server);

    const result = await add(graph, { connectorGroup: { id: GROUP_ID } });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    // Raw request-target: `$ref` literal, the base's version path kept.
    expect(request?.url).toBe(REF_PATH);
    expect(request?.body).toBe(`{"@odata.id":"${reference(server.origin, GROUP_ID)}"}`);
    expect(request?.headers.authorization).toBe(AUTHORIZATION);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['client-request-id']).toBe(CLIENT_REQUEST_ID);
    // A 204 says nothing of the group and the request named only its id: no group, no read.
    expect(result).toEqual({ ok: true, connectorGroup: null, status: 204, requestId: 'req-add' });
    expect(events.map((event) => [event.operation, event.outcome])).toEqual([
      ['addConnectorMemberOf', 'ok'],
    ]);
  });

  it("never answers with the caller's description of a group named by id", async () => {
    const server = await upstream([added, { status: 200, body: listed }]);
    const { graph } = client(server);
    const byId = { connectorGroup: { ...input, id: GROUP_ID } };

    expect(await add(graph, byId)).toMatchObject({ ok: true, connectorGroup: null, status: 204 });
    // An upstream that answers with the group is believed: its region, not the caller's.
    expect(await add(graph, byId)).toMatchObject({
      ok: true,
      connectorGroup: { id: GROUP_ID, region: 'nam' },
      status: 200,
    });
    expect(server.requests.map((request) => request.body)).toEqual([
      `{"@odata.id":"${reference(server.origin, GROUP_ID)}"}`,
      `{"@odata.id":"${reference(server.origin, GROUP_ID)}"}`,
    ]);
  });

  it('keeps the upstream answers as typed failures: 404, duplicate, 403', async () => {
    const server = await upstream([
      { status: 404, body: envelope(GRAPH_ERROR_CODES.notFound, 'No such connector.') },
      { status: 400, body: envelope(GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE) },
      { status: 403, body: envelope(GRAPH_ERROR_CODES.forbidden, 'Insufficient privileges.') },
    ]);
    const { graph } = client(server);
    const byId = { connectorGroup: { ...input, id: GROUP_ID } };

    expect(await add(graph, byId)).toMatchObject({ ok: false, kind: 'notFound', status: 404 });
    expect(await add(graph, byId)).toMatchObject({ ok: false, kind: 'alreadyMember' });
    expect(await add(graph, byId)).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(server.requests.every((request) => request.url === REF_PATH)).toBe(true);
  });

  it('the POST keeps the POST-safe rules: a timeout is not retried', async () => {
    const server = await upstream([{ hang: true }, added]);
    const { graph, events } = client(server, { timeoutMs: 150 });

    const result = await add(graph, { connectorGroup: { ...input, id: GROUP_ID } });

    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(server.requests).toHaveLength(1);
    expect(events.map((event) => event.outcome)).toEqual(['timeout']);
  });

  it('the POST keeps the POST-safe rules: a reset is not retried, a 503 is', async () => {
    const server = await upstream([{ reset: true }, { status: 503 }, added]);
    const { graph } = client(server);
    const byId = { connectorGroup: { ...input, id: GROUP_ID } };

    expect(await add(graph, byId)).toMatchObject({ ok: false, kind: 'unavailable' });
    expect(server.requests).toHaveLength(1);
    expect(await add(graph, byId)).toMatchObject({ ok: true, status: 204 });
    expect(server.requests).toHaveLength(3);
  });

  it('a duplicate answer on a retried POST means the earlier one landed: success', async () => {
    const server = await upstream([
      { status: 503 },
      { status: 400, body: envelope(GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE) },
    ]);
    const { graph } = client(server);

    const result = await add(graph, { connectorGroup: { ...input, id: GROUP_ID } });

    expect(result).toMatchObject({ ok: true, connectorGroup: null, status: 400 });
  });
});

describe("api 'graph': addConnectorMemberOf by name (the lookup)", () => {
  it('one match: GETs the filtered list, then POSTs the reference to the found id', async () => {
    const server = await upstream([list(listed), added]);
    const { graph, events } = client(server);

    const result = await add(graph);

    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
    const [lookup, post] = server.requests;
    expect(lookup?.url).toBe(`${GROUPS_PATH}?$filter=name%20eq%20'West%20Europe%20connectors'`);
    expect(lookup?.headers.authorization).toBe(AUTHORIZATION);
    expect(lookup?.headers['content-type']).toBeUndefined();
    // One client-request-id correlates the caller's one operation across both requests.
    expect(lookup?.headers['client-request-id']).toBe(CLIENT_REQUEST_ID);
    expect(post?.headers['client-request-id']).toBe(CLIENT_REQUEST_ID);
    expect(post?.url).toBe(REF_PATH);
    expect(JSON.parse(post?.body ?? '')).toEqual({
      '@odata.id': reference(server.origin, GROUP_ID),
    });
    // The group as the upstream listed it (region nam), not the input (eur).
    expect(result).toEqual({ ok: true, connectorGroup: listed, status: 204, requestId: 'req-add' });
    expect(events.map((event) => [event.operation, event.outcome])).toEqual([
      ['lookupConnectorGroup', 'ok'],
      ['addConnectorMemberOf', 'ok'],
    ]);
  });

  it('no match: NOT_FOUND on the name, and nothing is created', async () => {
    const server = await upstream([list(), added]);
    const { graph } = client(server);

    const result = await add(graph);

    expect(result).toEqual({
      ok: false,
      kind: 'notFound',
      message: expect.stringContaining('no connector group is named "West Europe connectors"'),
      field: ['input', 'connectorGroup', 'name'],
      status: 200,
      requestId: 'req-list',
      sent: true,
    });
    expect(server.requests.map((request) => request.method)).toEqual(['GET']);
  });

  it('several matches: INVALID_INPUT asking for the id, listing the candidates', async () => {
    const server = await upstream([list(listed, { ...listed, id: OTHER_GROUP_ID }), added]);
    const { graph } = client(server);

    const result = await add(graph);

    expect(result).toMatchObject({
      ok: false,
      kind: 'invalidInput',
      field: ['input', 'connectorGroup', 'id'],
    });
    expect(!result.ok && result.message).toMatch(/^2 connector groups are named "West Europe/);
    expect(!result.ok && result.message).toContain(GROUP_ID);
    expect(!result.ok && result.message).toContain(OTHER_GROUP_ID);
    expect(!result.ok && result.message).toContain('connectorGroup.id');
    expect(server.requests).toHaveLength(1);
  });

  it('matches the name exactly, case and all, whatever the upstream\u2019s eq returned', async () => {
    const otherCase = { ...listed, id: OTHER_GROUP_ID, name: 'west europe CONNECTORS' };
    const server = await upstream([list(otherCase, listed), added, list(otherCase)]);
    const { graph } = client(server);

    // A case-insensitive eq returned both: the exact one is the one match.
    expect(await add(graph)).toMatchObject({ ok: true, connectorGroup: { id: GROUP_ID } });
    expect(JSON.parse(server.requests[1]?.body ?? '')['@odata.id']).toContain(GROUP_ID);
    // Only another case came back: no group has this exact name.
    expect(await add(graph)).toMatchObject({ ok: false, kind: 'notFound' });
    expect(server.requests).toHaveLength(3);
  });

  it('the lookup is a read: retried after a 503 (on a new connection), then used', async () => {
    const server = await upstream([{ status: 503 }, list(listed), added]);
    const { graph, events, sleeps } = client(server);

    const result = await add(graph);

    expect(result).toMatchObject({ ok: true, connectorGroup: listed });
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'POST']);
    const [first, second] = server.requests;
    expect(second?.connection).not.toBe(first?.connection);
    expect(sleeps).toEqual([250]);
    expect(events.map((event) => [event.operation, event.outcome])).toEqual([
      ['lookupConnectorGroup', 'retry'],
      ['lookupConnectorGroup', 'ok'],
      ['addConnectorMemberOf', 'ok'],
    ]);
  });

  it('the lookup is a read: retried after a timeout and after a reset', async () => {
    const server = await upstream([{ hang: true }, { reset: true }, list(listed), added]);
    const { graph, events } = client(server, { timeoutMs: 150 });

    const result = await add(graph);

    expect(result).toMatchObject({ ok: true, connectorGroup: listed });
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET', 'GET', 'POST']);
    expect(events.map((event) => event.outcome)).toEqual(['retry', 'retry', 'ok', 'ok']);
  });

  it('a lookup that keeps failing ends the call with its failure, and no POST', async () => {
    const server = await upstream([{ hang: true }]);
    const { graph } = client(server, { timeoutMs: 100, maxRetries: 1 });

    expect(await add(graph)).toMatchObject({ ok: false, kind: 'timeout' });
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
  });

  it('a lookup refused by the upstream is its typed failure, token redacted', async () => {
    const server = await upstream([
      {
        status: 401,
        body: envelope(GRAPH_ERROR_CODES.unauthenticated, `Token ${TOKEN} has expired.`),
      },
    ]);
    const { graph } = client(server);

    const result = await add(graph);

    expect(result).toMatchObject({ ok: false, kind: 'unauthenticated', status: 401 });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
  });

  it('a lookup answer that is not a list of groups with ids is an unknown failure, no POST', async () => {
    const { id: _id, ...withoutId } = listed;
    const server = await upstream([{ status: 200, body: '<html/>' }, list(withoutId)]);
    const { graph } = client(server);

    expect(await add(graph)).toMatchObject({ ok: false, kind: 'unknown', status: 200 });
    expect(await add(graph)).toMatchObject({ ok: false, kind: 'unknown', status: 200 });
    expect(server.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
  });

  it('one retry budget covers the lookup and its POST', async () => {
    const throttled: ScriptedReply = { status: 429, headers: { 'retry-after': '1' } };
    const server = await upstream([throttled, list(listed), throttled, added]);
    const { graph, sleeps } = client(server, { retryBudgetMs: 1000 });

    const result = await add(graph);

    // The lookup's 1 s wait used the budget up: the POST's 429 is not waited for.
    expect(result).toMatchObject({ ok: false, kind: 'rateLimited', retryAfterSeconds: 1 });
    expect(sleeps).toEqual([1000]);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ["O'Brien's connectors", "name%20eq%20'O''Brien''s%20connectors'"],
    ['R&D=1', "name%20eq%20'R%26D%3D1'"],
    ['Team #1', "name%20eq%20'Team%20%231'"],
    ['eu/west', "name%20eq%20'eu%2Fwest'"],
    ['100% up', "name%20eq%20'100%25%20up'"],
    ['a+b?c', "name%20eq%20'a%2Bb%3Fc'"],
    ['Zürich 東京 👩‍💻', `name%20eq%20'${encodeURIComponent('Zürich 東京 👩‍💻')}'`],
  ])('sends the name %j as one $filter parameter the server reads back', async (name, encoded) => {
    // The server reads the filter as a server would and lists a group of exactly that name.
    const server = await upstream((index, request) =>
      index === 0
        ? list({ ...listed, name: parseNameEqualsFilter(filterOf(request).filter ?? '') ?? '' })
        : added,
    );
    const { graph } = client(server);

    const result = await add(graph, { connectorGroup: { ...input, name } });

    expect(server.requests[0]?.url).toBe(`${GROUPS_PATH}?$filter=${encoded}`);
    expect(filterOf(server.requests[0])).toEqual({
      path: GROUPS_PATH,
      keys: ['$filter'],
      filter: `name eq '${name.replaceAll("'", "''")}'`,
    });
    expect(result).toMatchObject({ ok: true, connectorGroup: { id: GROUP_ID, name } });
  });

  it('any valid name reaches a real server as exactly one $filter that round-trips (property)', async () => {
    const seen: string[] = [];
    const server = await upstream((_index, request) => {
      const { path, keys, filter } = filterOf(request);
      // Anything else than the one parameter on the one path is a failure the client reports.
      if (path !== GROUPS_PATH || keys.length !== 1 || filter === undefined) return { status: 500 };
      seen.push(parseNameEqualsFilter(filter) ?? '\u0000unparsed');
      return list();
    });
    const { graph } = client(server, { maxRetries: 0 });
    const names = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1 }),
      fc
        .array(
          fc.constantFrom("'", '&', '#', '/', '?', '=', '+', '%', '%2F', 'a', 'é', '😀', ' '),
          {
            minLength: 1,
          },
        )
        .map((parts) => `x${parts.join('')}`),
    );

    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        let result: Awaited<ReturnType<typeof add>>;
        try {
          result = await add(graph, { connectorGroup: { ...input, name } });
        } catch (error) {
          // Names that break the rules of a written name are misuse, refused before any call.
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        expect(result).toMatchObject({ ok: false, kind: 'notFound' });
        expect(seen.at(-1)).toBe(name.trim());
      }),
      { numRuns: 60 },
    );
  });
});

describe("api 'graph': misuse is refused before any network call", () => {
  it('refuses a bad application id, connector id, group id or name', async () => {
    const server = await upstream([list(listed), added]);
    const { graph } = client(server);

    await expect(add(graph, { applicationId: 'nope' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: ['applicationId'] })],
    });
    await expect(add(graph, { connectorId: '../x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      add(graph, { connectorGroup: { ...input, id: 'not-a-guid' } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(add(graph, { connectorGroup: { ...input, name: ' ' } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: ['connectorGroup', 'name'] })],
    });
    // Neither id nor name: nothing says which group.
    await expect(add(graph, { connectorGroup: { region: 'eur' } })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: ['connectorGroup', 'name'] })],
    });
    // A lone surrogate cannot be percent-encoded: refused, never sent mangled.
    await expect(
      add(graph, { connectorGroup: { ...input, name: 'West \uD800' } }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: ['connectorGroup', 'name'] })],
    });
    await expect(add(graph, { authorization: '' })).rejects.toBeInstanceOf(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an api that is neither seed nor graph', () => {
    expect(
      () => new GraphClient({ baseUrl: 'http://127.0.0.1:1/beta', api: 'v2' as 'graph' }),
    ).toThrow(RangeError);
  });
});

describe("api 'graph': listConnectorMemberOf", () => {
  it('GETs the documented memberOf path and reads the collection', async () => {
    const server = await upstream([list(listed)]);
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
    expect(server.requests[0]?.method).toBe('GET');
    expect(server.requests[0]?.url).toBe(`${PROXY}/connectors/${CONNECTOR_ID}/memberOf`);
    expect(events[0]).toMatchObject({ operation: 'listConnectorMemberOf', outcome: 'ok' });
  });

  it('is a read: a timeout is retried', async () => {
    const server = await upstream([{ hang: true }, list(listed)]);
    const { graph } = client(server, { timeoutMs: 150 });

    const result = await graph.listConnectorMemberOf({
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      authorization: AUTHORIZATION,
    });

    expect(result).toMatchObject({ ok: true, connectorGroups: [listed] });
    expect(server.requests).toHaveLength(2);
  });

  it("under 'seed' the list keeps the rules it shipped with: a timeout is not retried", async () => {
    const server = await upstream([{ hang: true }, list(listed)]);
    const { graph } = client(server, {
      api: 'seed',
      baseUrl: `${server.origin}/v1.0`,
      timeoutMs: 150,
    });

    const result = await graph.listConnectorMemberOf({
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      authorization: AUTHORIZATION,
    });

    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(server.requests.map((request) => request.url)).toEqual([
      `/v1.0/applications/${APPLICATION_ID}/connectorGroup/members/${CONNECTOR_ID}/memberOf`,
    ]);
  });
});

describe('listConnectorGroups (both profiles)', () => {
  it.each([
    ['graph', '/beta'],
    ['seed', '/v1.0'],
  ] as const)('under %s, GETs the documented list under the base path', async (api, version) => {
    const server = await upstream([list(listed, { ...listed, id: OTHER_GROUP_ID, name: 'Asia' })]);
    const { graph, events } = client(server, { api, baseUrl: `${server.origin}${version}` });

    const result = await graph.listConnectorGroups({ authorization: AUTHORIZATION });

    expect(server.requests[0]?.url).toBe(
      `${version}/onPremisesPublishingProfiles/applicationProxy/connectorGroups`,
    );
    expect(result).toMatchObject({ ok: true, status: 200, requestId: 'req-list' });
    expect(result.ok && result.connectorGroups.map((group) => group.name)).toEqual([
      'West Europe connectors',
      'Asia',
    ]);
    expect(events[0]).toMatchObject({ operation: 'listConnectorGroups', outcome: 'ok' });
  });

  it('by name: the trimmed name filtered, only exact matches returned', async () => {
    const server = await upstream([
      list(listed, { ...listed, id: OTHER_GROUP_ID, name: 'WEST EUROPE CONNECTORS' }),
    ]);
    const { graph } = client(server);

    const result = await listGroups(graph, {
      name: '  West Europe connectors ',
      authorization: AUTHORIZATION,
    });

    expect(filterOf(server.requests[0]).filter).toBe("name eq 'West Europe connectors'");
    expect(result).toMatchObject({ ok: true, connectorGroups: [listed] });
  });

  it('refuses a bad name before any call, naming the field', async () => {
    const server = await upstream([list()]);
    const { graph } = client(server);

    await expect(
      listGroups(graph, { name: '', authorization: AUTHORIZATION }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ field: ['name'] })] });
    expect(server.requests).toHaveLength(0);
  });

  it('reads tolerantly, retries as a read, and classifies errors', async () => {
    const server = await upstream([
      { resetMidBody: true },
      list({ ...listed, region: 'mars', extra: true }),
      { status: 400, body: envelope(GRAPH_ERROR_CODES.badRequest, 'Unsupported filter.') },
    ]);
    const { graph } = client(server);

    expect(await graph.listConnectorGroups({ authorization: AUTHORIZATION })).toMatchObject({
      ok: true,
      connectorGroups: [{ ...listed, region: 'unknownFutureValue' }],
    });
    expect(server.requests).toHaveLength(2);
    expect(await graph.listConnectorGroups({ authorization: AUTHORIZATION })).toMatchObject({
      ok: false,
      kind: 'invalidInput',
      message: 'Unsupported filter.',
    });
  });
});
