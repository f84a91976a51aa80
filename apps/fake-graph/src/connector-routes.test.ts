/**
 * Graph beta's connector-group screen routes over HTTP on a real SQLite file: the connector lists
 * and reads, a group's members, creating a group, and paging as Graph pages (`$top` up to a
 * maximum, `@odata.nextLink` with a `$skiptoken`, stable across inserts), under both versions.
 */
import { GraphErrorEnvelope } from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DUPLICATE_NAME_MESSAGE } from './connector-routes.ts';
import { MAX_PAGE_SIZE } from './paging.ts';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';
import { seedTenant, TENANT_CONNECTOR_COUNT, TENANT_GROUP_IDS } from './tenant-seed.ts';

const PROFILE = '/onPremisesPublishingProfiles/applicationProxy';
const AUTH = { authorization: 'Bearer test-token' };
const UNKNOWN_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const AMSTERDAM = TENANT_GROUP_IDS[0] as string;

let graph: RunningFakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.store.reset();
  seedTenant(graph.store);
});

interface Listed {
  id: string;
  status?: string;
  memberOf?: { id: string }[];
}

/** An answer's body, loosely: a page, an entity or an error envelope. */
interface Body {
  value: Listed[];
  '@odata.nextLink'?: string;
  id?: string;
  [property: string]: unknown;
}

async function get(url: string) {
  const response = await fetch(url.startsWith('http') ? url : `${graph.url}/beta${url}`, {
    headers: AUTH,
  });
  return { status: response.status, json: (await response.json()) as Body };
}

/** Follows `@odata.nextLink` to the end, as a Graph SDK's page iterator does. */
async function readAll(first: string, between?: () => void) {
  const items: Listed[] = [];
  let url: string | undefined = first;
  let pages = 0;
  while (url !== undefined) {
    const { status, json } = await get(url);
    expect(status).toBe(200);
    items.push(...json.value);
    url = json['@odata.nextLink'];
    pages++;
    if (pages === 1) between?.();
  }
  return { items, pages };
}

function expectError(answer: { status: number; json: unknown }, status: number, message: RegExp) {
  expect(answer.status).toBe(status);
  expect(GraphErrorEnvelope.parse(answer.json).error.message).toMatch(message);
}

describe('GET .../connectors', () => {
  it('pages through every connector exactly once, each with its group when expanded', async () => {
    const { items, pages } = await readAll(`${PROFILE}/connectors?$expand=memberOf&$top=10`);
    expect(pages).toBe(Math.ceil(TENANT_CONNECTOR_COUNT / 10));
    expect(new Set(items.map((item) => item.id)).size).toBe(TENANT_CONNECTOR_COUNT);
    expect(items).toHaveLength(TENANT_CONNECTOR_COUNT);
    expect(items.every((item) => item.memberOf?.length === 1)).toBe(true);
    expect(items[0]).toMatchObject({
      id: SEED.connectorId,
      memberOf: [{ id: SEED.defaultGroup.id }],
    });
  });

  it('serves a page of Graph default size (100) without $top, and no memberOf unless expanded', async () => {
    const { json } = await get(`${PROFILE}/connectors`);
    expect(json.value).toHaveLength(TENANT_CONNECTOR_COUNT);
    expect(json['@odata.nextLink']).toBeUndefined();
    expect(json.value[0]).toEqual({
      '@odata.type': '#microsoft.graph.connector',
      id: SEED.connectorId,
      machineName: 'nyc-ap01.corp.contoso.com',
      externalIp: '203.0.113.10',
      status: 'active',
      version: '1.5.3437.0',
    });
  });

  it('is stable across inserts: a connector added while paging is served once, at the end', async () => {
    const added = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const { items } = await readAll(`${PROFILE}/connectors?$top=7`, () => {
      graph.store.addConnector(added);
    });
    expect(items).toHaveLength(TENANT_CONNECTOR_COUNT + 1);
    expect(new Set(items.map((item) => item.id)).size).toBe(TENANT_CONNECTOR_COUNT + 1);
    expect(items.at(-1)?.id).toBe(added);
  });

  it('filters by status, and keeps the filter in the next link', async () => {
    const url = `${PROFILE}/connectors?$filter=${encodeURIComponent("status eq 'inactive'")}&$top=2`;
    const { items, pages } = await readAll(url);
    expect(items.length).toBe(6);
    expect(pages).toBe(3);
    expect(items.every((item) => item.status === 'inactive')).toBe(true);
  });

  it('builds the next link from the version and host the caller used', async () => {
    const { json } = await get(`${graph.url}/v1.0${PROFILE}/connectors?$top=5`);
    expect(json['@odata.nextLink']).toMatch(
      new RegExp(`^${graph.url}/v1\\.0${PROFILE}/connectors\\?\\$top=5&\\$skiptoken=[\\w-]+$`),
    );
  });

  it.each([
    ['$top=0', /between 1 and 999/],
    [`$top=${MAX_PAGE_SIZE + 1}`, /between 1 and 999/],
    ['$top=ten', /between 1 and 999/],
    ['$skiptoken=not-a-token', /Invalid \$skiptoken/],
    ['$top=1&$top=2', /more than once/],
    [`$filter=${encodeURIComponent("status eq 'sleeping'")}`, /not a connectorStatus/],
    [`$filter=${encodeURIComponent("machineName eq 'x'")}`, /status eq/],
    ['$expand=owners', /only memberOf/],
    ['$orderby=machineName', /not supported/],
  ])('refuses %s with a 400', async (query, message) => {
    expectError(await get(`${PROFILE}/connectors?${query}`), 400, message);
  });

  it("refuses another list's token: a group's members token is not the connectors'", async () => {
    const { json } = await get(`${PROFILE}/connectorGroups/${AMSTERDAM}/members?$top=1`);
    const token = new URL(json['@odata.nextLink'] ?? '').searchParams.get('$skiptoken');
    expectError(await get(`${PROFILE}/connectors?$skiptoken=${token}`), 400, /Invalid \$skiptoken/);
  });
});

