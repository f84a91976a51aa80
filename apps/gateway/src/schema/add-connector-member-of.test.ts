/**
 * Contract: docs/errors.md's table for `addConnectorMemberOf`, row by row, through the gateway's
 * node handler (what production serves, the fast path included) with two HTTP clients, against a
 * real local upstream server. Frontend teams
 * build on these codes, fields and request ids; the upstream must get exactly docs/rest-upstream.md's
 * request, and no request at all when the gateway can answer alone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ConnectorGroupName,
  DUPLICATE_REFERENCE_MESSAGE,
  GRAPH_ERROR_CODES,
  isDirectoryObjectId,
  SEED,
} from '@connectors/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import {
  graphError,
  noContent,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';

const APPLICATION_ID = SEED.applicationId;
const CONNECTOR_ID = SEED.connectorId;
const GROUP_ID = SEED.defaultGroup.id;
const AUTHORIZATION = 'Bearer eyJ0eXAiOiJKV1QifQ.test-token.signature';
const CALLER_REQUEST_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
/** One code point, two UTF-16 code units: where counting code points and code units part. */
const ROCKET = '\u{1F680}';

const MUTATION = `mutation Add($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup { id connectorGroupType isDefault name region }
    userErrors { code message field }
    requestId
  }
}`;

const group = {
  connectorGroupType: 'APPLICATION_PROXY',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'EUR',
};
const input = { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID, connectorGroup: group };

