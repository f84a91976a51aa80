/**
 * Contract: the gateway against fake-graph, the working stand-in for Graph (real SQLite file in a
 * temp dir), over real sockets: the seeded ids and a new group name give a success; adding the
 * seeded connector to "Default" gives ALREADY_MEMBER; the Query reads the memberships back; and
 * Graph's 401, 403 and 429 reach the caller as their error codes.
 */
import { SEED } from '@connectors/domain';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../test/gateway-harness.ts';
import { EXAMPLE_MUTATION, EXAMPLE_VARIABLES } from './graphiql/graphiql.ts';

const LIST = `query($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {
    connectorGroups { id name region isDefault }
    userErrors { code field }
    requestId
  }
}`;

interface Body {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('gateway + fake-graph', () => {
  let fakeGraph: RunningFakeGraph;
  let harness: TestGateway;
  let url: string;

  beforeAll(async () => {
    fakeGraph = await startFakeGraph();
    harness = createTestGateway({ upstreamBaseUrl: fakeGraph.baseUrl });
    url = await harness.listen();
  });
  afterAll(async () => {
    await harness.close();
    await fakeGraph.close();
  });
  beforeEach(() => fakeGraph.controls.reset());

  async function send(
    query: string,
    variables: Record<string, unknown>,
    token = 'local-dev-token',
  ): Promise<Body> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: graphqlBody(query, variables),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Body;
  }

  it('adds the seeded connector to a new group (the README and GraphiQL example)', async () => {
    const body = await send(EXAMPLE_MUTATION, EXAMPLE_VARIABLES);
    const payload = body.data?.addConnectorMemberOf;
    expect(body.errors).toBeUndefined();
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.connectorGroup).toMatchObject({
      name: 'West Europe connectors',
      region: 'EUR',
      isDefault: false,
      connectorGroupType: 'APPLICATION_PROXY',
    });
    expect(payload?.requestId).toEqual(expect.any(String));

    const again = await send(EXAMPLE_MUTATION, EXAMPLE_VARIABLES);
    expect(again.data?.addConnectorMemberOf?.userErrors).toEqual([
      expect.objectContaining({ code: 'ALREADY_MEMBER', field: ['input', 'connectorGroup'] }),
    ]);
  });

  it('adding the seeded connector to "Default" is ALREADY_MEMBER', async () => {
    const body = await send(EXAMPLE_MUTATION, {
      input: {
        ...EXAMPLE_VARIABLES.input,
        connectorGroup: {
          id: SEED.defaultGroup.id,
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: true,
          name: 'Default',
          region: 'NAM',
        },
      },
    });
    const payload = body.data?.addConnectorMemberOf;
    expect(payload?.connectorGroup).toBeNull();
    expect(payload?.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_MEMBER' })]);
    expect(payload?.requestId).toEqual(expect.any(String));
  });

  it('reads the memberships back with the Query', async () => {
    const body = await send(LIST, {
      applicationId: SEED.applicationId,
      connectorId: SEED.connectorId,
    });
    const payload = body.data?.connectorMemberOf;
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.connectorGroups).toEqual(
      expect.arrayContaining([
        { id: SEED.defaultGroup.id, name: 'Default', region: 'NAM', isDefault: true },
      ]),
    );
  });

  it('an unknown application is NOT_FOUND', async () => {
    const body = await send(EXAMPLE_MUTATION, {
      input: { ...EXAMPLE_VARIABLES.input, applicationId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(body.data?.addConnectorMemberOf?.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND' }),
    ]);
  });

  it.each([
    ['rejected', 'UNAUTHENTICATED'],
    ['forbidden', 'FORBIDDEN'],
  ] as const)('a %s token gives %s', async (kind, code) => {
    const tokens =
      kind === 'rejected' ? fakeGraph.controls.rejectedTokens : fakeGraph.controls.forbiddenTokens;
    tokens.add(`${kind}-token`);
    const body = await send(EXAMPLE_MUTATION, EXAMPLE_VARIABLES, `${kind}-token`);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, requestId: expect.any(String) });
  });

  it('throttling past the budget gives RATE_LIMITED with retryAfterSeconds', async () => {
    fakeGraph.controls.throttleSeconds = 30;
    const body = await send(EXAMPLE_MUTATION, EXAMPLE_VARIABLES);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 30,
    });
  });
});
