/**
 * Contract: the connector-group screen's reads and its create against the real fake-graph (a
 * temp SQLite file seeded with the realistic tenant): a page of connectors with their groups costs
 * one upstream call whatever its size, a group with a page of its members two; paging through
 * every connector and every member returns each exactly once; a tampered or foreign cursor is
 * INVALID_INPUT with no upstream call; createConnectorGroup returns the group as created.
 */
import { SEED } from '@connectors/domain';
import {
  type RunningFakeGraph,
  silentLogger,
  startFakeGraph,
  TENANT_CONNECTOR_COUNT,
  TENANT_GROUP_IDS,
} from '@connectors/fake-graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { MAX_FIRST } from '../paging/cursor.ts';

const AUTHORIZATION = 'Bearer screen-token';
const AMSTERDAM = TENANT_GROUP_IDS[0] as string;

const CONNECTORS = `query Connectors($first: Int, $after: String, $filter: ConnectorFilter) {
  connectors(first: $first, after: $after, filter: $filter) {
    connectors {
      edges { cursor node { id machineName externalIp status version connectorGroup { id name region } } }
      pageInfo { hasNextPage endCursor }
    }
    userErrors { code message field }
    requestId
  }
}`;

const GROUP = `query Group($id: ID!, $first: Int, $after: String) {
  connectorGroup(id: $id) {
    connectorGroup {
      id name region isDefault
      members(first: $first, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } }
    }
    userErrors { code message field }
  }
}`;

const CREATE = `mutation Create($input: CreateConnectorGroupInput!) {
  createConnectorGroup(input: $input) {
    connectorGroup { id name region isDefault connectorGroupType }
    userErrors { code message field }
    requestId
  }
}`;

interface Page {
  edges: {
    cursor: string;
    node: { id: string; status: string; connectorGroup?: { id: string } };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
// biome-ignore lint/suspicious/noExplicitAny: a GraphQL answer, read field by field in each test
type Answer = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };

let fakeGraph: RunningFakeGraph;
let harness: TestGateway;
let calls: string[];

beforeAll(async () => {
  fakeGraph = await startFakeGraph({
    logger: { ...silentLogger, info: (line: string) => void calls.push(line) },
  });
  harness = createTestGateway({ upstreamBaseUrl: fakeGraph.baseUrl });
  await harness.listen();
});
afterAll(async () => {
  await harness.close();
  await fakeGraph.close();
});
beforeEach(() => {
  calls = [];
});

async function ask(query: string, variables: Record<string, unknown>): Promise<Answer> {
  calls = [];
  const response = await harness.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
    body: graphqlBody(query, variables),
  });
  return (await response.json()) as Answer;
}

async function pageThrough(first: number, filter?: Record<string, unknown>) {
  const ids: string[] = [];
  const callsPerPage: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const answer = await ask(CONNECTORS, { first, after, filter });
    callsPerPage.push(calls.length);
    const connection: Page = answer.data.connectors.connectors;
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { ids, callsPerPage };
}

