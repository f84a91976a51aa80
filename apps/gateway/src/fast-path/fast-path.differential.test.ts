/**
 * Contract: the fast path changes nothing a client or an operator can see. For a corpus of
 * requests (the mutation and the Query, every row of API.md's error table, invalid input, missing
 * or malformed tokens, Armor's limits, variables of the wrong type, bad JSON and params, content
 * types, Accept variants and the 406s of API.md section 3, CORS, GET), a gateway with the fast
 * path and one with yoga alone answer with the same status, the same content type, `Accept`, CORS
 * and `Allow` headers, byte-identical bodies and the same number of upstream calls (none for a
 * 406), and write the same log line (timings and the fresh client-request-id aside), in
 * development and in production. Each request is sent twice, so the second meets a document the fast path knows; the
 * test also checks the fast path really served the requests it should, and only those.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import {
  graphError,
  noContent,
  type Script,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';
import { createGateway } from '../create-gateway.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { MAX_REQUEST_BODY_BYTES } from '../protection/body-limit.ts';
import { ARMOR_LIMITS } from '../protection/limits.ts';
import { FAST_PATH_MAX_BODY_BYTES } from './fast-path.ts';

const APPLICATION_ID = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR_ID = 'e98f0710-0710-e98f-1007-8fe910078fe9';
const GROUP_ID = 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const TOKEN = 'Bearer differential-token';

const MUTATION =
  'mutation Add($input: AddConnectorMemberOfInput!) { addConnectorMemberOf(input: $input) { connectorGroup { id name region isDefault connectorGroupType } userErrors { code message field } requestId } }';
const QUERY =
  'query Groups($applicationId: ID!, $connectorId: ID!) { connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) { connectorGroups { id name region } userErrors { code field } requestId } }';
const TWO_OPERATIONS = `${MUTATION} query Ping { __typename }`;

const group = (overrides: Record<string, unknown> = {}) => ({
  connectorGroupType: 'APPLICATION_PROXY',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'EUR',
  ...overrides,
});
const input = (overrides: Record<string, unknown> = {}, groupOverrides = {}) => ({
  input: {
    applicationId: APPLICATION_ID,
    connectorId: CONNECTOR_ID,
    connectorGroup: group(groupOverrides),
    ...overrides,
  },
});
const json = (value: unknown) => JSON.stringify(value);
const mutation = (variables: unknown = input()) => json({ query: MUTATION, variables });

const groupJson: Script = (_request, response) => {
  response
    .writeHead(200, { 'content-type': 'application/json', 'request-id': 'upstream-request-2' })
    .end(
      json({
        id: GROUP_ID,
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        name: 'West Europe connectors',
        region: 'eur',
        extra: 'ignored',
      }),
    );
};
const groupCollection: Script = (_request, response) => {
  response
    .writeHead(200, { 'content-type': 'application/json', 'request-id': 'upstream-request-3' })
    .end(
      json({
        value: [
          {
            id: GROUP_ID,
            connectorGroupType: 'applicationProxy',
            isDefault: true,
            name: 'Default',
            region: 'nam',
          },
        ],
      }),
    );
};
const hang: Script = () => {};
const reset: Script = (request, response) => {
  void request;
  response.socket?.destroy();
};
const teapot: Script = (_request, response) => {
  response.writeHead(418, { 'request-id': 'upstream-418' }).end('I am a teapot, with a secret');
};

interface Case {
  name: string;
  body?: string;
  method?: 'GET' | 'POST';
  /** Path and query; default `/graphql`. */
  path?: string;
  headers?: Record<string, string>;
  upstream?: Script;
  /** The second request of this case should be the fast path's (default: false). */
  fast?: boolean | 'development';
}

const json200 = { 'content-type': 'application/json' };
const withToken = { ...json200, authorization: TOKEN };

const aliases = (count: number) =>
  `mutation Flood($input: AddConnectorMemberOfInput!) { ${Array.from(
    { length: count },
    (_, i) => `a${i}: addConnectorMemberOf(input: $input) { requestId }`,
  ).join(' ')} }`;

