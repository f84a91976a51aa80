/**
 * Contract: `Query.connectorGroups` lists the tenant's groups through Graph's documented
 * `GET .../applicationProxy/connectorGroups` (with `$filter=name eq '...'` for a name), under the
 * default (`seed`) profile too, with the mutation's error model and its token rule; a name breaking
 * a group name's rules is INVALID_INPUT on ["name"] without an upstream call.
 */
import { GRAPH_ERROR_CODES, SEED } from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import {
  graphError,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';

const AUTHORIZATION = 'Bearer groups-token';
const WEST_ID = '2c6d9e4f-1a3b-4c5d-8e7f-6a5b4c3d2e1f';
const GROUPS_PATH = '/v1.0/onPremisesPublishingProfiles/applicationProxy/connectorGroups';

const QUERY = `query Groups($name: String) {
  connectorGroups(name: $name) {
    connectorGroups { id connectorGroupType isDefault name region }
    userErrors { code message field }
    requestId
  }
}`;

interface GroupsResponse {
  data?: {
    connectorGroups: {
      connectorGroups: Record<string, unknown>[] | null;
      userErrors: { code: string; message: string; field: string[] | null }[];
      requestId: string | null;
    } | null;
  } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const defaultGroup = {
  id: SEED.defaultGroup.id,
  connectorGroupType: 'applicationProxy',
  isDefault: true,
  name: 'Default',
  region: 'nam',
};
const westEurope = {
  id: WEST_ID,
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
};

describe('connectorGroups', () => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl });
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });

  function answerGroups(groups: unknown[]): void {
    upstream.answer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json', 'request-id': 'rid-groups' })
        .end(JSON.stringify({ value: groups }));
    });
  }

  async function list(
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = { authorization: AUTHORIZATION },
  ): Promise<GroupsResponse> {
    const response = await harness.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: graphqlBody(QUERY, variables),
    });
    return (await response.json()) as GroupsResponse;
  }

  it('lists every group with GraphQL enum names and the request-id, from the documented route', async () => {
    answerGroups([defaultGroup, westEurope]);
    const body = await list();

    expect(body.data?.connectorGroups).toEqual({
      connectorGroups: [
        {
          id: SEED.defaultGroup.id,
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: true,
          name: 'Default',
          region: 'NAM',
        },
        {
          id: WEST_ID,
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: false,
          name: 'West Europe connectors',
          region: 'EUR',
        },
      ],
      userErrors: [],
      requestId: 'rid-groups',
    });
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.method).toBe('GET');
    // The seed profile (the harness's default) reads Graph's documented list: it has none.
    expect(upstream.requests[0]?.url).toBe(GROUPS_PATH);
    expect(upstream.requests[0]?.headers.authorization).toBe(AUTHORIZATION);
  });

  it('with a name: the trimmed name as one OData filter, only exact matches kept', async () => {
    // Graph's `eq` may ignore case; the answer is filtered again, exactly.
    answerGroups([
      westEurope,
      { ...westEurope, id: SEED.defaultGroup.id, name: 'west europe connectors' },
    ]);
    const body = await list({ name: '  West Europe connectors  ' });

    expect(body.data?.connectorGroups?.connectorGroups).toEqual([
      expect.objectContaining({ id: WEST_ID, name: 'West Europe connectors' }),
    ]);
    expect(upstream.requests[0]?.url).toBe(
      `${GROUPS_PATH}?$filter=${encodeURIComponent("name eq 'West Europe connectors'")}`,
    );
  });

  it("quotes a name's apostrophe the OData way, and an ampersand cannot add a parameter", async () => {
    answerGroups([]);
    const body = await list({ name: "O'Brien & co" });
    expect(body.data?.connectorGroups).toEqual({
      connectorGroups: [],
      userErrors: [],
      requestId: 'rid-groups',
    });
    const url = new URL(upstream.requests[0]?.url ?? '', 'http://upstream.test');
    expect([...url.searchParams.keys()]).toEqual(['$filter']);
    expect(url.searchParams.get('$filter')).toBe("name eq 'O''Brien & co'");
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['over 256 UTF-16 code units', 'x'.repeat(257)],
    ['a control character', 'West\nEurope'],
    ['a lone surrogate', 'West \ud800 Europe'],
  ])('a name %s: INVALID_INPUT on ["name"], no upstream call', async (_what, name) => {
    const body = await list({ name });
    expect(body.data?.connectorGroups).toEqual({
      connectorGroups: null,
      userErrors: [
        { code: 'INVALID_INPUT', message: expect.stringMatching(/^name /), field: ['name'] },
      ],
      requestId: null,
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('an explicit null name lists every group', async () => {
    answerGroups([defaultGroup]);
    const body = await list({ name: null });
    expect(body.data?.connectorGroups?.userErrors).toEqual([]);
    expect(upstream.requests[0]?.url).toBe(GROUPS_PATH);
  });

  it('no bearer token: UNAUTHENTICATED, no upstream call', async () => {
    const body = await list(undefined, {});
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(upstream.requests).toHaveLength(0);
  });

  it('upstream 400 (a filter Graph refuses): INVALID_INPUT with its message, no field', async () => {
    upstream.answer(graphError(400, GRAPH_ERROR_CODES.badRequest, 'Invalid filter clause.'));
    const body = await list({ name: 'West' });
    expect(body.data?.connectorGroups).toEqual({
      connectorGroups: null,
      userErrors: [{ code: 'INVALID_INPUT', message: 'Invalid filter clause.', field: null }],
      requestId: 'upstream-400',
    });
  });

  it('upstream 403: FORBIDDEN with the request-id', async () => {
    upstream.answer(graphError(403, GRAPH_ERROR_CODES.forbidden, 'Insufficient privileges.'));
    const body = await list();
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      requestId: 'upstream-403',
      sent: true,
    });
  });

  it('a 200 that is not a list of groups with ids: the masked error, nothing of the body', async () => {
    upstream.answer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json', 'request-id': 'rid-odd' })
        .end(
          JSON.stringify({ value: [{ ...westEurope, id: undefined, secret: 'upstream-detail' }] }),
        );
    });
    const response = await harness.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
      body: graphqlBody(QUERY, {}),
    });
    const text = await response.text();
    expect(JSON.parse(text).errors?.[0]?.extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      requestId: 'rid-odd',
      sent: true,
    });
    expect(text).not.toContain('upstream-detail');
  });

  it('logs and counts the call as connectorGroups', async () => {
    answerGroups([defaultGroup]);
    await list();
    const line = harness.logs().find((entry) => entry.operation === 'connectorGroups');
    expect(line).toMatchObject({ operation: 'connectorGroups', outcome: 'ok' });
    const metrics = await harness.metrics.registry.metrics();
    expect(metrics).toContain(
      'gateway_upstream_call_duration_seconds_count{operation="listConnectorGroups",outcome="ok",status="200"}',
    );
  });
});