describe('Query.connectors', () => {
  it('a page of 25 connectors with their groups costs one upstream call', async () => {
    const answer = await ask(CONNECTORS, { first: 25 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(
      /^GET \/v1\.0\/onPremisesPublishingProfiles\/applicationProxy\/connectors\?\$expand=memberOf&\$top=25 200/,
    );
    const connection: Page = answer.data.connectors.connectors;
    expect(connection.edges).toHaveLength(25);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.edges[0]?.node).toEqual({
      id: SEED.connectorId,
      machineName: 'nyc-ap01.corp.contoso.com',
      externalIp: '203.0.113.10',
      status: 'ACTIVE',
      version: '1.5.3437.0',
      connectorGroup: { id: SEED.defaultGroup.id, name: 'Default', region: 'NAM' },
    });
    expect(connection.edges.every((edge) => edge.node.connectorGroup !== undefined)).toBe(true);
  });

  it.each([1, 7, 25, MAX_FIRST])(
    'pages through every connector exactly once, first %i, one call a page',
    async (first) => {
      const { ids, callsPerPage } = await pageThrough(first);
      expect(ids).toHaveLength(TENANT_CONNECTOR_COUNT);
      expect(new Set(ids).size).toBe(TENANT_CONNECTOR_COUNT);
      expect(callsPerPage.every((count) => count === 1)).toBe(true);
    },
  );

  it('resumes after any edge, not only the last', async () => {
    const first = await ask(CONNECTORS, { first: 10 });
    const edges: Page['edges'] = first.data.connectors.connectors.edges;
    const next = await ask(CONNECTORS, { first: 3, after: edges[4]?.cursor });
    expect(
      next.data.connectors.connectors.edges.map((edge: Page['edges'][0]) => edge.node.id),
    ).toEqual(edges.slice(5, 8).map((edge) => edge.node.id));
  });

  it('filters by status and by group, and pages within the filter', async () => {
    const inactive = await pageThrough(2, { status: 'INACTIVE' });
    expect(inactive.ids).toHaveLength(6);
    const west = await pageThrough(4, { connectorGroupId: AMSTERDAM });
    expect(west.ids).toHaveLength(9);
    for (const id of west.ids) expect(fakeGraph.store.groupOf(id)?.id).toBe(AMSTERDAM);
  });

  it.each([
    ['an edited cursor', (cursor: string) => `${cursor.slice(0, -2)}xx`, {}],
    ['a made-up cursor', () => Buffer.from('{"l":"connectors||","s":3}').toString('base64url'), {}],
    ["another filter's cursor", (cursor: string) => cursor, { status: 'ACTIVE' }],
  ])(
    'refuses %s as INVALID_INPUT on after, with no upstream call',
    async (_what, tamper, filter) => {
      const first = await ask(CONNECTORS, { first: 2 });
      const cursor = tamper(first.data.connectors.connectors.pageInfo.endCursor);
      const answer = await ask(CONNECTORS, { first: 2, after: cursor, filter });
      expect(calls).toEqual([]);
      expect(answer.data.connectors.connectors).toBeNull();
      expect(answer.data.connectors.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_INPUT', field: ['after'] }),
      ]);
    },
  );

  it.each([
    [{ first: 0 }, ['first']],
    [{ first: MAX_FIRST + 1 }, ['first']],
    [{ filter: { status: 'UNKNOWN_FUTURE_VALUE' } }, ['filter', 'status']],
    [{ filter: { connectorGroupId: 'nope' } }, ['filter', 'connectorGroupId']],
  ])('refuses %j without an upstream call', async (variables, field) => {
    const answer = await ask(CONNECTORS, variables);
    expect(calls).toEqual([]);
    expect(answer.data.connectors.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field }),
    ]);
  });
});

describe('Query.connectorGroup', () => {
  it('a group with a page of its members costs two upstream calls, and pages through all of them', async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const answer = await ask(GROUP, { id: AMSTERDAM, first: 4, after });
      expect(calls).toHaveLength(2);
      const group = answer.data.connectorGroup.connectorGroup;
      expect(group).toMatchObject({
        id: AMSTERDAM,
        name: 'Amsterdam datacenter',
        region: 'EUR',
      });
      ids.push(...group.members.edges.map((edge: Page['edges'][0]) => edge.node.id));
      if (!group.members.pageInfo.hasNextPage) break;
      after = group.members.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
  });

  it('costs one call without members', async () => {
    const answer = await ask(
      'query($id: ID!) { connectorGroup(id: $id) { connectorGroup { name } userErrors { code } } }',
      { id: SEED.defaultGroup.id },
    );
    expect(calls).toHaveLength(1);
    expect(answer.data.connectorGroup.connectorGroup).toEqual({ name: 'Default' });
  });

  it('is NOT_FOUND on id for an unknown group', async () => {
    const answer = await ask(GROUP, { id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' });
    expect(answer.data.connectorGroup).toMatchObject({
      connectorGroup: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['id'] }],
    });
  });

  it("refuses another list's cursor for members, as an INVALID_INPUT error, after one call", async () => {
    const connectors = await ask(CONNECTORS, { first: 1 });
    const answer = await ask(GROUP, {
      id: AMSTERDAM,
      after: connectors.data.connectors.connectors.pageInfo.endCursor,
    });
    expect(calls).toHaveLength(1);
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['members', 'after'],
    });
  });

  it('leaves members null on groups of a list (no call per group)', async () => {
    const answer = await ask(
      '{ connectorGroups { connectorGroups { name members { edges { cursor } } } } }',
      {},
    );
    expect(calls).toHaveLength(1);
    expect(answer.data.connectorGroups.connectorGroups[0]).toEqual({
      name: 'Default',
      members: null,
    });
  });
});