const CASES: Case[] = [
  { name: 'the mutation, upstream 204', body: mutation(), headers: withToken, fast: true },
  {
    name: 'the mutation, upstream JSON group',
    body: mutation(),
    headers: withToken,
    upstream: groupJson,
    fast: true,
  },
  {
    name: 'the mutation naming a group by id',
    body: mutation(input({}, { id: GROUP_ID })),
    headers: withToken,
    fast: true,
  },
  {
    name: 'the mutation with operationName and a client-request-id',
    body: json({ query: MUTATION, variables: input(), operationName: 'Add' }),
    headers: { ...withToken, 'client-request-id': '5fe33684-0cb0-49af-a324-83b980e8c147' },
    fast: true,
  },
  {
    name: 'the mutation with inline input',
    body: json({
      query: `mutation { addConnectorMemberOf(input: { applicationId: "${APPLICATION_ID}", connectorId: "${CONNECTOR_ID}", connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: true, name: "G", region: NAM } }) { connectorGroup { name region } requestId } }`,
    }),
    headers: withToken,
    fast: true,
  },
  {
    name: 'the Query',
    body: json({
      query: QUERY,
      variables: { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID },
    }),
    headers: withToken,
    upstream: groupCollection,
    fast: true,
  },
  {
    name: 'the Query, an id not a GUID (INVALID_INPUT)',
    body: json({ query: QUERY, variables: { applicationId: 'nope', connectorId: CONNECTOR_ID } }),
    headers: withToken,
    fast: true,
  },
  { name: '__typename', body: json({ query: '{ __typename }' }), headers: json200, fast: true },
  {
    name: 'invalid input: empty name',
    body: mutation(input({}, { name: '  ' })),
    headers: withToken,
    fast: true,
  },
  {
    name: 'invalid input: ids not GUIDs, UNKNOWN_FUTURE_VALUE',
    body: mutation(
      input({ applicationId: 'x', connectorId: '' }, { region: 'UNKNOWN_FUTURE_VALUE' }),
    ),
    headers: withToken,
    fast: true,
  },
  { name: 'no Authorization', body: mutation(), headers: json200, fast: true },
  {
    name: 'Authorization not Bearer',
    body: mutation(),
    headers: { ...json200, authorization: 'Basic c2VjcmV0' },
    fast: true,
  },
  {
    name: 'upstream 400',
    body: mutation(),
    headers: withToken,
    upstream: graphError(400, 'Request_BadRequest', 'Invalid value for region.'),
    fast: true,
  },
  {
    name: 'upstream duplicate 400 (ALREADY_MEMBER)',
    body: mutation(),
    headers: withToken,
    upstream: graphError(
      400,
      'Request_BadRequest',
      'One or more added object references already exist for the following modified properties: memberOf.',
    ),
    fast: true,
  },
  {
    name: 'upstream 404',
    body: mutation(),
    headers: withToken,
    upstream: graphError(404, 'Request_ResourceNotFound', 'Not found.'),
    fast: true,
  },
  {
    name: 'upstream 401',
    body: mutation(),
    headers: withToken,
    upstream: graphError(401, 'InvalidAuthenticationToken', 'Expired.'),
    fast: true,
  },
  {
    name: 'upstream 403',
    body: mutation(),
    headers: withToken,
    upstream: graphError(403, 'Authorization_RequestDenied', 'Denied.'),
    fast: true,
  },
  {
    name: 'upstream 429 with Retry-After',
    body: mutation(),
    headers: withToken,
    upstream: graphError(429, 'TooManyRequests', 'Slow down.', { 'retry-after': '30' }),
    fast: true,
  },
  {
    name: 'upstream 429 without Retry-After',
    body: mutation(),
    headers: withToken,
    upstream: graphError(429, 'TooManyRequests', 'Slow down.'),
    fast: true,
  },
  {
    name: 'upstream 503',
    body: mutation(),
    headers: withToken,
    upstream: graphError(503, 'ServiceUnavailable', 'Down.'),
    fast: true,
  },
  {
    name: 'upstream 500',
    body: mutation(),
    headers: withToken,
    upstream: graphError(500, 'InternalServerError', 'Oops.'),
    fast: true,
  },
  {
    name: 'upstream 418 (masked shape)',
    body: mutation(),
    headers: withToken,
    upstream: teapot,
    fast: true,
  },
  {
    name: 'upstream hangs (UPSTREAM_TIMEOUT)',
    body: mutation(),
    headers: withToken,
    upstream: hang,
    fast: true,
  },
  {
    name: 'upstream resets the connection',
    body: mutation(),
    headers: withToken,
    upstream: reset,
    fast: true,
  },
  {
    name: 'Accept: application/graphql-response+json, with an error',
    body: mutation(),
    headers: { ...json200, accept: 'application/graphql-response+json' },
    fast: true,
  },
  {
    name: 'Accept: application/graphql-response+json, upstream 418',
    body: mutation(),
    headers: { ...withToken, accept: 'application/graphql-response+json' },
    upstream: teapot,
    fast: true,
  },
  { name: 'Accept: */*', body: mutation(), headers: { ...withToken, accept: '*/*' }, fast: true },
  {
    name: 'Accept: application/*',
    body: mutation(),
    headers: { ...withToken, accept: 'application/*' },
    fast: true,
  },
  {
    name: 'Accept: both, weighted',
    body: mutation(),
    headers: { ...withToken, accept: 'application/graphql-response+json, application/json;q=0.9' },
    fast: true,
  },
  {
    name: 'Accept: json then graphql-response',
    body: mutation(),
    headers: { ...withToken, accept: 'application/json, application/graphql-response+json' },
    fast: true,
  },
  { name: 'Accept: text/html', body: mutation(), headers: { ...withToken, accept: 'text/html' } },
  {
    name: 'Accept: json in latin1',
    body: mutation(),
    headers: { ...withToken, accept: 'application/json; charset=latin1' },
  },
  // The whole class refused before execution (API.md section 3): the same 406 on both paths,
  // and neither calls the upstream (checked for every case below).
  {
    name: 'Accept: application/xml',
    body: mutation(),
    headers: { ...withToken, accept: 'application/xml' },
  },
  {
    name: 'Accept: json weighted q=0',
    body: mutation(),
    headers: { ...withToken, accept: 'application/json;q=0' },
  },
  { name: 'Accept: */*;q=0', body: mutation(), headers: { ...withToken, accept: '*/*;q=0' } },
  {
    name: 'Accept: both JSON types weighted q=0',
    body: mutation(),
    headers: {
      ...withToken,
      accept: 'application/json; q=0.0, application/graphql-response+json;q=0',
    },
  },
  { name: 'Accept: only separators', body: mutation(), headers: { ...withToken, accept: ',;' } },
  {
    name: 'Accept: json q=0, graphql-response allowed',
    body: mutation(),
    headers: { ...withToken, accept: 'application/json;q=0, application/graphql-response+json' },
    fast: true,
  },
  {
    name: 'Accept: text/event-stream',
    body: json({ query: '{ __typename }' }),
    headers: { ...json200, accept: 'text/event-stream' },
  },
  {
    name: 'Content-Type with charset',
    body: mutation(),
    headers: { ...withToken, 'content-type': 'application/json; charset=utf-8' },
    fast: true,
  },
  {
    name: 'Content-Type application/graphql+json',
    body: mutation(),
    headers: { ...withToken, 'content-type': 'application/graphql+json' },
  },
  {
    name: 'Content-Type text/plain (CSRF)',
    body: mutation(),
    headers: { authorization: TOKEN, 'content-type': 'text/plain' },
  },
  {
    name: 'Content-Type form (CSRF)',
    body: `query=${encodeURIComponent('{ __typename }')}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
  { name: 'no Content-Type', body: mutation(), headers: { authorization: TOKEN } },
  {
    name: 'CORS: an Origin',
    body: mutation(),
    headers: { ...withToken, origin: 'https://app.example' },
    fast: true,
  },
  {
    name: 'CORS: preflight-style headers on a POST',
    body: mutation(),
    headers: {
      ...withToken,
      origin: 'https://app.example',
      'access-control-request-headers': 'authorization',
    },
  },
  { name: 'unknown field', body: json({ query: '{ connectorMemberO }' }), headers: withToken },
  { name: 'syntax error', body: json({ query: '{ __typename ' }), headers: withToken },
  {
    name: 'alias flood',
    body: mutation().replace(
      JSON.stringify(MUTATION),
      JSON.stringify(aliases(ARMOR_LIMITS.maxAliases + 5)),
    ),
    headers: withToken,
  },
  {
    name: 'deep introspection',
    body: json({
      query: `{ ${'__typename '.repeat(1)}${'a: __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } }'} }`,
    }),
    headers: withToken,
    // The schema is 3 levels deep, so only introspection goes past 6, and it is exempt from the
    // depth limit: valid (and fast) in development, refused in production.
    fast: 'development',
  },
  {
    name: 'over the token limit',
    body: json({ query: `{ ${'__typename '.repeat(ARMOR_LIMITS.maxTokens)}}` }),
    headers: withToken,
  },
  {
    name: 'too many directives',
    body: json({
      query: `{ __typename ${'@include(if: true) '.repeat(ARMOR_LIMITS.maxDirectives + 1)}}`,
    }),
    headers: withToken,
  },
  {
    name: 'variables: enum value unknown',
    body: mutation(input({}, { region: 'EURO' })),
    headers: withToken,
  },
  {
    name: 'variables: Boolean as string',
    body: mutation(input({}, { isDefault: 'no' })),
    headers: withToken,
  },
  { name: 'variables: required missing', body: json({ query: MUTATION }), headers: withToken },
  { name: 'variables: null input', body: mutation({ input: null }), headers: withToken },
  {
    name: 'variables: an array',
    body: json({ query: MUTATION, variables: [1] }),
    headers: withToken,
  },
  {
    name: 'variables: a string',
    body: json({ query: MUTATION, variables: 'x' }),
    headers: withToken,
  },
  {
    name: 'variables: unknown input field',
    body: mutation(input({ extra: 1 })),
    headers: withToken,
  },
  { name: 'bad JSON', body: '{"query": ', headers: withToken },
  { name: 'JSON null', body: 'null', headers: withToken },
  {
    name: 'JSON array (batching off)',
    body: json([{ query: '{ __typename }' }]),
    headers: withToken,
  },
  { name: 'query not a string', body: json({ query: 1 }), headers: withToken },
  { name: 'no query', body: json({ variables: {} }), headers: withToken },
  { name: 'an extra param', body: json({ query: '{ __typename }', foo: 1 }), headers: withToken },
  {
    name: 'extensions',
    body: json({ query: '{ __typename }', extensions: { a: 1 } }),
    headers: withToken,
  },
  {
    name: 'operationName not in the document',
    body: json({ query: MUTATION, variables: input(), operationName: 'Nope' }),
    headers: withToken,
  },
  {
    name: 'two operations, none named',
    body: json({ query: TWO_OPERATIONS, variables: input() }),
    headers: withToken,
  },
  {
    name: 'two operations, one named',
    body: json({ query: TWO_OPERATIONS, operationName: 'Ping' }),
    headers: withToken,
    fast: true,
  },
  {
    name: 'operationName not a string',
    body: json({ query: '{ __typename }', operationName: 1 }),
    headers: withToken,
  },
  // Valid, so served fast, in development; refused by validation in production.
  {
    name: 'introspection',
    body: json({ query: getIntrospectionQuery() }),
    headers: json200,
    fast: 'development',
  },
  {
    name: 'a query over GET',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('{ __typename }')}`,
    headers: { 'x-graphql-yoga-csrf': '1' },
  },
  {
    name: 'a mutation over GET',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(MUTATION)}`,
    headers: { authorization: TOKEN, 'x-graphql-yoga-csrf': '1' },
  },
  { name: 'POST to another path', path: '/graphql/', body: mutation(), headers: withToken },
  { name: 'POST with a query string', path: '/graphql?x=1', body: mutation(), headers: withToken },
  {
    name: 'a body past what the fast path reads',
    body: mutation({ ...input(), pad: 'x'.repeat(FAST_PATH_MAX_BODY_BYTES) }),
    headers: withToken,
  },
  {
    name: 'a body over the limit',
    body: json({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_REQUEST_BODY_BYTES) } }),
    headers: withToken,
  },
];

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
  /** Requests the upstream received while this one was answered. */
  upstreamCalls: number;
}

const COMPARED_HEADERS = [
  'content-type',
  'accept',
  'allow',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'vary',
] as const;

let upstreamRequests: () => number = () => 0;

function send(base: string, testCase: Case): Promise<Answer> {
  const before = upstreamRequests();
  const body = testCase.body === undefined ? undefined : Buffer.from(testCase.body);
  const headers: Record<string, string | number> = { ...testCase.headers };
  if (body !== undefined) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${base}${testCase.path ?? '/graphql'}`,
      { method: testCase.method ?? 'POST', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(
              COMPARED_HEADERS.map((name) => [name, response.headers[name] as string | undefined]),
            ),
            body: Buffer.concat(chunks).toString('utf8'),
            upstreamCalls: upstreamRequests() - before,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

// Timings and the fresh client-request-id differ from run to run; the rest of the line may not.
function stableLogLine(line: Record<string, unknown> | undefined) {
  if (line === undefined) return undefined;
  const { time: _time, durationMs: _duration, clientRequestId, upstream, err, ...rest } = line;
  const { durationMs: _upstreamDuration, ...stableUpstream } = (upstream ?? {}) as Record<
    string,
    unknown
  >;
  const { stack: _stack, ...stableErr } = (err ?? {}) as Record<string, unknown>;
  return {
    ...rest,
    clientRequestId: typeof clientRequestId === 'string' ? 'present' : clientRequestId,
    upstream: upstream === undefined ? undefined : stableUpstream,
    err: err === undefined ? undefined : stableErr,
  };
}

describe.each([
  { mode: 'development', production: false },
  { mode: 'production', production: true },
])('the fast path against yoga alone, in $mode', ({ production }) => {
  let upstream: ScriptedUpstream;
  let fast: TestGateway;
  let yogaOnly: TestGateway;
  let fastUrl: string;
  let yogaUrl: string;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    upstreamRequests = () => upstream.requests.length;
    const options = { upstreamBaseUrl: upstream.baseUrl, production, timeoutMs: 300 };
    fast = createTestGateway({ ...options, fastPath: true });
    yogaOnly = createTestGateway({ ...options, fastPath: false });
    fastUrl = await fast.listen();
    yogaUrl = await yogaOnly.listen();
  });
  afterAll(async () => {
    await fast.close();
    await yogaOnly.close();
    await upstream.close();
  });

  it.each(CASES)('$name: same status, headers, body and log line', async (testCase) => {
    upstream.answer(testCase.upstream ?? noContent);
    // The first request of a document goes through yoga, which validates it; the second is
    // the one the fast path may take.
    await send(fastUrl, testCase);
    await send(yogaUrl, testCase);
    const servedBefore = fast.gateway.fastPathStats.served;
    const fastLines = fast.logLines.length;
    const yogaLines = yogaOnly.logLines.length;

    const viaFastPath = await send(fastUrl, testCase);
    const viaYoga = await send(yogaUrl, testCase);

    expect(viaFastPath).toEqual(viaYoga);
    if (viaYoga.status === 406) expect(viaYoga.upstreamCalls).toBe(0);
    const servedFast = testCase.fast === true || (testCase.fast === 'development' && !production);
    expect(fast.gateway.fastPathStats.served - servedBefore).toBe(servedFast ? 1 : 0);
    const newLines = (harness: TestGateway, from: number) =>
      harness.logs().slice(from).map(stableLogLine);
    expect(newLines(fast, fastLines)).toEqual(newLines(yogaOnly, yogaLines));
    expect(yogaOnly.gateway.fastPathStats.served).toBe(0);
  });

  it('counts the same requests in the same metric', async () => {
    const counted = async (harness: TestGateway) =>
      (await harness.metrics.registry.getSingleMetricAsString('gateway_graphql_requests_total'))
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .sort();
    expect(await counted(fast)).toEqual(await counted(yogaOnly));
  });
});

