/**
 * Contract: the fast path changes nothing a client or an operator can see. For a corpus of
 * requests (the mutation and the Query, every row of the error table, invalid input, missing or
 * malformed tokens, Armor's limits, the limit on root fields calling the upstream, variables of
 * the wrong type, bad JSON and params, content types, Accept variants and the 406s, CORS (listed,
 * unlisted and `null` origins, with and without `CORS_ORIGINS` and credentials), GET, trusted
 * documents by text, by `documentId` and by Apollo's APQ hash, and their refusals, the shapes a
 * compiled query must answer as graphql-js does: aliases, fragments, `__typename`, @include and
 * @skip, default values, errors under aliases), a gateway with the fast path and one with yoga alone
 * answer with the same status, every response header the same (name, value and order; `date`,
 * which varies by the second, present on both), byte-identical bodies and the same upstream
 * requests (none for a 406 or a refusal), write the same log lines (timings and the fresh
 * client-request-id aside) and leave every metric the same (timings aside: a histogram's count,
 * not its buckets). In development and in production, with `TRUSTED_DOCUMENTS_MODE` `allow` and
 * `require`. Each request is sent twice; the test also checks the fast path served exactly the
 * requests it should (trusted documents, from the first request on: they are compiled at start).
 * And the fence: a plugin the fast path does not know stops `createGateway`.
 */

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEED } from '@connectors/domain';
import {
  addConnectorMemberOfOperation,
  connectorMemberOfOperation,
} from '@connectors/gateway-client';
import { getIntrospectionQuery } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import {
  graphError,
  noContent,
  type ReceivedRequest,
  type Script,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';
import { NO_CORS } from '../cors/cors.ts';
import { createGateway } from '../create-gateway.ts';
import { createGatewayServer, DEFAULT_SERVER_LIMITS } from '../http/gateway-server.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { MAX_REQUEST_BODY_BYTES } from '../protection/body-limit.ts';
import { ARMOR_LIMITS } from '../protection/limits.ts';
import { DEFAULT_MAX_UPSTREAM_FIELDS } from '../protection/upstream-field-limit.ts';
import {
  documentHash,
  type TrustedDocumentsMode,
  type TrustedEntry,
} from '../trusted-documents/manifest.ts';
import { FAST_PATH_MAX_BODY_BYTES } from './fast-path.ts';

const APPLICATION_ID = SEED.applicationId;
const CONNECTOR_ID = SEED.connectorId;
const GROUP_ID = SEED.defaultGroup.id;
const TOKEN = 'Bearer differential-token';

const MUTATION =
  'mutation Add($input: AddConnectorMemberOfInput!) { addConnectorMemberOf(input: $input) { connectorGroup { id name region isDefault connectorGroupType } userErrors { code message field } requestId } }';
const QUERY =
  'query Groups($applicationId: ID!, $connectorId: ID!) { connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) { connectorGroups { id name region } userErrors { code field } requestId } }';
const TWO_OPERATIONS = `${MUTATION} query Ping { __typename }`;
const TYPENAME = '{ __typename }';
const INLINE_MUTATION = `mutation { addConnectorMemberOf(input: { applicationId: "${APPLICATION_ID}", connectorId: "${CONNECTOR_ID}", connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: true, name: "G", region: NAM } }) { connectorGroup { name region } requestId } }`;
const INTROSPECTION = getIntrospectionQuery();
// The schema is 3 levels deep, so only introspection goes past 6, and it is exempt from the
// depth limit: valid in development, refused in production.
const DEEP_INTROSPECTION =
  '{ __typename a: __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
// The mutation, one space apart: valid, and not the manifest's text.
const OUTSIDE = MUTATION.replace('{ addConnectorMemberOf', '{  addConnectorMemberOf');
// Root fields that call the upstream, aliases included: at MAX_UPSTREAM_FIELDS (valid, trusted,
// served fast), and past it within Armor's alias limit (refused by validation on both paths).
const READ_FIELD =
  'connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) { connectorGroups { id name } requestId }';
const readFields = (count: number) =>
  Array.from({ length: count }, (_, i) => `r${i}: ${READ_FIELD}`).join(' ');
const AT_FIELD_LIMIT = `query AtLimit($applicationId: ID!, $connectorId: ID!) { ${readFields(DEFAULT_MAX_UPSTREAM_FIELDS)} }`;
const PAST_FIELD_LIMIT = `query PastLimit($applicationId: ID!, $connectorId: ID!) { ${readFields(ARMOR_LIMITS.maxAliases)} connectorGroups { requestId } }`;
const PAST_FIELD_LIMIT_IN_FRAGMENTS = `query Spread($applicationId: ID!, $connectorId: ID!) { ...Reads ... on Query { connectorGroups { requestId } } } fragment Reads on Query { ${readFields(DEFAULT_MAX_UPSTREAM_FIELDS)} }`;
// Shapes graphql-jit compiles on its own (src/fast-path/compiled-operation.ts): aliases, fragments,
// `__typename` at every level, @include/@skip from variables, default variable values.
const SHAPES =
  'query Shapes($applicationId: ID!, $connectorId: ID!, $withGroups: Boolean = true, $skipId: Boolean!) { __typename list: connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) { kind: __typename ...Groups @include(if: $withGroups) rid: requestId @skip(if: $skipId) userErrors { ... on UserError { code field message } } } } fragment Groups on ConnectorMemberOfPayload { groups: connectorGroups { id name region type: connectorGroupType isDefault __typename } }';
const MUTATION_DEFAULTS =
  'mutation AddDefaults($input: AddConnectorMemberOfInput!, $withGroup: Boolean = false) { addConnectorMemberOf(input: $input) { connectorGroup @include(if: $withGroup) { id name region } requestId userErrors { code message field } } }';
const CLIENT_ADD = addConnectorMemberOfOperation;
const CLIENT_LIST = connectorMemberOfOperation;

/** The trusted documents both gateways load: the client's, and the corpus's valid documents. */
function trustedFor(production: boolean): TrustedEntry[] {
  const texts = [
    MUTATION,
    QUERY,
    TWO_OPERATIONS,
    TYPENAME,
    INLINE_MUTATION,
    AT_FIELD_LIMIT,
    SHAPES,
    MUTATION_DEFAULTS,
    CLIENT_ADD.text,
    CLIENT_LIST.text,
  ];
  // Refused by production's introspection rule: in production's manifest they would stop the start.
  if (!production) texts.push(INTROSPECTION, DEEP_INTROSPECTION);
  return texts.map((text) => ({ hash: documentHash(text), text }));
}

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
const listVariables = { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID };
const apq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

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
  /** The fast path serves this case (default: false); 'development': only there. */
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
      query: INLINE_MUTATION,
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
  { name: '__typename', body: json({ query: TYPENAME }), headers: json200, fast: true },
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
    // 1 s, not more: it closes each gateway's write gate for that long, and the cases after it
    // wait it out (within their budget) rather than be refused for the rest of the run.
    upstream: graphError(429, 'TooManyRequests', 'Slow down.', { 'retry-after': '1' }),
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
  // The whole class refused before execution (docs/running.md): the same 406 on both paths,
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
    name: 'CORS: an unlisted Origin',
    body: mutation(),
    headers: { ...withToken, origin: 'https://elsewhere.example' },
    fast: true,
  },
  {
    name: 'CORS: Origin null',
    body: mutation(),
    headers: { ...withToken, origin: 'null' },
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
    name: 'root fields at MAX_UPSTREAM_FIELDS (trusted)',
    body: json({ query: AT_FIELD_LIMIT, variables: listVariables }),
    headers: withToken,
    upstream: groupCollection,
    fast: true,
  },
  {
    name: 'root fields past MAX_UPSTREAM_FIELDS, within the alias limit',
    body: json({ query: PAST_FIELD_LIMIT, variables: listVariables }),
    headers: withToken,
  },
  {
    name: 'root fields past MAX_UPSTREAM_FIELDS, through fragments',
    body: json({ query: PAST_FIELD_LIMIT_IN_FRAGMENTS, variables: listVariables }),
    headers: withToken,
  },
  {
    name: 'deep introspection',
    body: json({ query: DEEP_INTROSPECTION }),
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
  {
    name: 'variables: an input object as an empty array (graphql-jit alone would take it as {})',
    body: mutation({ input: { ...input().input, connectorGroup: [] } }),
    headers: withToken,
  },
  {
    name: 'variables: an ID as a number',
    body: mutation(input({ connectorId: 5 })),
    headers: withToken,
    fast: true,
  },
  {
    name: 'variables: an enum value in REST case',
    body: mutation(input({}, { region: 'eur' })),
    headers: withToken,
  },
  {
    name: 'shapes: aliases, fragments, __typename, @include and @skip, a default value',
    body: json({ query: SHAPES, variables: { ...listVariables, skipId: false } }),
    headers: withToken,
    upstream: groupCollection,
    fast: true,
  },
  {
    name: 'shapes: the fragment excluded, a field skipped',
    body: json({ query: SHAPES, variables: { ...listVariables, withGroups: false, skipId: true } }),
    headers: withToken,
    upstream: groupCollection,
    fast: true,
  },
  {
    name: 'shapes: upstream 401 (the error under an alias)',
    body: json({ query: SHAPES, variables: { ...listVariables, skipId: false } }),
    headers: withToken,
    upstream: graphError(401, 'InvalidAuthenticationToken', 'Expired.'),
    fast: true,
  },
  {
    name: 'shapes: upstream 418 (masked under an alias)',
    body: json({ query: SHAPES, variables: { ...listVariables, skipId: false } }),
    headers: withToken,
    upstream: teapot,
    fast: true,
  },
  {
    name: 'shapes: a required Boolean missing',
    body: json({ query: SHAPES, variables: listVariables }),
    headers: withToken,
  },
  {
    name: 'a mutation with a default variable value',
    body: json({ query: MUTATION_DEFAULTS, variables: input() }),
    headers: withToken,
    upstream: groupJson,
    fast: true,
  },
  {
    name: 'a mutation with a default variable value overridden',
    body: json({ query: MUTATION_DEFAULTS, variables: { ...input(), withGroup: true } }),
    headers: withToken,
    upstream: groupJson,
    fast: true,
  },
  {
    name: 'a mutation, no token (UNAUTHENTICATED under its own path)',
    body: json({ query: MUTATION_DEFAULTS, variables: input() }),
    headers: json200,
    fast: true,
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
    body: json({ query: INTROSPECTION }),
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
  // Trusted documents (docs/contracts.md#trusted-documents): by text, by hash, and the refusals.
  {
    name: "the client's mutation, its exact text",
    body: json({ query: CLIENT_ADD.text, variables: input(), operationName: CLIENT_ADD.name }),
    headers: withToken,
    fast: true,
  },
  {
    name: "the client's mutation by documentId",
    body: json({ documentId: CLIENT_ADD.hash, variables: input() }),
    headers: withToken,
    fast: true,
  },
  {
    name: "the client's Query by documentId, bare hex",
    body: json({ documentId: CLIENT_LIST.hash.slice('sha256:'.length), variables: listVariables }),
    headers: withToken,
    upstream: groupCollection,
    fast: true,
  },
  {
    name: 'documentId with its own text',
    body: json({ documentId: CLIENT_ADD.hash, query: CLIENT_ADD.text, variables: input() }),
    headers: withToken,
    fast: true,
  },
  {
    name: 'documentId with another text (BAD_REQUEST)',
    body: json({ documentId: CLIENT_ADD.hash, query: MUTATION, variables: input() }),
    headers: withToken,
  },
  {
    name: 'documentId naming no document (PERSISTED_QUERY_NOT_FOUND)',
    body: json({ documentId: `sha256:${'0'.repeat(64)}`, variables: input() }),
    headers: withToken,
  },
  {
    name: 'documentId not a string',
    body: json({ documentId: 1, variables: input() }),
    headers: withToken,
  },
  {
    name: "Apollo's APQ hash of a trusted document",
    body: json({ extensions: apq(CLIENT_ADD.hash.slice('sha256:'.length)), variables: input() }),
    headers: withToken,
  },
  {
    name: "Apollo's APQ hash naming no document (PERSISTED_QUERY_NOT_FOUND)",
    body: json({ extensions: apq('f'.repeat(64)), variables: input() }),
    headers: withToken,
  },
  {
    name: "Apollo's APQ registration: an unknown hash with its text",
    body: json({ query: OUTSIDE, extensions: apq(documentHash(OUTSIDE)), variables: input() }),
    headers: withToken,
  },
  {
    name: 'a valid document outside the manifest (runs under allow, refused under require)',
    body: json({ query: OUTSIDE, variables: input() }),
    headers: withToken,
  },
  {
    name: 'documentId over GET',
    method: 'GET',
    path: `/graphql?documentId=${encodeURIComponent(CLIENT_LIST.hash)}&variables=${encodeURIComponent(json(listVariables))}`,
    headers: { authorization: TOKEN, 'x-graphql-yoga-csrf': '1' },
    upstream: groupCollection,
  },
];

/** Response headers whose value varies from one answer to the next, whichever path answers. */
const VARYING_HEADERS = new Set(['date']);

/** A request as the upstream got it, the fresh client-request-id aside (present or not). */
interface UpstreamCall {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Answer {
  status: number;
  /** Every response header as sent, in order: `[name, value]`, a varying value as `present`. */
  headers: [string, string][];
  body: string;
  /** What the upstream received while this request was answered. */
  upstreamCalls: UpstreamCall[];
}

let upstreamRequests: () => ReceivedRequest[] = () => [];

function asUpstreamCall(received: ReceivedRequest): UpstreamCall {
  const { 'client-request-id': id, ...headers } = received.headers;
  return {
    method: received.method,
    url: received.url,
    headers: { ...headers, 'client-request-id': id === undefined ? undefined : 'present' },
    body: received.body,
  };
}

function send(base: string, testCase: Case): Promise<Answer> {
  const before = upstreamRequests().length;
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
        response.on('end', () => {
          const raw = response.rawHeaders;
          const every: [string, string][] = [];
          for (let i = 0; i + 1 < raw.length; i += 2) {
            const name = raw[i] as string;
            every.push([
              name,
              VARYING_HEADERS.has(name.toLowerCase()) ? 'present' : (raw[i + 1] as string),
            ]);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: every,
            body: Buffer.concat(chunks).toString('utf8'),
            upstreamCalls: upstreamRequests().slice(before).map(asUpstreamCall),
          });
        });
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

/**
 * Every metric the gateway exposes, as `/metrics` prints it, timings aside: a histogram's
 * buckets and sum are durations, so only its count (and its `+Inf` bucket, the same number)
 * is compared; a gate's closed seconds depend on when they are read, and the connections the pool
 * opens on when each gateway's previous ones closed.
 */
async function everyMetric(harness: TestGateway): Promise<string[]> {
  const lines = (await harness.metrics.registry.metrics()).split('\n');
  return lines
    .filter((line) => line !== '' && !(/_bucket\{/.test(line) && !line.includes('le="+Inf"')))
    .map((line) =>
      /^\w+_sum[{ ]|^gateway_upstream_(gate_closed_seconds|connections_opened)_total/.test(line)
        ? line.replace(/ \S+$/, ' <duration>')
        : line,
    );
}

// CORS_ORIGINS differs per mode: none (the default), one origin with credentials, without.
const LISTED: ReadonlySet<string> = new Set(['https://app.example']);
describe.each([
  {
    mode: 'development',
    production: false,
    trusted: 'allow' as TrustedDocumentsMode,
    cors: NO_CORS,
  },
  {
    mode: 'production, CORS_ORIGINS with CORS_CREDENTIALS=true',
    production: true,
    trusted: 'allow' as TrustedDocumentsMode,
    cors: { origins: LISTED, credentials: true },
  },
  {
    mode: 'production, TRUSTED_DOCUMENTS_MODE=require, CORS_ORIGINS',
    production: true,
    trusted: 'require' as TrustedDocumentsMode,
    cors: { origins: LISTED, credentials: false },
  },
])('the fast path against yoga alone, in $mode', ({ production, trusted, cors }) => {
  let upstream: ScriptedUpstream;
  let fast: TestGateway;
  let yogaOnly: TestGateway;
  let fastUrl: string;
  let yogaUrl: string;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    upstreamRequests = () => upstream.requests;
    const options = {
      upstreamBaseUrl: upstream.baseUrl,
      production,
      timeoutMs: 300,
      trustedDocuments: trustedFor(production),
      trustedDocumentsMode: trusted,
      cors,
    };
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

  it.each(CASES)(
    '$name: the same status, headers, body, upstream calls, log lines and metrics',
    async (testCase) => {
      upstream.answer(testCase.upstream ?? noContent);
      const servedBefore = fast.gateway.fastPathStats.served;
      const fastLines = fast.logLines.length;
      const yogaLines = yogaOnly.logLines.length;

      // Twice each: the first request of a document meets what the start compiled, the second
      // meets whatever the first left behind (yoga's caches, the pool).
      for (let round = 0; round < 2; round++) {
        const viaFastPath = await send(fastUrl, testCase);
        const viaYoga = await send(yogaUrl, testCase);
        expect(viaFastPath).toEqual(viaYoga);
        if (viaYoga.status === 406 || viaYoga.status === 400) {
          expect(viaYoga.upstreamCalls).toEqual([]);
        }
        expect(viaYoga.headers.some(([name]) => name.toLowerCase() === 'date')).toBe(true);
      }

      const servedFast = testCase.fast === true || (testCase.fast === 'development' && !production);
      expect(fast.gateway.fastPathStats.served - servedBefore).toBe(servedFast ? 2 : 0);
      const newLines = (harness: TestGateway, from: number) =>
        harness.logs().slice(from).map(stableLogLine);
      expect(newLines(fast, fastLines)).toEqual(newLines(yogaOnly, yogaLines));
      expect(await everyMetric(fast)).toEqual(await everyMetric(yogaOnly));
      expect(yogaOnly.gateway.fastPathStats.served).toBe(0);
    },
  );

  it('exposes metrics worth comparing', async () => {
    const metrics = await everyMetric(fast);
    expect(metrics.some((line) => line.startsWith('gateway_graphql_requests_total{'))).toBe(true);
    expect(
      metrics.some((line) => line.startsWith('gateway_upstream_call_duration_seconds_count{')),
    ).toBe(true);
  });
});

describe('the fast path against yoga alone, when a resolver has a bug', () => {
  // A client that throws what no upstream answer produces: yoga masks it ("Unexpected error.",
  // nothing of the cause) and logs the cause; the fast path must do exactly the same.
  const buggyClient = {
    api: 'seed' as const,
    addConnectorMemberOf: () => Promise.reject(new TypeError('bug: internal detail')),
    listConnectorMemberOf: () => Promise.reject(new TypeError('bug: internal detail')),
    listConnectorGroups: () => Promise.reject(new TypeError('bug: internal detail')),
    listConnectorGroupsPage: () => Promise.reject(new TypeError('bug: internal detail')),
    listConnectors: () => Promise.reject(new TypeError('bug: internal detail')),
    getConnectorGroup: () => Promise.reject(new TypeError('bug: internal detail')),
    createConnectorGroup: () => Promise.reject(new TypeError('bug: internal detail')),
    moveConnectors: () => Promise.reject(new TypeError('bug: internal detail')),
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
      trustedDocuments: trustedFor(true),
    });
    const server = createGatewayServer(gateway, {
      limits: DEFAULT_SERVER_LIMITS,
      health: { draining: false },
      logger: createLogger({ level: 'silent' }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    return {
      gateway,
      url: `http://127.0.0.1:${address.port}`,
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
      const viaFastPath = await send(fast.url, testCase);
      const viaYoga = await send(yogaOnly.url, testCase);

      expect(fast.gateway.fastPathStats.served).toBe(1);
      expect(viaFastPath).toEqual(viaYoga);
      expect(viaFastPath.body).toContain('Unexpected error.');
      expect(viaFastPath.body).not.toContain('internal detail');
      const fastLines = fast.logs().map(stableLogLine);
      expect(fastLines).toEqual(yogaOnly.logs().map(stableLogLine));
      // The cause is logged (at error), never sent.
      expect(JSON.stringify(fastLines)).toContain('internal detail');
    } finally {
      await fast.close();
      await yogaOnly.close();
    }
  });
});

describe('the fence', () => {
  // What a rate limiter, a tracer or an audit log does: work in onResponse, here a header.
  const auditHeader = (): Plugin => ({
    onResponse({ response }) {
      response.headers.set('x-audit', 'seen');
    },
  });
  const deps = () => ({
    client: {
      api: 'seed' as const,
      addConnectorMemberOf: () => Promise.reject(new Error('not called')),
      listConnectorMemberOf: () => Promise.reject(new Error('not called')),
      listConnectorGroups: () => Promise.reject(new Error('not called')),
      listConnectorGroupsPage: () => Promise.reject(new Error('not called')),
      listConnectors: () => Promise.reject(new Error('not called')),
      getConnectorGroup: () => Promise.reject(new Error('not called')),
      createConnectorGroup: () => Promise.reject(new Error('not called')),
      moveConnectors: () => Promise.reject(new Error('not called')),
    },
    logger: createLogger({ level: 'silent' }),
    metrics: createMetrics(),
    production: false,
  });

  it('stops createGateway, with the fast path on, at a plugin that sets a header in onResponse', () => {
    expect(() => createGateway({ ...deps(), plugins: [auditHeader()] })).toThrow(
      /the fast path does not know plugin \d+ \(made by no factory the fence knows; hooks: onResponse\)/,
    );
  });

  it('lets it run with the fast path off, where every answer carries its header', async () => {
    const harness = createTestGateway({
      upstreamBaseUrl: 'http://127.0.0.1:9/v1.0',
      fastPath: false,
      plugins: [auditHeader()],
    });
    try {
      const response = await harness.fetch('/graphql', {
        method: 'POST',
        headers: json200,
        body: json({ query: CLIENT_ADD.text, variables: input() }),
      });
      expect(response.headers.get('x-audit')).toBe('seen');
    } finally {
      await harness.close();
    }
  });
});
