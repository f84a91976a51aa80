/**
 * Contract: a `variables` or `extensions` parameter that is not JSON is the caller's fault, in a
 * query string (`GET`) as in a body (`POST`): `400` with a GraphQL error naming the parameter,
 * shaped as yoga's answer to a JSON body that does not parse, never `500 "Unexpected error."`,
 * and nothing executed. On a real server, in both modes, with the fast path on and off (a JSON
 * POST is the fast path's to take; GET and form bodies always go to yoga).
 */
import { SEED } from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import { STACK_OR_PATH } from '../../test/raw-http.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { paramsFromSearch } from './url-encoded-params.ts';

const QUERY = `query Groups($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) { requestId }
}`;
const VARIABLES = JSON.stringify({
  applicationId: SEED.applicationId,
  connectorId: SEED.connectorId,
});
const MUTATION = `mutation { addConnectorMemberOf(input: {
  applicationId: "${SEED.applicationId}",
  connectorId: "${SEED.connectorId}",
  connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "G", region: EUR }
}) { requestId } }`;

interface GraphQLErrorBody {
  errors: { message: string; extensions: Record<string, unknown> }[];
}

describe.each([
  { mode: 'production', production: true, fastPath: true },
  { mode: 'development', production: false, fastPath: true },
  { mode: 'production, yoga only', production: true, fastPath: false },
])('JSON parameters that do not parse, $mode', ({ production, fastPath }) => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let url: string;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, production, fastPath });
    url = await harness.listen();
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });

  const get = (search: Record<string, string>, accept = 'application/json') =>
    fetch(`${url}/graphql?${new URLSearchParams(search)}`, {
      headers: { accept, 'x-graphql-yoga-csrf': '1' },
    });

  /** yoga's own answer to a JSON body that does not parse: the shape to match. */
  async function invalidJsonBody(
    accept: string,
  ): Promise<{ status: number; body: GraphQLErrorBody }> {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: '{"query": |}',
    });
    return { status: response.status, body: (await response.json()) as GraphQLErrorBody };
  }

  function expectShapedAsInvalidJson(
    body: GraphQLErrorBody,
    reference: GraphQLErrorBody,
    name: 'variables' | 'extensions',
  ): void {
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors;
    const [expected] = reference.errors;
    expect(error?.message).toBe(`The "${name}" parameter is not valid JSON.`);
    expect(Object.keys(error ?? {}).sort()).toEqual(Object.keys(expected ?? {}).sort());
    expect(Object.keys(error?.extensions ?? {}).sort()).toEqual(
      Object.keys(expected?.extensions ?? {}).sort(),
    );
    expect(error?.extensions.code).toBe('BAD_REQUEST');
    expect(error?.extensions.originalError).toMatchObject({ name: 'SyntaxError' });
  }

  it.each([
    { name: 'variables', accept: 'application/json' },
    { name: 'variables', accept: 'application/graphql-response+json' },
    { name: 'extensions', accept: 'application/json' },
    { name: 'extensions', accept: 'application/graphql-response+json' },
  ] as const)('a GET whose $name is not JSON is 400 ($accept)', async ({ name, accept }) => {
    const reference = await invalidJsonBody(accept);
    expect(reference.status).toBe(400);
    const search: Record<string, string> = { query: QUERY, variables: VARIABLES };
    search[name] = '|';
    const response = await get(search, accept);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(`${accept}; charset=utf-8`);
    const text = await response.text();
    expect(text).not.toMatch(STACK_OR_PATH);
    expectShapedAsInvalidJson(JSON.parse(text) as GraphQLErrorBody, reference.body, name);
    expect(upstream.requests).toHaveLength(0);
  });

  it('a GET mutation whose variables are not JSON is refused, never executed', async () => {
    const response = await get({ query: MUTATION, variables: '{"input":' });
    expect(response.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
  });

  it('a form body whose variables are not JSON is 400, the same error', async () => {
    const reference = await invalidJsonBody('application/json');
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        accept: 'application/json',
        'x-graphql-yoga-csrf': '1',
      },
      body: new URLSearchParams({ query: QUERY, variables: '{' }).toString(),
    });
    expect(response.status).toBe(400);
    expectShapedAsInvalidJson(
      (await response.json()) as GraphQLErrorBody,
      reference.body,
      'variables',
    );
    expect(upstream.requests).toHaveLength(0);
  });

  it('a JSON POST whose variables are a string that is not JSON is 400 too', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: '|' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLErrorBody;
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(upstream.requests).toHaveLength(0);
  });

  it('a GET with JSON variables, or with none, is still served', async () => {
    const withVariables = await get({ query: QUERY, variables: VARIABLES });
    expect(withVariables.status).toBe(200);
    const typename = await get({ query: '{ __typename }', variables: '', extensions: '' });
    expect(typename.status).toBe(200);
    expect(await typename.json()).toEqual({ data: { __typename: 'Query' } });
    const viaForm = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-graphql-yoga-csrf': '1',
      },
      body: new URLSearchParams({ query: QUERY, variables: VARIABLES }).toString(),
    });
    expect(viaForm.status).toBe(200);
  });
});

describe('paramsFromSearch', () => {
  it('reads the params as yoga does: empty values are absent', () => {
    expect(
      paramsFromSearch(
        new URLSearchParams({
          query: '{ a }',
          operationName: '',
          variables: '{"x":1}',
          extensions: '',
        }),
      ),
    ).toEqual({
      query: '{ a }',
      operationName: undefined,
      variables: { x: 1 },
      extensions: undefined,
    });
  });

  it('names the parameter that is not JSON', () => {
    expect(() => paramsFromSearch(new URLSearchParams({ extensions: '{' }))).toThrow(
      'The "extensions" parameter is not valid JSON.',
    );
  });
});
