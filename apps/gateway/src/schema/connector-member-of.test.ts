/**
 * Contract: `Query.connectorMemberOf` reads a connector's groups through GET .../memberOf, with
 * the mutation's error model (user errors as data, faults as coded errors) and its token rule.
 */
import { GRAPH_ERROR_CODES, SEED } from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import {
  graphError,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';

const APPLICATION_ID = SEED.applicationId;
const CONNECTOR_ID = SEED.connectorId;
const AUTHORIZATION = 'Bearer list-token';

const QUERY = `query Groups($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {
    connectorGroups { id connectorGroupType isDefault name region }
    userErrors { code message field }
    requestId
  }
}`;

interface ListResponse {
  data?: {
    connectorMemberOf: {
      connectorGroups: Record<string, unknown>[] | null;
      userErrors: { code: string; message: string; field: string[] | null }[];
      requestId: string | null;
    } | null;
  } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('connectorMemberOf', () => {
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

  async function list(
    variables: Record<string, unknown> = {
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
    },
    headers: Record<string, string> = { authorization: AUTHORIZATION },
  ): Promise<ListResponse> {
    const response = await harness.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: graphqlBody(QUERY, variables),
    });
    return (await response.json()) as ListResponse;
  }

  it('lists the groups with GraphQL enum names and the request-id', async () => {
    upstream.answer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'request-id': 'rid-list' }).end(
        JSON.stringify({
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#connectorGroups',
          value: [
            {
              id: SEED.defaultGroup.id,
              connectorGroupType: 'applicationProxy',
              isDefault: true,
              name: 'Default',
              region: 'nam',
            },
          ],
        }),
      );
    });
    const body = await list();

    expect(body.data?.connectorMemberOf).toEqual({
      connectorGroups: [
        {
          id: SEED.defaultGroup.id,
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: true,
          name: 'Default',
          region: 'NAM',
        },
      ],
      userErrors: [],
      requestId: 'rid-list',
    });
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]?.method).toBe('GET');
    expect(upstream.requests[0]?.url).toBe(
      `/v1.0/applications/${APPLICATION_ID}/connectorGroup/members/${CONNECTOR_ID}/memberOf`,
    );
    expect(upstream.requests[0]?.headers.authorization).toBe(AUTHORIZATION);
  });

  it('an id that is not a GUID: INVALID_INPUT naming the argument, no upstream call', async () => {
    const body = await list({ applicationId: APPLICATION_ID, connectorId: 'connector-1' });
    expect(body.data?.connectorMemberOf).toEqual({
      connectorGroups: null,
      userErrors: [{ code: 'INVALID_INPUT', message: expect.any(String), field: ['connectorId'] }],
      requestId: null,
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ['applicationId', { applicationId: `${APPLICATION_ID.slice(0, -1)}\uD800` }],
    ['connectorId', { connectorId: `\uDFFF${CONNECTOR_ID.slice(1)}` }],
  ])('a lone surrogate in %s: INVALID_INPUT naming it, no upstream call', async (name, change) => {
    const body = await list({
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      ...change,
    });
    expect(
      body.data?.connectorMemberOf?.userErrors.map((error) => [error.code, error.field]),
    ).toEqual([['INVALID_INPUT', [name]]]);
    expect(upstream.requests).toHaveLength(0);
  });

  it('no bearer token: UNAUTHENTICATED, no upstream call', async () => {
    const body = await list(undefined, {});
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(upstream.requests).toHaveLength(0);
  });

  it('upstream 404: NOT_FOUND', async () => {
    upstream.answer(graphError(404, GRAPH_ERROR_CODES.notFound, 'No such connector.'));
    const body = await list();
    expect(body.data?.connectorMemberOf?.userErrors[0]?.code).toBe('NOT_FOUND');
    expect(body.data?.connectorMemberOf?.requestId).toBe('upstream-404');
  });

  it('upstream 503: UPSTREAM_UNAVAILABLE with the request-id', async () => {
    upstream.answer(graphError(503, GRAPH_ERROR_CODES.serviceUnavailable, 'down'));
    const body = await list();
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      requestId: 'upstream-503',
      sent: true,
    });
  });
});