interface GraphQLResponse {
  data?: {
    addConnectorMemberOf: {
      connectorGroup: Record<string, unknown> | null;
      userErrors: { code: string; message: string; field: string[] | null }[];
      requestId: string | null;
    } | null;
  } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

type Send = (body: string, headers: Record<string, string>) => Promise<Response>;

const TRANSPORTS = ['node:http client (harness.fetch)', 'global fetch (undici)'] as const;

describe.each(TRANSPORTS)('addConnectorMemberOf, %s', (transport) => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let send: Send;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, timeoutMs: 1000 });
    if (transport === 'global fetch (undici)') {
      const url = await harness.listen();
      send = (body, headers) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
    } else {
      send = async (body, headers) =>
        harness.fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
    }
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
    upstream.answer(noContent);
  });

  async function mutate(
    variables: Record<string, unknown> = { input },
    headers: Record<string, string> = { authorization: AUTHORIZATION },
  ): Promise<{ status: number; body: GraphQLResponse; text: string }> {
    const response = await send(graphqlBody(MUTATION, variables), headers);
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as GraphQLResponse, text };
  }

  describe('success', () => {
    it('sends docs/rest-upstream.md request and returns the group as sent on 204, with the request-id', async () => {
      const { status, body } = await mutate(undefined, {
        authorization: AUTHORIZATION,
        'client-request-id': CALLER_REQUEST_ID,
      });

      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.addConnectorMemberOf).toEqual({
        connectorGroup: { id: null, ...group },
        userErrors: [],
        requestId: 'upstream-request-1',
      });
      expect(upstream.requests).toHaveLength(1);
      const [sent] = upstream.requests;
      expect(sent?.method).toBe('POST');
      expect(sent?.url).toBe(
        `/v1.0/applications/${APPLICATION_ID}/connectorGroup/members/${CONNECTOR_ID}/memberOf/$ref`,
      );
      expect(sent?.headers.authorization).toBe(AUTHORIZATION);
      expect(sent?.headers['client-request-id']).toBe(CALLER_REQUEST_ID);
      expect(sent?.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(sent?.body ?? '')).toEqual({
        '@odata.type': '#microsoft.graph.connectorGroup',
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        name: 'West Europe connectors',
        region: 'eur',
      });
    });

    it('sends a name of exactly 256 UTF-16 code units as is: 128 emoji, or 254 letters and one', async () => {
      for (const name of [ROCKET.repeat(128), `${'a'.repeat(254)}${ROCKET}`]) {
        upstream.requests.length = 0;
        const { body } = await mutate({ input: { ...input, connectorGroup: { ...group, name } } });
        expect(body.data?.addConnectorMemberOf?.userErrors).toEqual([]);
        expect(body.data?.addConnectorMemberOf?.connectorGroup?.name).toBe(name);
        expect(upstream.requests).toHaveLength(1);
        expect(JSON.parse(upstream.requests[0]?.body ?? '{}').name).toBe(name);
      }
    });

    it('sends a fresh GUID as client-request-id when the caller sent none or a non-GUID', async () => {
      await mutate();
      await mutate(undefined, { authorization: AUTHORIZATION, 'client-request-id': 'not-a-guid' });
      const ids = upstream.requests.map((request) => request.headers['client-request-id']);
      expect(ids).toHaveLength(2);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i);
      expect(ids[0]).not.toBe(ids[1]);
    });

    it('names an existing group by id, and returns a JSON body as read (unknown region tolerated)', async () => {
      upstream.answer((_request, response) => {
        response
          .writeHead(200, { 'content-type': 'application/json', 'request-id': 'rid-json' })
          .end(
            JSON.stringify({
              '@odata.type': '#microsoft.graph.connectorGroup',
              id: GROUP_ID,
              connectorGroupType: 'applicationProxy',
              isDefault: false,
              name: 'West Europe connectors',
              region: 'mars',
              extra: 'ignored',
            }),
          );
      });
      const { body } = await mutate({
        input: { ...input, connectorGroup: { ...group, id: GROUP_ID } },
      });

      expect(JSON.parse(upstream.requests[0]?.body ?? '').id).toBe(GROUP_ID);
      expect(body.data?.addConnectorMemberOf).toEqual({
        connectorGroup: { ...group, id: GROUP_ID, region: 'UNKNOWN_FUTURE_VALUE' },
        userErrors: [],
        requestId: 'rid-json',
      });
    });

    it('counts a 2xx whose body is not a connectorGroup as success with the group as sent', async () => {
      upstream.answer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{not json');
      });
      const { body } = await mutate();
      expect(body.data?.addConnectorMemberOf?.connectorGroup).toEqual({ id: null, ...group });
      expect(body.data?.addConnectorMemberOf?.userErrors).toEqual([]);
    });
  });

  describe('INVALID_INPUT from the domain schemas, with no upstream call', () => {
    it.each([
      [
        'an application id that is not a GUID',
        { applicationId: 'not-a-guid' },
        ['input', 'applicationId'],
      ],
      ['an empty connector id', { connectorId: '' }, ['input', 'connectorId']],
      ['a group id that is not a GUID', { group: { id: '42' } }, ['input', 'connectorGroup', 'id']],
      ['an empty name', { group: { name: '' } }, ['input', 'connectorGroup', 'name']],
      ['a name of spaces only', { group: { name: '   ' } }, ['input', 'connectorGroup', 'name']],
      [
        'a name over 256 characters',
        { group: { name: 'x'.repeat(257) } },
        ['input', 'connectorGroup', 'name'],
      ],
      [
        'a name with a control character',
        { group: { name: 'West\tEurope' } },
        ['input', 'connectorGroup', 'name'],
      ],
      [
        'a name of 128 emoji and one letter (257 UTF-16 code units, 129 code points)',
        { group: { name: `${ROCKET.repeat(128)}a` } },
        ['input', 'connectorGroup', 'name'],
      ],
      [
        'a name of 256 emoji (512 code units, 256 code points)',
        { group: { name: ROCKET.repeat(256) } },
        ['input', 'connectorGroup', 'name'],
      ],
      [
        'a name with a lone surrogate',
        { group: { name: 'West \uD800 Europe' } },
        ['input', 'connectorGroup', 'name'],
      ],
      [
        'an application id with a lone surrogate',
        { applicationId: `${APPLICATION_ID.slice(0, -1)}\uDC00` },
        ['input', 'applicationId'],
      ],
      [
        'a connector id with a lone surrogate',
        { connectorId: `\uD83D${CONNECTOR_ID}` },
        ['input', 'connectorId'],
      ],
      [
        'a group id with a lone surrogate',
        { group: { id: `${GROUP_ID}\uDBFF` } },
        ['input', 'connectorGroup', 'id'],
      ],
      [
        'UNKNOWN_FUTURE_VALUE as the region',
        { group: { region: 'UNKNOWN_FUTURE_VALUE' } },
        ['input', 'connectorGroup', 'region'],
      ],
    ] as const)('%s', async (_name, change, field) => {
      const bad = {
        ...input,
        ...('applicationId' in change ? { applicationId: change.applicationId } : {}),
        ...('connectorId' in change ? { connectorId: change.connectorId } : {}),
        connectorGroup: { ...group, ...('group' in change ? change.group : {}) },
      };
      const { status, body } = await mutate({ input: bad });

      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const payload = body.data?.addConnectorMemberOf;
      expect(payload?.connectorGroup).toBeNull();
      expect(payload?.requestId).toBeNull();
      expect(payload?.userErrors).toHaveLength(1);
      expect(payload?.userErrors[0]?.code).toBe('INVALID_INPUT');
      expect(payload?.userErrors[0]?.field).toEqual(field);
      expect(payload?.userErrors[0]?.message).toMatch(/\w/);
      expect(upstream.requests).toHaveLength(0);
    });

    it('names enum values as GraphQL callers write them', async () => {
      const { body } = await mutate({
        input: { ...input, connectorGroup: { ...group, region: 'UNKNOWN_FUTURE_VALUE' } },
      });
      const message = body.data?.addConnectorMemberOf?.userErrors[0]?.message;
      expect(message).toBe(
        "connectorGroup.region UNKNOWN_FUTURE_VALUE is Graph's placeholder for regions this API does not know yet and cannot be written; use one of: NAM, EUR, AUS, ASIA, IND",
      );
    });

    it('says a lone surrogate is not well-formed Unicode and which one it is', async () => {
      const { body, text } = await mutate({
        input: { ...input, connectorGroup: { ...group, name: 'West\uDE00Europe' } },
      });
      expect(body.data?.addConnectorMemberOf?.userErrors).toEqual([
        {
          code: 'INVALID_INPUT',
          message:
            'connectorGroup.name must be well-formed Unicode: it contains a lone surrogate (U+DE00), half of a UTF-16 pair',
          field: ['input', 'connectorGroup', 'name'],
        },
      ]);
      // The answer itself stays well-formed: the message names the code unit, never echoes it.
      expect(text).not.toMatch(/\\ud[89a-f]/i);
      expect(upstream.requests).toHaveLength(0);
    });

    it('a lone surrogate in an enum variable: a GraphQL error, no upstream call', async () => {
      const response = await send(
        graphqlBody(MUTATION, {
          input: { ...input, connectorGroup: { ...group, region: 'EUR\uD800' } },
        }),
        { authorization: AUTHORIZATION },
      );
      const body = (await response.json()) as GraphQLResponse;
      expect(response.status).toBeLessThan(500);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.message).toMatch(/ConnectorGroupRegion/);
      expect(upstream.requests).toHaveLength(0);
    });

    it('under seed, whose body is the whole group, names each field an add by id left out', async () => {
      const { body } = await mutate({
        input: { ...input, connectorGroup: { id: GROUP_ID, isDefault: null, name: 'Default' } },
      });
      expect(body.data?.addConnectorMemberOf?.userErrors).toEqual(
        ['connectorGroupType', 'isDefault', 'region'].map((field) => ({
          code: 'INVALID_INPUT',
          message: `connectorGroup.${field} is required under UPSTREAM_API=seed: the seed's body is the whole group (under UPSTREAM_API=graph an add by id needs only the id)`,
          field: ['input', 'connectorGroup', field],
        })),
      );
      expect(upstream.requests).toHaveLength(0);
    });

    it('reports every invalid field at once', async () => {
      const { body } = await mutate({
        input: { ...input, applicationId: 'x', connectorGroup: { ...group, name: '' } },
      });
      const fields = body.data?.addConnectorMemberOf?.userErrors.map((error) => error.field);
      expect(fields).toEqual(
        expect.arrayContaining([
          ['input', 'applicationId'],
          ['input', 'connectorGroup', 'name'],
        ]),
      );
      expect(upstream.requests).toHaveLength(0);
    });
  });

  describe('user errors from the upstream', () => {
    it('upstream 400 (not a duplicate): INVALID_INPUT with the upstream message', async () => {
      upstream.answer(
        graphError(
          400,
          GRAPH_ERROR_CODES.badRequest,
          'Invalid value specified for property region.',
        ),
      );
      const { body } = await mutate();
      expect(body.data?.addConnectorMemberOf).toEqual({
        connectorGroup: null,
        userErrors: [
          {
            code: 'INVALID_INPUT',
            message: expect.stringContaining('Invalid value specified for property region.'),
            field: null,
          },
        ],
        requestId: 'upstream-400',
      });
      expect(upstream.requests).toHaveLength(1);
    });

    it('upstream 404: NOT_FOUND', async () => {
      upstream.answer(graphError(404, GRAPH_ERROR_CODES.notFound, "Resource 'x' does not exist."));
      const { body } = await mutate();
      expect(body.data?.addConnectorMemberOf?.userErrors[0]?.code).toBe('NOT_FOUND');
      expect(body.data?.addConnectorMemberOf?.connectorGroup).toBeNull();
      expect(body.data?.addConnectorMemberOf?.requestId).toBe('upstream-404');
    });

    it('upstream duplicate-membership 400: ALREADY_MEMBER on the group field', async () => {
      upstream.answer(graphError(400, GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE));
      const { body } = await mutate();
      expect(body.data?.addConnectorMemberOf).toEqual({
        connectorGroup: null,
        userErrors: [
          {
            code: 'ALREADY_MEMBER',
            message: expect.any(String),
            field: ['input', 'connectorGroup'],
          },
        ],
        requestId: 'upstream-400',
      });
    });
  });

  describe('UNAUTHENTICATED without a bearer token, with no upstream call', () => {
    it.each([
      ['no Authorization header', {}],
      ['a Basic credential', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['"Bearer" with no token', { authorization: 'Bearer' }],
      ['a token with spaces in it', { authorization: 'Bearer two words' }],
    ])('%s', async (_name, headers: Record<string, string>) => {
      const { status, body } = await mutate(undefined, headers);
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(upstream.requests).toHaveLength(0);
    });

    it('also before validation: a bad input without a token is UNAUTHENTICATED', async () => {
      const { body } = await mutate({ input: { ...input, applicationId: 'x' } }, {});
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('accepts the scheme in any case and forwards the header verbatim', async () => {
      await mutate(undefined, { authorization: 'bearer abc.DEF-123_~+/==' });
      expect(upstream.requests[0]?.headers.authorization).toBe('bearer abc.DEF-123_~+/==');
    });

    it('needs no token for a field that does not call the upstream', async () => {
      const response = await send(graphqlBody('{ __typename }'), {});
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      expect(upstream.requests).toHaveLength(0);
    });
  });

  describe('faults: GraphQL errors with extensions.code and extensions.requestId', () => {
    async function fault(): Promise<{ message: string; extensions: Record<string, unknown> }> {
      const { status, body, text } = await mutate();
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      // Error masking: nothing of an upstream body and no stack trace reaches the client.
      expect(text).not.toMatch(/stack|SECRET|at \w+ \(/);
      const [error] = body.errors ?? [];
      return { message: error?.message ?? '', extensions: error?.extensions ?? {} };
    }

    it('upstream 401: UNAUTHENTICATED', async () => {
      upstream.answer(graphError(401, GRAPH_ERROR_CODES.unauthenticated, 'SECRET token expired'));
      const { extensions } = await fault();
      expect(extensions).toEqual({
        code: 'UNAUTHENTICATED',
        requestId: 'upstream-401',
        sent: true,
      });
      expect(upstream.requests).toHaveLength(1);
    });

    it('upstream 403: FORBIDDEN', async () => {
      upstream.answer(
        graphError(403, GRAPH_ERROR_CODES.forbidden, 'SECRET insufficient privileges'),
      );
      const { extensions } = await fault();
      expect(extensions).toEqual({ code: 'FORBIDDEN', requestId: 'upstream-403', sent: true });
    });

    it('upstream 429 past the retries, no Retry-After: RATE_LIMITED without retryAfterSeconds', async () => {
      upstream.answer(graphError(429, GRAPH_ERROR_CODES.tooManyRequests, 'SECRET slow down'));
      const { extensions } = await fault();
      expect(extensions).toEqual({ code: 'RATE_LIMITED', requestId: 'upstream-429', sent: true });
    });

    it('no answer within the timeout: UPSTREAM_TIMEOUT', async () => {
      upstream.answer(() => {
        // Never answers; the client's 1 s attempt timeout ends it.
      });
      const { extensions } = await fault();
      expect(extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', sent: true });
      expect(upstream.requests).toHaveLength(1);
    });

    it('upstream 5xx: UPSTREAM_UNAVAILABLE', async () => {
      upstream.answer(
        graphError(503, GRAPH_ERROR_CODES.serviceUnavailable, 'SECRET down for maintenance'),
      );
      const { extensions } = await fault();
      expect(extensions).toEqual({
        code: 'UPSTREAM_UNAVAILABLE',
        requestId: 'upstream-503',
        sent: true,
      });
    });

    it('connection reset: UPSTREAM_UNAVAILABLE', async () => {
      upstream.answer((_request, response) => response.socket?.destroy());
      const { extensions } = await fault();
      expect(extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', sent: true });
    });

    it('an unexpected answer (418 with a body): masked, with the request-id only', async () => {
      upstream.answer((_request, response) => {
        response
          .writeHead(418, { 'content-type': 'text/plain', 'request-id': 'rid-teapot' })
          .end('SECRET upstream internals');
      });
      const { message, extensions } = await fault();
      expect(message).toBe('Unexpected error.');
      expect(extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: 'rid-teapot',
        sent: true,
      });
    });
    // Last of its block: the 120 s it asks for closes this gateway's write gate for the rest.
    it('upstream 429 whose Retry-After passes the budget: RATE_LIMITED, and the next write is not sent', async () => {
      upstream.answer(
        graphError(429, GRAPH_ERROR_CODES.tooManyRequests, 'SECRET slow down', {
          'retry-after': '120',
        }),
      );
      const { extensions } = await fault();
      expect(extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfterSeconds: 120,
        requestId: 'upstream-429',
        sent: true,
      });
      const next = await fault();
      expect(next.message).toBe(
        'The upstream asked for a pause, so the gateway did not send this call (nothing was changed): try again in 120 s.',
      );
      expect(next.extensions).toEqual({
        code: 'RATE_LIMITED',
        retryAfterSeconds: 120,
        sent: false,
      });
      expect(upstream.requests).toHaveLength(1);
    });
  });
});

describe('addConnectorMemberOf with the upstream down', () => {
  it('connection refused: UPSTREAM_UNAVAILABLE', async () => {
    // A port that was just free: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const harness = createTestGateway({ upstreamBaseUrl: `http://127.0.0.1:${port}/v1.0` });
    try {
      const response = await harness.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
        body: graphqlBody(MUTATION, { input }),
      });
      const body = (await response.json()) as GraphQLResponse;
      expect(body.data).toBeNull();
      // Every connection refused: nothing reached the upstream.
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', sent: false });
    } finally {
      await harness.close();
    }
  });
});

