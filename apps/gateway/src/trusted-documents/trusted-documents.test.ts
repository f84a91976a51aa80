/**
 * Contract: trusted documents (docs/contracts.md#trusted-documents). Under
 * `TRUSTED_DOCUMENTS_MODE=require` only manifest documents run, named by `documentId`, by Apollo's
 * APQ hash or by their exact text; anything else is refused with a 400 and a code
 * (`PERSISTED_QUERY_NOT_IN_LIST`, `PERSISTED_QUERY_NOT_FOUND`) and the upstream is never called.
 * Under `allow` any valid document runs, and a hash still names its document. Both hold with the
 * fast path on and off, against a recording upstream. And every manifest document is compiled at
 * start through the gateway's own rules: one that does not validate stops `createGateway`,
 * naming its hash.
 */
import { SEED } from '@connectors/domain';
import {
  addConnectorMemberOfOperation,
  connectorMemberOfOperation,
} from '@connectors/gateway-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { createGateway } from '../create-gateway.ts';
import { createLogger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { ARMOR_LIMITS } from '../protection/limits.ts';
import { DEFAULT_MAX_UPSTREAM_FIELDS } from '../protection/upstream-field-limit.ts';
import { documentHash, type TrustedDocumentsMode } from './manifest.ts';
import { InvalidTrustedDocumentError } from './trusted-documents.ts';
import { HASH_NOT_FOUND_CODE, NOT_TRUSTED_CODE } from './use-trusted-documents.ts';

const ADD = addConnectorMemberOfOperation;
const LIST = connectorMemberOfOperation;
const AUTHORIZATION = 'Bearer trusted-documents';
const input = {
  applicationId: SEED.applicationId,
  connectorId: SEED.connectorId,
  connectorGroup: {
    connectorGroupType: 'APPLICATION_PROXY',
    isDefault: false,
    name: 'Trusted',
    region: 'EUR',
  },
};
// Valid for the schema, and not the manifest's text.
const OTHER =
  'mutation Other($input: AddConnectorMemberOfInput!) { addConnectorMemberOf(input: $input) { requestId } }';
const bareHex = (hash: string) => hash.slice('sha256:'.length);
const apq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

describe.each([
  { path: 'fast path on', fastPath: true },
  { path: 'fast path off', fastPath: false },
])('trusted documents, $path', ({ fastPath }) => {
  let upstream: ScriptedUpstream;
  const gateways = new Map<TrustedDocumentsMode, TestGateway>();

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    for (const mode of ['allow', 'require'] as const) {
      gateways.set(
        mode,
        createTestGateway({
          upstreamBaseUrl: upstream.baseUrl,
          production: true,
          fastPath,
          trustedDocumentsMode: mode,
        }),
      );
    }
  });
  afterAll(async () => {
    for (const gateway of gateways.values()) await gateway.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });

  async function post(mode: TrustedDocumentsMode, body: unknown): Promise<Answer> {
    const response = await (gateways.get(mode) as TestGateway).fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  async function get(mode: TrustedDocumentsMode, query: string): Promise<Answer> {
    const response = await (gateways.get(mode) as TestGateway).fetch(`/graphql?${query}`, {
      headers: { authorization: AUTHORIZATION, 'x-graphql-yoga-csrf': '1' },
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  /** A 400 with exactly this code, no data, and no upstream call. */
  function expectRefused(answer: Answer, code: string) {
    expect(answer.status).toBe(400);
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.body.errors?.map((error) => error.extensions?.code)).toEqual([code]);
    expect(upstream.requests).toEqual([]);
  }

  /** The mutation ran: the group back, one upstream call, the seed's REST path. */
  function expectAdded(answer: Answer) {
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(JSON.stringify(answer.body.data)).toContain('"name":"Trusted"');
    expect(upstream.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST /v1.0/applications/${SEED.applicationId}/connectorGroup/members/${SEED.connectorId}/memberOf/$ref`,
    ]);
  }

  describe('require', () => {
    it.each([
      ['its exact text', { query: ADD.text, variables: { input } }],
      [
        'its exact text and operationName',
        { query: ADD.text, operationName: ADD.name, variables: { input } },
      ],
      ['documentId, sha256:<hex>', { documentId: ADD.hash, variables: { input } }],
      ['documentId, bare hex', { documentId: bareHex(ADD.hash), variables: { input } }],
      [
        'documentId and its own text',
        { documentId: ADD.hash, query: ADD.text, variables: { input } },
      ],
      ["Apollo's APQ hash", { extensions: apq(bareHex(ADD.hash)), variables: { input } }],
      [
        "Apollo's APQ hash and its text",
        { query: ADD.text, extensions: apq(bareHex(ADD.hash)), variables: { input } },
      ],
    ])('runs a manifest document named by %s', async (_how, body) => {
      const served = (gateways.get('require') as TestGateway).gateway.fastPathStats.served;
      expectAdded(await post('require', body));
      // The fast path takes the JSON forms it knows; the APQ form (in `extensions`) is yoga's.
      const fastForm = fastPath && !('extensions' in body);
      expect((gateways.get('require') as TestGateway).gateway.fastPathStats.served - served).toBe(
        fastForm ? 1 : 0,
      );
    });

    it('runs a manifest document by documentId over GET', async () => {
      upstream.answer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"value":[]}');
      });
      const variables = encodeURIComponent(
        JSON.stringify({ applicationId: SEED.applicationId, connectorId: SEED.connectorId }),
      );
      const answer = await get(
        'require',
        `documentId=${encodeURIComponent(LIST.hash)}&variables=${variables}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(upstream.requests).toHaveLength(1);
    });

    it.each([
      ['another valid document', { query: OTHER, variables: { input } }],
      ['the manifest text reformatted', { query: `${ADD.text} `, variables: { input } }],
      [
        "another document with its APQ hash (Apollo's registration)",
        { query: OTHER, extensions: apq(documentHash(OTHER)), variables: { input } },
      ],
      ['__typename', { query: '{ __typename }' }],
    ])('refuses %s with PERSISTED_QUERY_NOT_IN_LIST, calling nothing', async (_what, body) => {
      const answer = await post('require', body);
      expectRefused(answer, NOT_TRUSTED_CODE);
      expect(answer.body.errors?.[0]?.message).toContain('TRUSTED_DOCUMENTS_MODE=require');
    });

    it('refuses another document over GET too', async () => {
      expectRefused(
        await get('require', `query=${encodeURIComponent('{ __typename }')}`),
        NOT_TRUSTED_CODE,
      );
    });

    it('logs and counts the refusal under its code', async () => {
      const harness = gateways.get('require') as TestGateway;
      const from = harness.logLines.length;
      await post('require', { query: OTHER, variables: { input } });
      const line = harness
        .logs()
        .slice(from)
        .find((entry) => entry.msg === 'graphql request');
      expect(line).toMatchObject({ outcome: NOT_TRUSTED_CODE, status: 400 });
      expect(await harness.metrics.registry.metrics()).toContain(
        `gateway_graphql_requests_total{operation="none",outcome="${NOT_TRUSTED_CODE}"}`,
      );
    });
  });

  describe.each(['allow', 'require'] as const)('%s, by hash', (mode) => {
    it.each([
      ['documentId', { documentId: `sha256:${'0'.repeat(64)}`, variables: { input } }],
      ["Apollo's APQ hash", { extensions: apq('e'.repeat(64)), variables: { input } }],
    ])(
      'a %s naming no document is PERSISTED_QUERY_NOT_FOUND, calling nothing',
      async (_how, body) => {
        expectRefused(await post(mode, body), HASH_NOT_FOUND_CODE);
      },
    );

    it('a documentId beside another text is BAD_REQUEST, calling nothing', async () => {
      expectRefused(
        await post(mode, { documentId: ADD.hash, query: OTHER, variables: { input } }),
        'BAD_REQUEST',
      );
    });

    it('a documentId that is not a string is BAD_REQUEST, calling nothing', async () => {
      expectRefused(await post(mode, { documentId: 7, variables: { input } }), 'BAD_REQUEST');
    });

    it('a known documentId runs its document', async () => {
      expectAdded(await post(mode, { documentId: ADD.hash, variables: { input } }));
    });
  });

  describe('allow', () => {
    it('runs any valid document', async () => {
      const answer = await post('allow', { query: OTHER, variables: { input } });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(upstream.requests).toHaveLength(1);
    });

    it("runs Apollo's APQ registration: an unknown hash with its text", async () => {
      const answer = await post('allow', {
        query: OTHER,
        extensions: apq(documentHash(OTHER)),
        variables: { input },
      });
      expect(answer.status).toBe(200);
      expect(upstream.requests).toHaveLength(1);
    });
  });
});

