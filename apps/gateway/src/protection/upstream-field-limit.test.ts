/**
 * Contract: an operation selecting more root fields that call the upstream than
 * `MAX_UPSTREAM_FIELDS` is refused before anything runs, with a GraphQL error naming the limit
 * (`TOO_MANY_UPSTREAM_FIELDS`), and the upstream is never called (docs/errors.md). Aliases count,
 * fragments are followed, introspection fields are free, and one response key is one call. Over
 * real HTTP to a real gateway in front of a scripted upstream.
 */
import { SEED } from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { ARMOR_LIMITS } from './limits.ts';
import { DEFAULT_MAX_UPSTREAM_FIELDS, TOO_MANY_UPSTREAM_FIELDS } from './upstream-field-limit.ts';

const READ = `connectorMemberOf(applicationId: "${SEED.applicationId}", connectorId: "${SEED.connectorId}") { requestId }`;
const GROUPS = 'connectorGroups { requestId }';
const ADD = `addConnectorMemberOf(input: {
  applicationId: "${SEED.applicationId}", connectorId: "${SEED.connectorId}",
  connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "G", region: EUR }
}) { requestId }`;
const aliased = (field: string, count: number, prefix = 'a') =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}: ${field}`).join(' ');

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('MAX_UPSTREAM_FIELDS', () => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let strict: TestGateway;

  beforeAll(async () => {
    upstream = await startScriptedUpstream((request, response) => {
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
      } else {
        response.writeHead(204).end();
      }
    });
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl });
    strict = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, maxUpstreamFields: 1 });
  });
  afterAll(async () => {
    await harness.close();
    await strict.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });

  const ask = async (query: string, gateway: TestGateway = harness) => {
    const response = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer limit-token' },
      body: graphqlBody(query),
    });
    return { status: response.status, body: (await response.json()) as Answer };
  };

  const expectRefused = (answer: { body: Answer }, count: number, limit: number) => {
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(TOO_MANY_UPSTREAM_FIELDS);
    expect(answer.body.errors?.[0]?.message).toContain(
      `selects ${count} root fields that call the upstream; at most ${limit} are allowed (MAX_UPSTREAM_FIELDS)`,
    );
    expect(upstream.requests).toHaveLength(0);
  };

  it("refuses the 12 root fields that pass Armor's alias limit of 10, calling nothing", async () => {
    // 10 aliases (Armor's limit) plus two root fields by name: 12 calls before this limit.
    const query = `query Twelve { ${aliased(READ, ARMOR_LIMITS.maxAliases)} ${READ} ${GROUPS} }`;
    const answer = await ask(query);
    expectRefused(answer, 12, DEFAULT_MAX_UPSTREAM_FIELDS);
    expect(answer.body.errors?.[0]?.message).toMatch(/^Operation "Twelve" selects/);
  });

  it('refuses aliased mutations past the limit, none sent', async () => {
    const answer = await ask(`mutation { ${aliased(ADD, DEFAULT_MAX_UPSTREAM_FIELDS + 1)} }`);
    expectRefused(answer, DEFAULT_MAX_UPSTREAM_FIELDS + 1, DEFAULT_MAX_UPSTREAM_FIELDS);
    expect(answer.body.errors?.[0]?.message).toMatch(/^The operation selects/);
  });

  it('follows fragment spreads and inline fragments at the root, each fragment once', async () => {
    const query = `query { ...A ...B ...A }
      fragment A on Query { ${aliased(READ, 3, 'a')} }
      fragment B on Query { ${aliased(READ, 2, 'b')} ... on Query { ${GROUPS} } }`;
    expectRefused(await ask(query), 6, DEFAULT_MAX_UPSTREAM_FIELDS);
  });

  it('runs an operation at the limit: one upstream call per root field', async () => {
    const answer = await ask(`{ ${aliased(READ, DEFAULT_MAX_UPSTREAM_FIELDS)} }`);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(Object.keys(answer.body.data ?? {})).toHaveLength(DEFAULT_MAX_UPSTREAM_FIELDS);
    expect(upstream.requests).toHaveLength(DEFAULT_MAX_UPSTREAM_FIELDS);
  });

  it('counts one response key once (GraphQL merges it into one call), and __typename not at all', async () => {
    const keys = aliased(READ, DEFAULT_MAX_UPSTREAM_FIELDS);
    const answer = await ask(`{ __typename ${keys} a0: ${READ} t: __typename }`);
    expect(answer.body.errors).toBeUndefined();
    expect(upstream.requests).toHaveLength(DEFAULT_MAX_UPSTREAM_FIELDS);
  });

  it('takes its limit from MAX_UPSTREAM_FIELDS', async () => {
    expectRefused(await ask(`{ ${READ} ${GROUPS} }`, strict), 2, 1);
    const one = await ask(`{ ${READ} }`, strict);
    expect(one.body.errors).toBeUndefined();
    expect(upstream.requests).toHaveLength(1);
  });
});
