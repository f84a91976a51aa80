import {
  DirectoryObjectId,
  DUPLICATE_REFERENCE_MESSAGE,
  GraphErrorEnvelope,
  memberOfPath,
  memberOfRefPath,
  parseValid,
} from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

// Graph's documented routes (docs/rest-upstream.md, the graph profile) over HTTP, on a real SQLite file.
const PROFILE = '/onPremisesPublishingProfiles/applicationProxy';
const AUTH = { authorization: 'Bearer test-token' };
const UNKNOWN_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
// Parsed: the seed path's builders take parsed ids, as the graph-client passes them.
const CONNECTOR = parseValid(DirectoryObjectId, '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
const memberOfUrl = (connectorId: string) => `${PROFILE}/connectors/${connectorId}/memberOf`;

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

function tenantGroup(name: string, region: 'nam' | 'eur' | 'aus' | 'asia' | 'ind' = 'eur') {
  return graph.store.createGroup(null, {
    connectorGroupType: 'applicationProxy',
    isDefault: false,
    name,
    region,
  });
}
const reference = (groupId: string, base = `${graph.url}/beta`) => ({
  '@odata.id': `${base}${PROFILE}/connectorGroups/${groupId}`,
});

async function call(
  method: string,
  path: string,
  init: { body?: unknown; version?: string; headers?: Record<string, string> } = {},
) {
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === 'string'
        ? init.body
        : JSON.stringify(init.body);
  const response = await fetch(`${graph.url}/${init.version ?? 'beta'}${path}`, {
    method,
    headers: {
      ...AUTH,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

function expectGraphError(
  response: Awaited<ReturnType<typeof call>>,
  status: number,
  code: string,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  const envelope = GraphErrorEnvelope.parse(response.json());
  expect(envelope.error.code).toBe(code);
  expect(envelope.error.innerError?.['request-id']).toBe(response.headers.get('request-id'));
  return envelope.error;
}

async function groupNamesOf(connectorId: string): Promise<string[]> {
  const response = await call('GET', memberOfUrl(connectorId));
  expect(response.status).toBe(200);
  return response.json().value.map((group: { name: string }) => group.name);
}

describe('POST .../connectors/{id}/memberOf/$ref with an @odata.id reference', () => {
  it('moves the connector: 204, then it is in that group alone', async () => {
    const west = tenantGroup('West Europe connectors');
    const response = await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, {
      body: reference(west.id),
    });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(await groupNamesOf(SEED.connectorId)).toEqual(['West Europe connectors']);

    const asia = tenantGroup('Asia connectors', 'asia');
    const again = await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, {
      body: reference(asia.id, `${graph.url}/v1.0`),
      version: 'v1.0',
    });
    expect(again.status).toBe(204);
    expect(await groupNamesOf(SEED.connectorId)).toEqual(['Asia connectors']);
  });

  it('answers the group the connector is in already with the duplicate 400', async () => {
    const response = await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, {
      body: reference(SEED.defaultGroup.id),
    });
    const error = expectGraphError(response, 400, 'Request_BadRequest');
    expect(error.message).toBe(DUPLICATE_REFERENCE_MESSAGE);
    expect(await groupNamesOf(SEED.connectorId)).toEqual(['Default']);
  });

  it.each([
    ['another host', 'https://graph.microsoft.com/beta'],
    ['another port', 'http://127.0.0.1:1/beta'],
    ['a version this service does not serve', 'GRAPH_URL/v2.0'],
  ])('refuses a reference to %s with 400, and moves nothing', async (_label, base) => {
    const west = tenantGroup('West Europe connectors');
    const response = await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, {
      body: reference(west.id, base.replace('GRAPH_URL', graph.url)),
    });
    const error = expectGraphError(response, 400, 'Request_BadRequest');
    expect(error.message).toMatch(/^Invalid value for property '@odata\.id': /);
    expect(error.message).toContain(`${graph.url}/v1.0${PROFILE}/connectorGroups/{id}`);
    expect(await groupNamesOf(SEED.connectorId)).toEqual(['Default']);
  });

  it.each([
    ['a connectorGroup body instead of a reference', { name: 'x' }, /has no '@odata\.id'/],
    [
      'another kind of object',
      { '@odata.id': 'OWN/groups/GROUP' },
      /does not name a connector group/,
    ],
    [
      'a malformed group id',
      { '@odata.id': 'OWN/onPremisesPublishingProfiles/applicationProxy/connectorGroups/42' },
      /'42' is not a connector group id/,
    ],
    ['malformed JSON', '{"@odata.id": ', /not valid JSON/],
  ])('refuses %s with 400 naming the cause', async (_label, body, message) => {
    const text = (typeof body === 'string' ? body : JSON.stringify(body))
      .replace('OWN', `${graph.url}/beta`)
      .replace('GROUP', SEED.defaultGroup.id);
    const error = expectGraphError(
      await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, { body: text }),
      400,
      'Request_BadRequest',
    );
    expect(error.message).toMatch(message);
  });

  it('answers an unknown connector and an unknown group with 404 naming them', async () => {
    const unknownConnector = expectGraphError(
      await call('POST', `${memberOfUrl(UNKNOWN_ID)}/$ref`, {
        body: reference(SEED.defaultGroup.id),
      }),
      404,
      'Request_ResourceNotFound',
    );
    expect(unknownConnector.message).toBe(
      `Resource '${UNKNOWN_ID}' of type connector does not exist.`,
    );
    const unknownGroup = expectGraphError(
      await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, { body: reference(UNKNOWN_ID) }),
      404,
      'Request_ResourceNotFound',
    );
    expect(unknownGroup.message).toBe(
      `Resource '${UNKNOWN_ID}' of type connectorGroup does not exist.`,
    );
  });

  it("reaches any group of the tenant, another application's too", async () => {
    const otherDefault = graph.store.createApplication('11111111-2222-3333-4444-555555555555');
    const response = await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, {
      body: reference(otherDefault.id),
    });
    expect(response.status).toBe(204);
    expect(graph.store.groupOf(SEED.connectorId)).toEqual(otherDefault);
  });

  it('answers a path id that is not a GUID with 400, and GET on $ref with 405', async () => {
    const error = expectGraphError(
      await call('POST', `${memberOfUrl('not-a-guid')}/$ref`, {
        body: reference(SEED.defaultGroup.id),
      }),
      400,
      'Request_BadRequest',
    );
    expect(error.message).toBe("Invalid object identifier 'not-a-guid' for connectorId.");
    const wrongMethod = await call('GET', `${memberOfUrl(SEED.connectorId)}/$ref`);
    expectGraphError(wrongMethod, 405, 'Request_BadRequest');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});