describe('GET .../connectors/{id}', () => {
  it('reads one connector, with its group when expanded', async () => {
    const { status, json } = await get(
      `${PROFILE}/connectors/${SEED.connectorId}?$expand=memberOf`,
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: SEED.connectorId, memberOf: [{ name: 'Default' }] });
  });

  it('is 404 for an unknown connector', async () => {
    expectError(await get(`${PROFILE}/connectors/${UNKNOWN_ID}`), 404, /of type connector does/);
  });
});

describe('GET .../connectorGroups/{id}/members', () => {
  it("pages through the group's connectors only", async () => {
    const { items } = await readAll(`${PROFILE}/connectorGroups/${AMSTERDAM}/members?$top=4`);
    expect(items).toHaveLength(9);
    for (const item of items) expect(graph.store.groupOf(item.id)?.id).toBe(AMSTERDAM);
  });

  it('is empty for an empty group, 404 for an unknown one', async () => {
    const empty = TENANT_GROUP_IDS.at(-1) as string;
    expect((await get(`${PROFILE}/connectorGroups/${empty}/members`)).json.value).toEqual([]);
    expectError(
      await get(`${PROFILE}/connectorGroups/${UNKNOWN_ID}/members`),
      404,
      /connectorGroup/,
    );
  });
});

describe('GET .../connectorGroups, paged', () => {
  it('serves every group once, the default first', async () => {
    const { items, pages } = await readAll(`${PROFILE}/connectorGroups?$top=2`);
    expect(pages).toBe(4);
    expect(items.map((item) => item.id)).toEqual([SEED.defaultGroup.id, ...TENANT_GROUP_IDS]);
  });
});

describe('POST .../connectorGroups', () => {
  async function post(body: unknown) {
    const response = await fetch(`${graph.url}/beta${PROFILE}/connectorGroups`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Body };
  }

  it('creates a tenant group with a new id, and it can be read back', async () => {
    const { status, json } = await post({ name: ' Paris connectors ', region: 'eur' });
    expect(status).toBe(201);
    expect(json).toMatchObject({
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      name: 'Paris connectors',
      region: 'eur',
    });
    const read = await get(`${PROFILE}/connectorGroups/${json.id}`);
    expect(read.json).toMatchObject({ id: json.id, name: 'Paris connectors' });
  });

  it("refuses a duplicate name (case-insensitive) with the directory's message", async () => {
    expectError(await post({ name: 'amsterdam DATACENTER', region: 'eur' }), 400, /Another object/);
    expect(DUPLICATE_NAME_MESSAGE).toMatch(/property name/);
  });

  it.each([
    [{ name: 'x', region: 'mars' }, /'region'/],
    [{ name: 'x', region: 'unknownFutureValue' }, /'region'/],
    [{ region: 'eur' }, /'name': is required/],
    [{ name: 'Default\u202E', region: 'eur' }, /RIGHT-TO-LEFT OVERRIDE/],
  ])('refuses %j naming the property', async (body, message) => {
    expectError(await post(body), 400, message);
    expect(graph.store.listGroups()).toHaveLength(1 + TENANT_GROUP_IDS.length);
  });
});