describe('the fast path against yoga alone, when a resolver has a bug', () => {
  // A client that throws what no upstream answer produces: yoga masks it ("Unexpected error.",
  // nothing of the cause) and logs the cause; the fast path must do exactly the same.
  const buggyClient = {
    addConnectorMemberOf: () => Promise.reject(new TypeError('bug: internal detail')),
    listConnectorMemberOf: () => Promise.reject(new TypeError('bug: internal detail')),
  };

  async function start(fastPath: boolean) {
    const logLines: string[] = [];
    const gateway = createGateway({
      client: buggyClient,
      logger: createLogger({
        level: 'info',
        destination: { write: (line: string) => void logLines.push(line) },
      }),
      metrics: createMetrics(),
      production: true,
      fastPath,
    });
    const server = createServer(gateway);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      gateway,
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      logs: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  it.each([
    { name: 'application/json', headers: withToken },
    {
      name: 'application/graphql-response+json',
      headers: { ...withToken, accept: 'application/graphql-response+json' },
    },
  ])('masks the error and logs its cause the same way ($name)', async ({ headers }) => {
    const fast = await start(true);
    const yogaOnly = await start(false);
    try {
      const testCase: Case = { name: 'bug', body: mutation(), headers };
      await send(fast.url, testCase);
      await send(yogaOnly.url, testCase);
      const fastFrom = fast.logs().length;
      const yogaFrom = yogaOnly.logs().length;
      const viaFastPath = await send(fast.url, testCase);
      const viaYoga = await send(yogaOnly.url, testCase);

      expect(fast.gateway.fastPathStats.served).toBe(1);
      expect(viaFastPath).toEqual(viaYoga);
      expect(viaFastPath.body).toContain('Unexpected error.');
      expect(viaFastPath.body).not.toContain('internal detail');
      const fastLines = fast.logs().slice(fastFrom).map(stableLogLine);
      expect(fastLines).toEqual(yogaOnly.logs().slice(yogaFrom).map(stableLogLine));
      // The cause is logged (at error), never sent.
      expect(JSON.stringify(fastLines)).toContain('internal detail');
    } finally {
      await fast.close();
      await yogaOnly.close();
    }
  });
});