describe('GET .../connectors/{id}/memberOf', () => {
  it("lists the connector's one group as an OData collection", async () => {
    const response = await call('GET', memberOfUrl(SEED.connectorId));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      '@odata.context': `${graph.url}/beta/$metadata#connectorGroups`,
      value: [{ '@odata.type': '#microsoft.graph.connectorGroup', ...SEED.defaultGroup }],
    });
  });

  it('answers an unknown connector with 404 and a query option with 400', async () => {
    expectGraphError(await call('GET', memberOfUrl(UNKNOWN_ID)), 404, 'Request_ResourceNotFound');
    expectGraphError(
      await call('GET', `${memberOfUrl(SEED.connectorId)}?$top=1`),
      400,
      'Request_UnsupportedQuery',
    );
  });
});

describe('GET .../connectorGroups', () => {
  it("lists the tenant's groups, the default first", async () => {
    const west = tenantGroup('West Europe connectors');
    const response = await call('GET', `${PROFILE}/connectorGroups`);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      '@odata.context': `${graph.url}/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups`,
      value: [
        { '@odata.type': '#microsoft.graph.connectorGroup', ...SEED.defaultGroup },
        { '@odata.type': '#microsoft.graph.connectorGroup', ...west },
      ],
    });
  });

  it("filters by name eq with OData quoting: '' inside the literal is one '", async () => {
    const obrien = tenantGroup("O'Brien's connectors");
    tenantGroup('O');
    tenantGroup("O'Brien");
    const filter = `name eq '${"O'Brien's connectors".replaceAll("'", "''")}'`;
    const response = await call(
      'GET',
      `${PROFILE}/connectorGroups?$filter=${encodeURIComponent(filter)}`,
    );
    expect(response.status).toBe(200);
    expect(response.json().value).toEqual([
      { '@odata.type': '#microsoft.graph.connectorGroup', ...obrien },
    ]);
  });

  it('gives every group of that name (names are not unique in a tenant) and none for no match', async () => {
    const first = tenantGroup('Shared name');
    const second = tenantGroup('shared NAME', 'ind');
    const some = await call(
      'GET',
      `${PROFILE}/connectorGroups?$filter=${encodeURIComponent("name eq 'Shared name'")}`,
    );
    expect(some.json().value.map((group: { id: string }) => group.id)).toEqual([
      first.id,
      second.id,
    ]);
    const none = await call(
      'GET',
      `${PROFILE}/connectorGroups?$filter=${encodeURIComponent("name eq 'Nobody'")}`,
    );
    expect(none.status).toBe(200);
    expect(none.json().value).toEqual([]);
  });

  it('reads a name with & = + # % as one query value when encoded', async () => {
    const odd = tenantGroup('R&D = 100% + #1');
    const filter = encodeURIComponent("name eq 'R&D = 100% + #1'");
    const response = await call('GET', `${PROFILE}/connectorGroups?$filter=${filter}`);
    expect(response.json().value.map((group: { id: string }) => group.id)).toEqual([odd.id]);
  });

  it.each([
    ['another operator', "name ne 'Default'", 'Request_UnsupportedQuery', /operator 'ne'/],
    [
      'another property',
      "region eq 'nam'",
      'Request_UnsupportedQuery',
      /property 'region' of resource 'connectorGroup'/,
    ],
    ['a function', "startswith(name,'Def')", 'Request_UnsupportedQuery', /Unsupported query/],
    ['two comparisons', "name eq 'a' or name eq 'b'", 'Request_UnsupportedQuery', /one comparison/],
    ['a value that is not a string', 'name eq 5', 'Request_UnsupportedQuery', /string literal/],
    ['an unclosed literal', "name eq 'Default", 'BadRequest', /Invalid filter clause/],
    ['a lone quote inside the literal', "name eq 'O'Brien'", 'BadRequest', /Invalid filter clause/],
    ['an empty filter', '', 'BadRequest', /empty/],
  ])('answers %s in $filter with Graph 400 %s', async (_label, filter, code, message) => {
    const response = await call(
      'GET',
      `${PROFILE}/connectorGroups?$filter=${encodeURIComponent(filter)}`,
    );
    const error = expectGraphError(response, 400, code);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['another query option', '$orderby=name', 'Request_UnsupportedQuery'],
    [
      'a custom parameter smuggled beside the filter',
      `$filter=${encodeURIComponent("name eq 'a'")}&select=name`,
      'Request_UnsupportedQuery',
    ],
    [
      '$filter twice',
      `$filter=${encodeURIComponent("name eq 'a'")}&$filter=${encodeURIComponent("name eq 'b'")}`,
      'BadRequest',
    ],
  ])('answers %s with Graph 400 %s', async (_label, query, code) => {
    expectGraphError(await call('GET', `${PROFILE}/connectorGroups?${query}`), 400, code);
  });

  it('takes the filter without its $ too, as Graph beta does', async () => {
    const response = await call(
      'GET',
      `${PROFILE}/connectorGroups?filter=${encodeURIComponent("name eq 'default'")}`,
    );
    expect(response.json().value.map((group: { id: string }) => group.id)).toEqual([
      SEED.defaultGroup.id,
    ]);
  });
});