describe('Query.connectorGroupsConnection, and the deprecated connectorGroups', () => {
  const GROUPS = `query Groups($first: Int, $after: String, $name: String) {
    connectorGroupsConnection(first: $first, after: $after, name: $name) {
      connectorGroups { edges { node { id name } } pageInfo { hasNextPage endCursor } }
      userErrors { code field }
    }
  }`;

  it('pages through every group exactly once, one upstream call a page', async () => {
    const expected = fakeGraph.store.listGroups().map((group) => group.id);
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const answer = await ask(GROUPS, { first: 2, after });
      expect(calls).toHaveLength(1);
      const connection = answer.data.connectorGroupsConnection.connectorGroups;
      ids.push(...connection.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(ids).toEqual(expected);
  });

  it("refuses a cursor of another name's list, with no upstream call", async () => {
    const first = await ask(GROUPS, { first: 1 });
    const after = first.data.connectorGroupsConnection.connectorGroups.pageInfo.endCursor;
    const answer = await ask(GROUPS, { first: 1, after, name: 'Default' });
    expect(calls).toEqual([]);
    expect(answer.data.connectorGroupsConnection.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['after'] },
    ]);
  });

  it('keeps connectorGroups complete: it reads every upstream page', async () => {
    const answer = await ask('{ connectorGroups { connectorGroups { id } } }', {});
    expect(answer.data.connectorGroups.connectorGroups).toHaveLength(
      fakeGraph.store.listGroups().length,
    );
  });
});

describe('applicationId under UPSTREAM_API=seed', () => {
  it('is INVALID_INPUT on the field when left out, with no upstream call', async () => {
    const answer = await ask(
      'query($c: ID!) { connectorMemberOf(connectorId: $c) { connectorGroups { id } userErrors { code field message } } }',
      { c: SEED.connectorId },
    );
    expect(calls).toEqual([]);
    expect(answer.data.connectorMemberOf).toEqual({
      connectorGroups: null,
      userErrors: [
        {
          code: 'INVALID_INPUT',
          field: ['applicationId'],
          message: expect.stringMatching(/required under UPSTREAM_API=seed/),
        },
      ],
    });
  });
});

describe('Mutation.createConnectorGroup', () => {
  it('creates the group and returns it as created; a second of that name is INVALID_INPUT on name', async () => {
    const name = `Paris ${Date.now()}`;
    const created = await ask(CREATE, { input: { name, region: 'EUR' } });
    expect(calls).toHaveLength(1);
    const group = created.data.createConnectorGroup.connectorGroup;
    expect(group).toMatchObject({
      name,
      region: 'EUR',
      isDefault: false,
      connectorGroupType: 'APPLICATION_PROXY',
    });
    expect(fakeGraph.store.getGroup(group.id)?.name).toBe(name);

    const again = await ask(CREATE, { input: { name: name.toUpperCase(), region: 'NAM' } });
    expect(again.data.createConnectorGroup).toMatchObject({
      connectorGroup: null,
      userErrors: [
        {
          code: 'INVALID_INPUT',
          field: ['input', 'name'],
          message: expect.stringMatching(/already exists/),
        },
      ],
    });
  });

  it.each([
    [{ name: 'Paris\u200B', region: 'EUR' }, ['input', 'name'], /U\+200B ZERO WIDTH SPACE/],
    [{ name: '  ', region: 'EUR' }, ['input', 'name'], /empty/],
    [{ name: 'x', region: 'UNKNOWN_FUTURE_VALUE' }, ['input', 'region'], /NAM, EUR/],
  ])('refuses %j without an upstream call', async (input, field, message) => {
    const answer = await ask(CREATE, { input });
    expect(calls).toEqual([]);
    expect(answer.data.createConnectorGroup.userErrors).toEqual([
      { code: 'INVALID_INPUT', field, message: expect.stringMatching(message) },
    ]);
  });
});