describe('addConnectorMemberOf with open-ended input (property)', () => {
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

  async function mutate(variables: Record<string, unknown>): Promise<GraphQLResponse> {
    const response = await harness.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
      body: graphqlBody(MUTATION, variables),
    });
    return (await response.json()) as GraphQLResponse;
  }

  it('any name: sent trimmed when the domain accepts it, else INVALID_INPUT on the name, no call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 40 })),
        async (name) => {
          upstream.requests.length = 0;
          const payload = (
            await mutate({ input: { ...input, connectorGroup: { ...group, name } } })
          ).data?.addConnectorMemberOf;
          if (ConnectorGroupName.safeParse(name).success) {
            expect(payload?.userErrors).toEqual([]);
            expect(JSON.parse(upstream.requests[0]?.body ?? '{}').name).toBe(name.trim());
          } else {
            expect(payload?.userErrors.map((error) => [error.code, error.field])).toEqual([
              ['INVALID_INPUT', ['input', 'connectorGroup', 'name']],
            ]);
            expect(upstream.requests).toHaveLength(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('any application id: only a GUID reaches the upstream, as one path segment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uuid(), fc.string({ maxLength: 60 })), async (applicationId) => {
        upstream.requests.length = 0;
        const payload = (await mutate({ input: { ...input, applicationId } })).data
          ?.addConnectorMemberOf;
        if (isDirectoryObjectId(applicationId)) {
          expect(upstream.requests[0]?.url).toBe(
            `/v1.0/applications/${applicationId}/connectorGroup/members/${CONNECTOR_ID}/memberOf/$ref`,
          );
        } else {
          expect(payload?.userErrors[0]?.field).toEqual(['input', 'applicationId']);
          expect(upstream.requests).toHaveLength(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
