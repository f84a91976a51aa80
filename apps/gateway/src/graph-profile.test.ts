/**
 * Contract: the gateway under `UPSTREAM_API=graph` (docs/rest-upstream.md, the graph profile), the real GraphClient in
 * front of the real fake-graph (a temp SQLite file) on its `/beta` base, over real sockets. Every
 * call goes to Graph's documented routes, never the seed's; an add by id references the group;
 * an add by name looks the group up first (one match is used; none is NOT_FOUND on the name;
 * several are INVALID_INPUT asking for the id; neither sends the POST); `connectorMemberOf` and
 * `connectorGroups` read the documented routes; and a connector moved from group A to group B is
 * afterwards in B alone (Graph's semantics: one group per connector).
 */
import { SEED } from '@connectors/domain';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../test/gateway-harness.ts';

const GROUP_A = { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', name: 'Group A', region: 'eur' };
const GROUP_B = { id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', name: 'Group B', region: 'asia' };
const TWIN_1 = { id: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f', name: 'Twins', region: 'nam' };
const TWIN_2 = { id: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f80', name: 'Twins', region: 'ind' };
const UNKNOWN_CONNECTOR = '00000000-0000-4000-8000-00000000dead';
const DOCUMENTED = '/beta/onPremisesPublishingProfiles/applicationProxy';

const ADD = `mutation Add($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup { id name region isDefault connectorGroupType }
    userErrors { code message field }
    requestId
  }
}`;
const MEMBER_OF = `query MemberOf($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {
    connectorGroups { id name region isDefault }
    userErrors { code message field }
    requestId
  }
}`;
const GROUPS = `query Groups($name: String) {
  connectorGroups(name: $name) {
    connectorGroups { id name region isDefault }
    userErrors { code message field }
    requestId
  }
}`;

interface UserError {
  code: string;
  message: string;
  field: string[] | null;
}
interface Payload {
  connectorGroup?: Record<string, unknown> | null;
  connectorGroups?: Record<string, unknown>[] | null;
  userErrors: UserError[];
  requestId: string | null;
}
interface Body {
  data?: Record<string, Payload | null> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('the gateway under UPSTREAM_API=graph, against fake-graph', () => {
  let fakeGraph: RunningFakeGraph;
  let harness: TestGateway;
  let url: string;
  // fake-graph's request log: method, path and status of every call the client made.
  const upstreamCalls: string[] = [];

  beforeAll(async () => {
    fakeGraph = await startFakeGraph({
      logger: {
        error() {},
        warn() {},
        debug() {},
        // "GET /beta/... 200 0.4ms request-id=...": method, path and status kept.
        info: (line) => void upstreamCalls.push(line.split(' ').slice(0, 3).join(' ')),
      },
    });
    harness = createTestGateway({ upstreamBaseUrl: `${fakeGraph.url}/beta`, api: 'graph' });
    url = await harness.listen();
  });
  afterAll(async () => {
    await harness?.close();
    await fakeGraph?.close();
  });
  // From the seed each time, with tenant groups A, B and two named alike: an add moves the
  // connector, so no test may find it where an earlier one left it.
  beforeEach(() => {
    fakeGraph.controls.reset();
    fakeGraph.store.reset();
    fakeGraph.store.seed();
    for (const group of [GROUP_A, GROUP_B, TWIN_1, TWIN_2]) createTenantGroup(group);
    upstreamCalls.length = 0;
  });

  // A tenant group of no application, as an admin makes one in the portal (Graph's add never does).
  function createTenantGroup(group: { id?: string; name: string; region: string }): void {
    fakeGraph.store.createGroup(null, {
      ...group,
      connectorGroupType: 'applicationProxy',
      isDefault: false,
    } as Parameters<RunningFakeGraph['store']['createGroup']>[1]);
  }

  async function send(query: string, variables: Record<string, unknown>): Promise<Body> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer graph-profile' },
      body: graphqlBody(query, variables),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  }

  function add(group: { id?: string; name: string }, connectorId: string = SEED.connectorId) {
    return send(ADD, {
      input: {
        applicationId: SEED.applicationId,
        connectorId,
        connectorGroup: {
          ...(group.id === undefined ? {} : { id: group.id }),
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: false,
          name: group.name,
          // Not compared under graph: the reference carries the id alone.
          region: 'EUR',
        },
      },
    });
  }

  async function memberOf(
    connectorId: string = SEED.connectorId,
  ): Promise<Payload | null | undefined> {
    const body = await send(MEMBER_OF, { applicationId: SEED.applicationId, connectorId });
    return body.data?.connectorMemberOf;
  }

  // The paths fake-graph served, without their query.
  const paths = () => upstreamCalls.map((line) => line.replace(/\?\S*/, ''));

  it('needs no applicationId: an add and a read by connector alone, as a connector screen has none', async () => {
    const body = await send(ADD, {
      input: {
        connectorId: SEED.connectorId,
        connectorGroup: {
          id: GROUP_B.id,
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: false,
          name: 'x',
          region: 'EUR',
        },
      },
    });
    expect(body.data?.addConnectorMemberOf).toMatchObject({
      connectorGroup: { id: GROUP_B.id },
      userErrors: [],
    });
    const read = await send(
      'query($c: ID!) { connectorMemberOf(connectorId: $c) { connectorGroups { id } userErrors { code } } }',
      { c: SEED.connectorId },
    );
    expect(read.data?.connectorMemberOf).toEqual({
      connectorGroups: [{ id: GROUP_B.id }],
      userErrors: [],
    });
  });

  it('adds by id: the reference POST on the documented route, then the group read back as stored', async () => {
    const body = await add({ id: GROUP_B.id, name: 'whatever the caller calls it' });
    expect(body.errors).toBeUndefined();
    // The group as the upstream has it, not the caller's description of it (issue 16).
    expect(body.data?.addConnectorMemberOf).toEqual({
      connectorGroup: {
        id: GROUP_B.id,
        name: 'Group B',
        region: 'ASIA',
        isDefault: false,
        connectorGroupType: 'APPLICATION_PROXY',
      },
      userErrors: [],
      requestId: expect.any(String),
    });
    // No lookup: one POST, on Graph's documented path with `$ref` literal, then the read-back.
    expect(paths()).toEqual([
      `POST ${DOCUMENTED}/connectors/${SEED.connectorId}/memberOf/$ref 204`,
      `GET ${DOCUMENTED}/connectorGroups/${GROUP_B.id} 200`,
    ]);
    expect((await memberOf())?.connectorGroups).toEqual([
      { id: GROUP_B.id, name: 'Group B', region: 'ASIA', isDefault: false },
    ]);
  });

  it('adds by id alone: no name, type, region or isDefault needed, the group read back', async () => {
    const body = await send(ADD, {
      input: { connectorId: SEED.connectorId, connectorGroup: { id: GROUP_A.id } },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.addConnectorMemberOf).toEqual({
      connectorGroup: {
        id: GROUP_A.id,
        name: 'Group A',
        region: 'EUR',
        isDefault: false,
        connectorGroupType: 'APPLICATION_PROXY',
      },
      userErrors: [],
      requestId: expect.any(String),
    });
    expect(paths()).toEqual([
      `POST ${DOCUMENTED}/connectors/${SEED.connectorId}/memberOf/$ref 204`,
      `GET ${DOCUMENTED}/connectorGroups/${GROUP_A.id} 200`,
    ]);
  });

  it('adds by name alone; neither id nor name is INVALID_INPUT on the name, no call', async () => {
    const byName = await send(ADD, {
      input: { connectorId: SEED.connectorId, connectorGroup: { name: 'Group A' } },
    });
    expect(byName.data?.addConnectorMemberOf?.connectorGroup).toMatchObject({ id: GROUP_A.id });
    upstreamCalls.length = 0;
    const neither = await send(ADD, {
      input: { connectorId: SEED.connectorId, connectorGroup: { region: 'EUR', id: null } },
    });
    expect(neither.data?.addConnectorMemberOf).toEqual({
      connectorGroup: null,
      userErrors: [
        {
          code: 'INVALID_INPUT',
          message:
            'connectorGroup.name is required without an id: the group is then identified by its name',
          field: ['input', 'connectorGroup', 'name'],
        },
      ],
      requestId: null,
    });
    expect(upstreamCalls).toEqual([]);
  });

  it('adds by name, one match: that group, as Graph lists it, after one lookup', async () => {
    const body = await add({ name: 'Group A' });
    expect(body.data?.addConnectorMemberOf).toEqual({
      connectorGroup: {
        id: GROUP_A.id,
        name: 'Group A',
        region: 'EUR',
        isDefault: false,
        connectorGroupType: 'APPLICATION_PROXY',
      },
      userErrors: [],
      requestId: expect.any(String),
    });
    expect(paths()).toEqual([
      `GET ${DOCUMENTED}/connectorGroups 200`,
      `POST ${DOCUMENTED}/connectors/${SEED.connectorId}/memberOf/$ref 204`,
    ]);
    expect(upstreamCalls[0]).toContain(`?$filter=${encodeURIComponent("name eq 'Group A'")}`);
  });

  it('adds by name, no match: NOT_FOUND on the name, no POST, the connector where it was', async () => {
    const body = await add({ name: 'Nowhere' });
    expect(body.data?.addConnectorMemberOf).toEqual({
      connectorGroup: null,
      userErrors: [
        {
          code: 'NOT_FOUND',
          message: expect.stringContaining('Nowhere'),
          field: ['input', 'connectorGroup', 'name'],
        },
      ],
      requestId: expect.any(String),
    });
    expect(paths()).toEqual([`GET ${DOCUMENTED}/connectorGroups 200`]);
    expect((await memberOf())?.connectorGroups).toEqual([
      expect.objectContaining({ id: SEED.defaultGroup.id, name: 'Default' }),
    ]);
  });

  it('adds by name, several matches: INVALID_INPUT asking for the id, naming both, no POST', async () => {
    const body = await add({ name: 'Twins' });
    const payload = body.data?.addConnectorMemberOf;
    expect(payload?.connectorGroup).toBeNull();
    expect(payload?.userErrors).toEqual([
      {
        code: 'INVALID_INPUT',
        message: expect.any(String),
        field: ['input', 'connectorGroup', 'id'],
      },
    ]);
    expect(payload?.userErrors[0]?.message).toContain(TWIN_1.id);
    expect(payload?.userErrors[0]?.message).toContain(TWIN_2.id);
    expect(paths()).toEqual([`GET ${DOCUMENTED}/connectorGroups 200`]);
  });

  it('adds to the group the connector is in: ALREADY_MEMBER on the group', async () => {
    const body = await add({ id: SEED.defaultGroup.id, name: 'Default' });
    expect(body.data?.addConnectorMemberOf?.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_MEMBER', field: ['input', 'connectorGroup'] }),
    ]);
  });

  it('moves the connector from A to B: afterwards it is in B alone', async () => {
    expect((await add({ name: 'Group A' })).data?.addConnectorMemberOf?.userErrors).toEqual([]);
    expect((await memberOf())?.connectorGroups).toEqual([
      { id: GROUP_A.id, name: 'Group A', region: 'EUR', isDefault: false },
    ]);
    expect((await add({ name: 'Group B' })).data?.addConnectorMemberOf?.userErrors).toEqual([]);
    expect(await memberOf()).toEqual({
      connectorGroups: [{ id: GROUP_B.id, name: 'Group B', region: 'ASIA', isDefault: false }],
      userErrors: [],
      requestId: expect.any(String),
    });
    expect(paths().at(-1)).toBe(`GET ${DOCUMENTED}/connectors/${SEED.connectorId}/memberOf 200`);
  });

  it('connectorMemberOf of a connector Graph does not have: NOT_FOUND on the id its 404 names', async () => {
    const payload = await memberOf(UNKNOWN_CONNECTOR);
    expect(payload).toEqual({
      connectorGroups: null,
      userErrors: [{ code: 'NOT_FOUND', message: expect.any(String), field: ['connectorId'] }],
      requestId: expect.any(String),
    });
  });

  it('connectorGroups lists the tenant, or exactly one name, from the documented route', async () => {
    const all = (await send(GROUPS, {})).data?.connectorGroups;
    expect(all?.userErrors).toEqual([]);
    expect(all?.connectorGroups?.map((group) => group.name)).toEqual([
      'Default',
      'Group A',
      'Group B',
      'Twins',
      'Twins',
    ]);
    // fake-graph's `eq` ignores case, as Graph's may; the gateway keeps only the exact name.
    createTenantGroup({ name: 'group b', region: 'nam' });
    const named = (await send(GROUPS, { name: 'Group B' })).data?.connectorGroups;
    expect(named?.connectorGroups).toEqual([
      { id: GROUP_B.id, name: 'Group B', region: 'ASIA', isDefault: false },
    ]);
    expect(paths()).toEqual([
      `GET ${DOCUMENTED}/connectorGroups 200`,
      `GET ${DOCUMENTED}/connectorGroups 200`,
    ]);
  });

  it('never calls the seed routes', async () => {
    await add({ name: 'Group A' });
    await memberOf();
    await send(GROUPS, {});
    expect(upstreamCalls.length).toBeGreaterThanOrEqual(4);
    for (const call of upstreamCalls) {
      expect(call).toMatch(new RegExp(`^(GET|POST) ${DOCUMENTED.replaceAll('/', '\\/')}/`));
    }
  });
});