describe('GET .../connectorGroups/{id}', () => {
  it('answers the group as an entity, and 404 for an unknown one', async () => {
    const response = await call('GET', `${PROFILE}/connectorGroups/${SEED.defaultGroup.id}`);
    expect(response.json()).toEqual({
      '@odata.context': `${graph.url}/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups/$entity`,
      '@odata.type': '#microsoft.graph.connectorGroup',
      ...SEED.defaultGroup,
    });
    expectGraphError(
      await call('GET', `${PROFILE}/connectorGroups/${UNKNOWN_ID}`),
      404,
      'Request_ResourceNotFound',
    );
  });
});

describe('both route families, one tenant', () => {
  it("the seed path still finds the application's connector after it moved, in its one group", async () => {
    const west = tenantGroup('West Europe connectors');
    await call('POST', `${memberOfUrl(SEED.connectorId)}/$ref`, { body: reference(west.id) });
    const seedList = await call('GET', memberOfPath(SEED.applicationId, SEED.connectorId), {
      version: 'v1.0',
    });
    expect(seedList.status).toBe(200);
    expect(seedList.json().value.map((group: { id: string }) => group.id)).toEqual([west.id]);

    // Back to "Default" through the seed path: a move too, and then the documented list agrees.
    const back = await call('POST', memberOfRefPath(SEED.applicationId, SEED.connectorId), {
      version: 'v1.0',
      body: { ...SEED.defaultGroup, '@odata.type': '#microsoft.graph.connectorGroup' },
    });
    expect(back.status).toBe(204);
    expect(await groupNamesOf(SEED.connectorId)).toEqual(['Default']);
  });

  it("a connector that is no application's is served by the documented routes only", async () => {
    graph.store.addConnector(CONNECTOR);
    expect(await groupNamesOf(CONNECTOR)).toEqual(['Default']);
    expectGraphError(
      await call('GET', memberOfPath(SEED.applicationId, CONNECTOR), { version: 'v1.0' }),
      404,
      'Request_ResourceNotFound',
    );
  });

  it('needs a bearer token and honours throttling like the seed routes', async () => {
    const anonymous = await fetch(`${graph.url}/beta${PROFILE}/connectorGroups`);
    expect(anonymous.status).toBe(401);
    graph.controls.throttleSeconds = 3;
    const throttled = await call('GET', `${PROFILE}/connectorGroups`);
    expectGraphError(throttled, 429, 'TooManyRequests');
    expect(throttled.headers.get('retry-after')).toBe('3');
  });
});