describe('trusted documents compiled at start', () => {
  const deps = (production: boolean, texts: string[]) => ({
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
    production,
    trustedDocuments: texts.map((text) => ({ hash: documentHash(text), text })),
  });
  const aliases = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  const connectorAliases = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: connectorMemberOf(applicationId: "x", connectorId: "y") { requestId }`).join(' ')} }`;

  it.each([
    ['a syntax error', '{ __typename '],
    ['an unknown field', '{ connectorMemberO }'],
    ["Armor's alias limit", connectorAliases(ARMOR_LIMITS.maxAliases + 1)],
    ['the upstream-field limit', connectorAliases(DEFAULT_MAX_UPSTREAM_FIELDS + 1)],
    ["Armor's token limit", `{ ${'__typename '.repeat(ARMOR_LIMITS.maxTokens)}}`],
    [
      "Armor's directive limit",
      `{ __typename ${'@include(if: true) '.repeat(ARMOR_LIMITS.maxDirectives + 1)}}`,
    ],
    ["production's introspection rule", '{ __schema { queryType { name } } }'],
  ])('a document refused by %s stops the start, naming its hash', (_rule, text) => {
    const hash = documentHash(text);
    let thrown: unknown;
    try {
      createGateway(deps(true, [addConnectorMemberOfOperation.text, text]));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTrustedDocumentError);
    expect((thrown as InvalidTrustedDocumentError).hash).toBe(hash);
    expect((thrown as Error).message).toMatch(
      new RegExp(`^sha256:${hash} is not a valid document for this gateway: .+`),
    );
  });

  it('starts with documents every rule allows: the client manifest, aliases up to the limit, introspection in development', () => {
    expect(() =>
      createGateway(
        deps(true, [
          addConnectorMemberOfOperation.text,
          aliases(ARMOR_LIMITS.maxAliases),
          connectorAliases(DEFAULT_MAX_UPSTREAM_FIELDS),
        ]),
      ),
    ).not.toThrow();
    expect(() => createGateway(deps(false, ['{ __schema { queryType { name } } }']))).not.toThrow();
  });
});
