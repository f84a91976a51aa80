/**
 * The REST contract between connector-gateway (consumer) and Graph (provider `graph-api`).
 *
 * What it protects: every answer the gateway turns into a GraphQL result, as GraphClient itself
 * sends and reads it (never a hand-written HTTP call), against the Pact mock server, for both
 * upstream profiles: `seed` (the application-scoped `$ref` path and its connectorGroup body,
 * under /v1.0) and `graph` (Graph's documented operations under /beta: the reference POST with
 * its `@odata.id`, the connector's memberOf, the group list filtered by `name eq '...'`). Also
 * success with and without a body, the error envelope's `code` and `message` (including the
 * duplicate prefix, the one message the client reads), `request-id`, and `Retry-After`; and JSON
 * batching: a `$batch` of independent moves, answered step by step in any order, one step
 * throttled with its own `Retry-After` while the other lands. The
 * provider (apps/fake-graph) replays these interactions with the agreed, parameterised provider
 * states.
 *
 * The pact is written to build/pacts and must equal the committed pacts/ file; a difference
 * fails here with the diff, and `pnpm pact:accept` takes it. The pact must also stay within
 * packages/domain/openapi.json: the consumer may not expect what the described API does not offer.
 *
 * Every interaction lives in this one file: parallel writers would corrupt the pact.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import {
  ConnectorGroupInput,
  ConnectorGroupsQuery,
  DirectoryObjectId,
  DUPLICATE_REFERENCE_MESSAGE,
  DUPLICATE_REFERENCE_MESSAGE_PREFIX,
  GRAPH_ERROR_CODES,
  parseValid,
  SEED,
  SkipToken,
} from '@connectors/domain';
import {
  MatchersV3,
  PactV4,
  SpecificationVersion,
  type V3MockServer as V4MockServer,
} from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../graph-client.ts';
import type { ConnectorMoveResult } from '../operations/move-connectors.ts';
import type {
  AddMemberOfResult,
  ListConnectorGroupsResult,
  ListMemberOfResult,
} from '../result.ts';
import { checkPactAgainstOpenApi } from './openapi-check.ts';
import {
  BUILD_DIR,
  COMMITTED_PACT,
  CONSUMER,
  GENERATED_PACT,
  GENERATED_PACT_DIR,
  OPENAPI_DOCUMENT,
  PROVIDER,
  stablePactText,
} from './pact-file.ts';

const { like, regex, uuid, eachLike, equal, constrainedArrayLike, arrayContaining } = MatchersV3;

// Ids as provider-state parameters: the provider creates exactly what each interaction names.
// Parsed, as the client takes them (the gateway hands it the domain's parsed values).
const id = (guid: string) => parseValid(DirectoryObjectId, guid);
const APPLICATION_ID = SEED.applicationId;
const CONNECTOR_ID = SEED.connectorId;
const GROUP_ID = id('5d3c2b1a-0f9e-4d8c-b7a6-958473625140');
const CREATED_GROUP_ID = id('9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d');
const UNKNOWN_ID = id('00000000-0000-4000-8000-00000000dead');
const CLIENT_REQUEST_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const REQUEST_ID = '7c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.contract-test.token';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

function refPath(applicationId: string, connectorId: string) {
  // The dollar is escaped: `$ref` is a literal path segment, not an end-of-input anchor.
  return regex(
    `^/v1\\.0/applications/${GUID}/connectorGroup/members/${GUID}/memberOf/\\$ref$`,
    `/v1.0/applications/${applicationId}/connectorGroup/members/${connectorId}/memberOf/$ref`,
  );
}

function listPath(applicationId: string, connectorId: string) {
  return regex(
    `^/v1\\.0/applications/${GUID}/connectorGroup/members/${GUID}/memberOf$`,
    `/v1.0/applications/${applicationId}/connectorGroup/members/${connectorId}/memberOf`,
  );
}

// Graph's documented operations (docs/rest-upstream.md, the graph profile) exist on beta only.
const PROXY = '/beta/onPremisesPublishingProfiles/applicationProxy';
const PROXY_PATTERN = '^/beta/onPremisesPublishingProfiles/applicationProxy';

function documentedRefPath(connectorId: string) {
  return regex(
    `${PROXY_PATTERN}/connectors/${GUID}/memberOf/\\$ref$`,
    `${PROXY}/connectors/${connectorId}/memberOf/$ref`,
  );
}

function documentedMemberOfPath(connectorId: string) {
  return regex(
    `${PROXY_PATTERN}/connectors/${GUID}/memberOf$`,
    `${PROXY}/connectors/${connectorId}/memberOf`,
  );
}

// The client builds `@odata.id` on its own base (here the mock server's); the provider's base
// differs, so only the path suffix is the contract. The example is fake-graph's default base.
function referenceBody(groupId: string) {
  return {
    '@odata.id': regex(
      `^https?://.+/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GUID}$`,
      `http://localhost:4010${PROXY}/connectorGroups/${groupId}`,
    ),
  };
}

// The decoded `$filter` value: the one filter the client sends, a quoted OData literal.
function nameFilter(filter: string) {
  return { $filter: regex("^name eq '(?:[^']|'')*'$", filter) };
}

function requestHeaders(token = TOKEN) {
  return {
    Authorization: regex('^Bearer \\S+$', `Bearer ${token}`),
    'Content-Type': 'application/json',
    'client-request-id': uuid(CLIENT_REQUEST_ID),
  };
}

// The body the client sends, with matchers where the value is the caller's, exact where the
// contract fixes it.
function requestBody(group: ConnectorGroupInput) {
  return {
    '@odata.type': '#microsoft.graph.connectorGroup',
    ...(group.id === undefined ? {} : { id: uuid(group.id) }),
    connectorGroupType: 'applicationProxy',
    isDefault: group.isDefault,
    name: like(group.name),
    region: like(group.region),
  };
}

const responseHeaders = { 'request-id': uuid(REQUEST_ID) };
const jsonResponseHeaders = {
  ...responseHeaders,
  'Content-Type': regex('^application/json(;.*)?$', 'application/json'),
};

// Only what the client reads of Graph's envelope: the code and the message.
function errorBody(code: string, message: ReturnType<typeof like> | ReturnType<typeof regex>) {
  return { error: { code, message } };
}

const westEurope = parseValid(ConnectorGroupInput, {
  id: GROUP_ID,
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
});
const newGroup = parseValid(ConnectorGroupInput, {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'India connectors',
  region: 'ind',
});

const hasConnector = 'application {applicationId} has connector {connectorId}';
const hasGroup = 'application {applicationId} has connector group {groupId} named {name}';
const isMember = 'connector {connectorId} is a member of group {groupId}';
// The documented operations are tenant-wide: their states name no application.
const connectorExists = 'connector {connectorId} exists';
const groupExists = 'connector group {groupId} named {name} exists';
const connectorMissing = 'connector {connectorId} does not exist';
const westEuropeState = { groupId: GROUP_ID, name: 'West Europe connectors', region: 'eur' };

const pact = new PactV4({
  consumer: CONSUMER,
  provider: PROVIDER,
  dir: GENERATED_PACT_DIR,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

function addWith(
  server: V4MockServer,
  overrides: Partial<Parameters<GraphClient['addConnectorMemberOf']>[0]> = {},
): Promise<AddMemberOfResult> {
  return withClient(server, (client) =>
    client.addConnectorMemberOf({
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      connectorGroup: westEurope,
      authorization: `Bearer ${TOKEN}`,
      clientRequestId: CLIENT_REQUEST_ID,
      ...overrides,
    }),
  );
}

async function withClient<T>(
  server: V4MockServer,
  use: (client: GraphClient) => Promise<T>,
  api: 'seed' | 'graph' = 'seed',
) {
  // One attempt per interaction: the mock server answers each interaction once.
  const client = new GraphClient({
    baseUrl: `${server.url}${api === 'seed' ? '/v1.0' : '/beta'}`,
    api,
    maxRetries: 0,
  });
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

beforeAll(() => {
  // A stale interaction from an earlier run must never linger in the file.
  rmSync(GENERATED_PACT, { force: true });
});

describe('REST interactions: POST .../memberOf/$ref', () => {
  it('adds the connector to an existing group named by id: 204', async () => {
    await pact
      .addInteraction()
      .given(hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .given(hasGroup, {
        applicationId: APPLICATION_ID,
        groupId: GROUP_ID,
        name: westEurope.name,
        region: westEurope.region,
      })
      .uponReceiving('a request to add a connector to an existing group by id')
      .withRequest('POST', refPath(APPLICATION_ID, CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(requestBody(westEurope));
      })
      .willRespondWith(204, (builder) => {
        builder.headers(responseHeaders);
      })
      .executeTest(async (server) => {
        const result = await addWith(server);
        expect(result).toEqual({
          ok: true,
          connectorGroup: westEurope,
          status: 204,
          requestId: REQUEST_ID,
        });
      });
  });

  it('creates a group named in the body and adds the connector: 201 with the new id', async () => {
    await pact
      .addInteraction()
      .given(hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .uponReceiving('a request to add a connector to a group that does not exist yet, by name')
      .withRequest('POST', refPath(APPLICATION_ID, CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(requestBody(newGroup));
      })
      .willRespondWith(201, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          id: uuid(CREATED_GROUP_ID),
          connectorGroupType: like('applicationProxy'),
          isDefault: like(false),
          name: like(newGroup.name),
          region: like(newGroup.region),
        });
      })
      .executeTest(async (server) => {
        const result = await addWith(server, { connectorGroup: newGroup });
        expect(result).toEqual({
          ok: true,
          connectorGroup: { ...newGroup, id: CREATED_GROUP_ID },
          status: 201,
          requestId: REQUEST_ID,
        });
      });
  });

  it('refuses an invalid body with a message naming the property: 400', async () => {
    const defaultGroup = parseValid(ConnectorGroupInput, {
      ...newGroup,
      name: 'Second default',
      isDefault: true,
    });
    await pact
      .addInteraction()
      .given(hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .uponReceiving('a request to create a default group through memberOf')
      .withRequest('POST', refPath(APPLICATION_ID, CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(requestBody(defaultGroup));
      })
      .willRespondWith(400, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody(
          errorBody(
            GRAPH_ERROR_CODES.badRequest,
            regex(
              // Pact's regex matchers must match the whole value, hence the `.*` on both sides.
              "^.*'isDefault'.*$",
              "Invalid value for property 'isDefault': the default connector group is created by the service and cannot be created through memberOf.",
            ),
          ),
        );
      })
      .executeTest(async (server) => {
        const result = await addWith(server, { connectorGroup: defaultGroup });
        expect(result).toMatchObject({ ok: false, kind: 'invalidInput', status: 400 });
        expect(!result.ok && result.message).toContain("'isDefault'");
      });
  });

  it('answers a membership that already exists with the duplicate message: 400', async () => {
    await pact
      .addInteraction()
      .given(hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .given(hasGroup, {
        applicationId: APPLICATION_ID,
        groupId: GROUP_ID,
        name: westEurope.name,
        region: westEurope.region,
      })
      .given(isMember, { connectorId: CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving('a request to add a connector to a group it is already a member of')
      .withRequest('POST', refPath(APPLICATION_ID, CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(requestBody(westEurope));
      })
      .willRespondWith(400, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody(
          errorBody(
            GRAPH_ERROR_CODES.badRequest,
            // The prefix is the contract: the client tells a duplicate apart by it alone.
            regex(`^${DUPLICATE_REFERENCE_MESSAGE_PREFIX}.*$`, DUPLICATE_REFERENCE_MESSAGE),
          ),
        );
      })
      .executeTest(async (server) => {
        const result = await addWith(server);
        expect(result).toMatchObject({ ok: false, kind: 'alreadyMember', requestId: REQUEST_ID });
      });
  });

  it.each([
    {
      what: 'an application that does not exist',
      states: [['application {applicationId} does not exist', { applicationId: UNKNOWN_ID }]],
      applicationId: UNKNOWN_ID,
      connectorId: CONNECTOR_ID,
      group: westEurope,
      message: `Resource '${UNKNOWN_ID}' of type application does not exist.`,
    },
    {
      what: 'a connector the application does not have',
      states: [
        [
          'application {applicationId} has no connector {connectorId}',
          { applicationId: APPLICATION_ID, connectorId: UNKNOWN_ID },
        ],
      ],
      applicationId: APPLICATION_ID,
      connectorId: UNKNOWN_ID,
      group: westEurope,
      message: `Resource '${UNKNOWN_ID}' of type connector does not exist.`,
    },
    {
      what: 'a group id the application does not have',
      states: [[hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID }]],
      applicationId: APPLICATION_ID,
      connectorId: CONNECTOR_ID,
      group: { ...westEurope, id: UNKNOWN_ID },
      message: `Resource '${UNKNOWN_ID}' of type connectorGroup does not exist.`,
    },
  ] as const)('answers a request naming $what: 404', async (row) => {
    let interaction = pact.addInteraction();
    for (const [state, parameters] of row.states)
      interaction = interaction.given(state, parameters);
    await interaction
      .uponReceiving(`a request to add a connector, naming ${row.what}`)
      .withRequest('POST', refPath(row.applicationId, row.connectorId), (builder) => {
        builder.headers(requestHeaders()).jsonBody(requestBody(row.group));
      })
      .willRespondWith(404, (builder) => {
        builder
          .headers(jsonResponseHeaders)
          .jsonBody(errorBody(GRAPH_ERROR_CODES.notFound, like(row.message)));
      })
      .executeTest(async (server) => {
        const result = await addWith(server, {
          applicationId: row.applicationId,
          connectorId: row.connectorId,
          connectorGroup: row.group,
        });
        expect(result).toEqual({
          ok: false,
          kind: 'notFound',
          status: 404,
          message: row.message,
          requestId: REQUEST_ID,
          sent: true,
        });
      });
  });

  it.each([
    {
      state: 'token {token} is not accepted',
      token: 'expired-token',
      status: 401,
      code: GRAPH_ERROR_CODES.unauthenticated,
      message: 'Access token has expired or is not yet valid.',
      kind: 'unauthenticated',
    },
    {
      state: 'token {token} lacks permission',
      token: 'read-only-token',
      status: 403,
      code: GRAPH_ERROR_CODES.forbidden,
      message: 'Insufficient privileges to complete the operation.',
      kind: 'forbidden',
    },
  ] as const)('answers $token with $status', async (row) => {
    await pact
      .addInteraction()
      .given(hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .given(row.state, { token: row.token })
      .uponReceiving(`a request to add a connector with a token that gets ${row.status}`)
      .withRequest('POST', refPath(APPLICATION_ID, CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders(row.token)).jsonBody(requestBody(westEurope));
      })
      .willRespondWith(row.status, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody(errorBody(row.code, like(row.message)));
      })
      .executeTest(async (server) => {
        const result = await addWith(server, { authorization: `Bearer ${row.token}` });
        expect(result).toMatchObject({ ok: false, kind: row.kind, status: row.status });
      });
  });

  it('throttles with Retry-After: 429', async () => {
    await pact
      .addInteraction()
      .given(hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .given('requests are throttled for {retryAfterSeconds} seconds', { retryAfterSeconds: 7 })
      .uponReceiving('a request to add a connector while throttled')
      .withRequest('POST', refPath(APPLICATION_ID, CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(requestBody(westEurope));
      })
      .willRespondWith(429, (builder) => {
        builder
          .headers({ ...jsonResponseHeaders, 'Retry-After': regex('^\\d+$', '7') })
          .jsonBody(errorBody(GRAPH_ERROR_CODES.tooManyRequests, like('Too many requests.')));
      })
      .executeTest(async (server) => {
        const result = await addWith(server);
        expect(result).toMatchObject({
          ok: false,
          kind: 'rateLimited',
          status: 429,
          retryAfterSeconds: 7,
        });
      });
  });
});

describe('REST interactions: GET .../memberOf', () => {
  it("lists the connector's groups: 200 collection", async () => {
    await pact
      .addInteraction()
      .given(hasConnector, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .uponReceiving("a request for a connector's groups")
      .withRequest('GET', listPath(APPLICATION_ID, CONNECTOR_ID), (builder) => {
        const { 'Content-Type': _noBody, ...headers } = requestHeaders();
        builder.headers(headers);
      })
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          value: eachLike({
            id: uuid(GROUP_ID),
            connectorGroupType: like('applicationProxy'),
            isDefault: like(true),
            name: like('Default'),
            region: like('nam'),
          }),
        });
      })
      .executeTest(async (server) => {
        const result: ListMemberOfResult = await withClient(server, (client) =>
          client.listConnectorMemberOf({
            applicationId: APPLICATION_ID,
            connectorId: CONNECTOR_ID,
            authorization: `Bearer ${TOKEN}`,
            clientRequestId: CLIENT_REQUEST_ID,
          }),
        );
        expect(result).toEqual({
          ok: true,
          connectorGroups: [
            {
              id: GROUP_ID,
              connectorGroupType: 'applicationProxy',
              isDefault: true,
              name: 'Default',
              region: 'nam',
            },
          ],
          status: 200,
          requestId: REQUEST_ID,
        });
      });
  });
});

function graphClient<T>(server: V4MockServer, use: (client: GraphClient) => Promise<T>) {
  return withClient(server, use, 'graph');
}

const callerOf = {
  authorization: `Bearer ${TOKEN}`,
  clientRequestId: CLIENT_REQUEST_ID,
};

function getHeaders() {
  const { 'Content-Type': _noBody, ...headers } = requestHeaders();
  return headers;
}

describe("REST interactions: Graph's documented operations (api 'graph', /beta)", () => {
  it('adds the connector to a group by reference: 204', async () => {
    await pact
      .addInteraction()
      .given(connectorExists, { connectorId: CONNECTOR_ID })
      .given(groupExists, westEuropeState)
      .uponReceiving('a request to add a connector to a group by an OData reference')
      .withRequest('POST', documentedRefPath(CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(referenceBody(GROUP_ID));
      })
      .willRespondWith(204, (builder) => {
        builder.headers(responseHeaders);
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.addConnectorMemberOf({
            applicationId: APPLICATION_ID,
            connectorId: CONNECTOR_ID,
            // By id alone: Graph's operation references the group, nothing more is sent.
            connectorGroup: { id: GROUP_ID },
            ...callerOf,
          }),
        );
        // A 204 carries no group, and the request named only its id.
        expect(result).toEqual({
          ok: true,
          connectorGroup: null,
          status: 204,
          requestId: REQUEST_ID,
        });
      });
  });

  it('answers a reference to the group the connector is in with the duplicate message: 400', async () => {
    await pact
      .addInteraction()
      .given(connectorExists, { connectorId: CONNECTOR_ID })
      .given(groupExists, westEuropeState)
      .given(isMember, { connectorId: CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving('a request to add a connector by reference to the group it is in')
      .withRequest('POST', documentedRefPath(CONNECTOR_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(referenceBody(GROUP_ID));
      })
      .willRespondWith(400, (builder) => {
        builder
          .headers(jsonResponseHeaders)
          .jsonBody(
            errorBody(
              GRAPH_ERROR_CODES.badRequest,
              regex(`^${DUPLICATE_REFERENCE_MESSAGE_PREFIX}.*$`, DUPLICATE_REFERENCE_MESSAGE),
            ),
          );
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.addConnectorMemberOf({
            applicationId: APPLICATION_ID,
            connectorId: CONNECTOR_ID,
            connectorGroup: westEurope,
            ...callerOf,
          }),
        );
        expect(result).toMatchObject({ ok: false, kind: 'alreadyMember', requestId: REQUEST_ID });
      });
  });

  it('answers a reference POST for a connector that does not exist: 404', async () => {
    const message = `Resource '${UNKNOWN_ID}' does not exist or one of its queried reference-property objects are not present.`;
    await pact
      .addInteraction()
      .given(connectorMissing, { connectorId: UNKNOWN_ID })
      .given(groupExists, westEuropeState)
      .uponReceiving('a request to add a connector that does not exist, by reference')
      .withRequest('POST', documentedRefPath(UNKNOWN_ID), (builder) => {
        builder.headers(requestHeaders()).jsonBody(referenceBody(GROUP_ID));
      })
      .willRespondWith(404, (builder) => {
        builder
          .headers(jsonResponseHeaders)
          .jsonBody(errorBody(GRAPH_ERROR_CODES.notFound, like(message)));
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.addConnectorMemberOf({
            applicationId: APPLICATION_ID,
            connectorId: UNKNOWN_ID,
            connectorGroup: westEurope,
            ...callerOf,
          }),
        );
        expect(result).toEqual({
          ok: false,
          kind: 'notFound',
          status: 404,
          message,
          requestId: REQUEST_ID,
          sent: true,
        });
      });
  });

  it("lists the connector's group: 200 collection", async () => {
    await pact
      .addInteraction()
      .given(connectorExists, { connectorId: CONNECTOR_ID })
      .given(groupExists, westEuropeState)
      .given(isMember, { connectorId: CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving("a request for a connector's group at the documented memberOf")
      .withRequest('GET', documentedMemberOfPath(CONNECTOR_ID), (builder) => {
        builder.headers(getHeaders());
      })
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          value: eachLike({
            id: uuid(GROUP_ID),
            connectorGroupType: like('applicationProxy'),
            isDefault: like(false),
            name: like(westEurope.name),
            region: like('eur'),
          }),
        });
      })
      .executeTest(async (server) => {
        const result: ListMemberOfResult = await graphClient(server, (client) =>
          client.listConnectorMemberOf({
            applicationId: APPLICATION_ID,
            connectorId: CONNECTOR_ID,
            ...callerOf,
          }),
        );
        expect(result).toEqual({
          ok: true,
          connectorGroups: [westEurope],
          status: 200,
          requestId: REQUEST_ID,
        });
      });
  });

  it('lists the groups filtered by name: the one match, 200', async () => {
    await pact
      .addInteraction()
      .given(groupExists, westEuropeState)
      .uponReceiving('a request for the connector groups named exactly as one group is')
      .withRequest('GET', `${PROXY}/connectorGroups`, (builder) => {
        builder.query(nameFilter("name eq 'West Europe connectors'")).headers(getHeaders());
      })
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          // Exactly one: the lookup uses a single match and refuses several.
          value: constrainedArrayLike(
            {
              id: uuid(GROUP_ID),
              connectorGroupType: like('applicationProxy'),
              isDefault: like(false),
              // The client compares the name exactly, so the name is the contract.
              name: equal(westEurope.name),
              region: like('eur'),
            },
            1,
            1,
          ),
        });
      })
      .executeTest(async (server) => {
        const result: ListConnectorGroupsResult = await graphClient(server, (client) =>
          client.listConnectorGroups({ name: westEurope.name, ...callerOf }),
        );
        expect(result).toEqual({
          ok: true,
          connectorGroups: [westEurope],
          status: 200,
          requestId: REQUEST_ID,
        });
      });
  });

  it('lists the groups filtered by a name no group has: an empty collection, 200', async () => {
    // A quote in the name: the provider must read the doubled quote back (OData quoting).
    const name = "Nobody's connectors";
    await pact
      .addInteraction()
      .uponReceiving('a request for the connector groups named as no group is')
      .withRequest('GET', `${PROXY}/connectorGroups`, (builder) => {
        builder.query(nameFilter("name eq 'Nobody''s connectors'")).headers(getHeaders());
      })
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({ value: [] });
      })
      .executeTest(async (server) => {
        const result: ListConnectorGroupsResult = await graphClient(server, (client) =>
          client.listConnectorGroups({
            ...parseValid(ConnectorGroupsQuery, { name }),
            ...callerOf,
          }),
        );
        expect(result).toEqual({
          ok: true,
          connectorGroups: [],
          status: 200,
          requestId: REQUEST_ID,
        });
      });
  });
});

describe("REST interactions: the connector-group screen's routes (api 'graph', /beta)", () => {
  const OTHER_CONNECTOR_ID = id('5eedc000-0000-4000-8001-000000000001');
  // fake-graph's token for "after the first connector of the list" (its keyset position 1, the
  // first row after a reset): opaque to the client, which sends back exactly what it was given.
  const SECOND_PAGE_TOKEN = Buffer.from('{"list":"connectors","after":[1]}').toString('base64url');
  const groupBody = (group: { id: string; name: string; region: string; isDefault: boolean }) => ({
    id: uuid(group.id),
    connectorGroupType: like('applicationProxy'),
    isDefault: like(group.isDefault),
    name: like(group.name),
    region: like(group.region),
  });
  const defaultGroup = { ...SEED.defaultGroup };
  // Only what the client reads of a connector.
  const connectorBody = (connectorId: string, group: Parameters<typeof groupBody>[0]) => ({
    id: uuid(connectorId),
    machineName: like('connector-e98f0710'),
    status: like('active'),
    memberOf: eachLike(groupBody(group)),
  });
  const nextLink = regex(
    '^https?://.+\\$skiptoken=[^&]+',
    `http://localhost:4010${PROXY}/connectors?$expand=memberOf&$top=1&$skiptoken=${SECOND_PAGE_TOKEN}`,
  );

  it('lists a page of connectors with their groups expanded, and the next link: 200', async () => {
    await pact
      .addInteraction()
      .given(connectorExists, { connectorId: CONNECTOR_ID })
      .given(connectorExists, { connectorId: OTHER_CONNECTOR_ID })
      .uponReceiving('a request for the first page of connectors with their groups')
      .withRequest('GET', `${PROXY}/connectors`, (builder) => {
        builder.query({ $expand: 'memberOf', $top: '1' }).headers(getHeaders());
      })
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          '@odata.nextLink': nextLink,
          value: eachLike(connectorBody(CONNECTOR_ID, defaultGroup)),
        });
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.listConnectors({ top: 1, ...callerOf }),
        );
        expect(result).toMatchObject({
          ok: true,
          connectors: [{ id: CONNECTOR_ID, memberOf: [defaultGroup] }],
          nextSkipToken: SECOND_PAGE_TOKEN,
        });
      });
  });

  it('reads the next page by its $skiptoken alone: 200, no next link on the last', async () => {
    await pact
      .addInteraction()
      .given(connectorExists, { connectorId: CONNECTOR_ID })
      .given(connectorExists, { connectorId: OTHER_CONNECTOR_ID })
      .uponReceiving('a request for the page of connectors after the first')
      .withRequest('GET', `${PROXY}/connectors`, (builder) => {
        builder
          .query({ $expand: 'memberOf', $top: '1', $skiptoken: SECOND_PAGE_TOKEN })
          .headers(getHeaders());
      })
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          value: eachLike(connectorBody(OTHER_CONNECTOR_ID, defaultGroup)),
        });
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.listConnectors({
            top: 1,
            skipToken: parseValid(SkipToken, SECOND_PAGE_TOKEN),
            ...callerOf,
          }),
        );
        expect(result).toMatchObject({ ok: true, connectors: [{ id: OTHER_CONNECTOR_ID }] });
        expect(result.ok && result.nextSkipToken).toBeUndefined();
      });
  });

  it("lists a group's members with their group: 200", async () => {
    await pact
      .addInteraction()
      .given(groupExists, westEuropeState)
      .given(isMember, { connectorId: CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving("a request for a connector group's members")
      .withRequest(
        'GET',
        regex(
          `${PROXY_PATTERN}/connectorGroups/${GUID}/members$`,
          `${PROXY}/connectorGroups/${GROUP_ID}/members`,
        ),
        (builder) => {
          builder.query({ $expand: 'memberOf', $top: '10' }).headers(getHeaders());
        },
      )
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          value: eachLike(
            connectorBody(CONNECTOR_ID, westEurope as Parameters<typeof groupBody>[0]),
          ),
        });
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.listConnectors({ top: 10, connectorGroupId: GROUP_ID, ...callerOf }),
        );
        expect(result).toMatchObject({
          ok: true,
          connectors: [{ id: CONNECTOR_ID, memberOf: [{ id: GROUP_ID }] }],
        });
      });
  });

  it('reads one group: 200', async () => {
    await pact
      .addInteraction()
      .given(groupExists, westEuropeState)
      .uponReceiving('a request for one connector group')
      .withRequest(
        'GET',
        regex(`${PROXY_PATTERN}/connectorGroups/${GUID}$`, `${PROXY}/connectorGroups/${GROUP_ID}`),
        (builder) => {
          builder.headers(getHeaders());
        },
      )
      .willRespondWith(200, (builder) => {
        builder
          .headers(jsonResponseHeaders)
          .jsonBody(groupBody(westEurope as Parameters<typeof groupBody>[0]));
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.getConnectorGroup({ connectorGroupId: GROUP_ID, ...callerOf }),
        );
        expect(result).toEqual({
          ok: true,
          connectorGroup: westEurope,
          status: 200,
          requestId: REQUEST_ID,
        });
      });
  });

  it('creates a group from its name and region: 201 with the new id', async () => {
    await pact
      .addInteraction()
      .uponReceiving('a request creating a connector group')
      .withRequest('POST', `${PROXY}/connectorGroups`, (builder) => {
        builder
          .headers(requestHeaders())
          .jsonBody({ name: like(newGroup.name), region: like(newGroup.region) });
      })
      .willRespondWith(201, (builder) => {
        builder
          .headers(jsonResponseHeaders)
          .jsonBody(groupBody({ ...newGroup, id: CREATED_GROUP_ID }));
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.createConnectorGroup({
            name: newGroup.name,
            region: newGroup.region,
            ...callerOf,
          }),
        );
        expect(result).toMatchObject({
          ok: true,
          connectorGroup: { id: CREATED_GROUP_ID, name: newGroup.name, region: newGroup.region },
          status: 201,
        });
      });
  });

  it('refuses a name another group has: 400', async () => {
    await pact
      .addInteraction()
      .given(groupExists, westEuropeState)
      .uponReceiving('a request creating a connector group with a name another group has')
      .withRequest('POST', `${PROXY}/connectorGroups`, (builder) => {
        builder
          .headers(requestHeaders())
          .jsonBody({ name: like(westEurope.name), region: like('eur') });
      })
      .willRespondWith(400, (builder) => {
        builder
          .headers(jsonResponseHeaders)
          .jsonBody(
            errorBody(
              GRAPH_ERROR_CODES.badRequest,
              like('Another object with the same value for property name already exists.'),
            ),
          );
      })
      .executeTest(async (server) => {
        const result = await graphClient(server, (client) =>
          client.createConnectorGroup({ name: westEurope.name, region: 'eur', ...callerOf }),
        );
        expect(result).toMatchObject({ ok: false, kind: 'invalidInput', status: 400 });
      });
  });
});

// JSON batching (docs/rest-upstream.md): the moves of two connectors in one `$batch`, each step
// the documented reference POST with its own client-request-id and no dependsOn.
const OTHER_CONNECTOR_ID = id('0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
const writesThrottled = 'every {n}th write is throttled for {retryAfterSeconds} seconds';

function moveStep(stepId: string, connectorId: string) {
  return {
    id: stepId,
    method: 'POST',
    // Relative to the version root, `$ref` literal.
    url: regex(
      `^/onPremisesPublishingProfiles/applicationProxy/connectors/${GUID}/memberOf/\\$ref$`,
      `/onPremisesPublishingProfiles/applicationProxy/connectors/${connectorId}/memberOf/$ref`,
    ),
    headers: { 'Content-Type': 'application/json', 'client-request-id': uuid(CLIENT_REQUEST_ID) },
    body: referenceBody(GROUP_ID),
  };
}

function moveTwo(server: V4MockServer): Promise<ConnectorMoveResult[]> {
  return graphClient(server, async (client) => {
    const result = await client.moveConnectorsBatch({
      connectorGroup: westEurope as typeof westEurope & { id: typeof GROUP_ID },
      moves: [{ connectorId: CONNECTOR_ID }, { connectorId: OTHER_CONNECTOR_ID }],
      ...callerOf,
    });
    if (!result.ok) throw new Error(`the batch failed: ${result.message}`);
    return result.results;
  });
}

describe("REST interactions: JSON batching (api 'graph', /beta/$batch)", () => {
  const twoConnectorsAndAGroup = (interaction: ReturnType<typeof pact.addInteraction>) =>
    interaction
      .given(connectorExists, { connectorId: CONNECTOR_ID })
      .given(connectorExists, { connectorId: OTHER_CONNECTOR_ID })
      .given(groupExists, westEuropeState);

  it('moves two connectors in one batch: each step answered 204', async () => {
    await twoConnectorsAndAGroup(pact.addInteraction())
      .uponReceiving('a batch moving two connectors into a group')
      .withRequest('POST', regex('^/beta/\\$batch$', '/beta/$batch'), (builder) => {
        builder
          .headers(requestHeaders())
          .jsonBody({ requests: [moveStep('1', CONNECTOR_ID), moveStep('2', OTHER_CONNECTOR_ID)] });
      })
      .willRespondWith(200, (builder) => {
        // In any order: the client matches each answer to its step by id.
        builder.headers(jsonResponseHeaders).jsonBody({
          responses: arrayContaining({ id: '1', status: 204 }, { id: '2', status: 204 }),
        });
      })
      .executeTest(async (server) => {
        const results = await moveTwo(server);
        expect(results.map((step) => [step.connectorId, step.ok, step.status])).toEqual([
          [CONNECTOR_ID, true, 204],
          [OTHER_CONNECTOR_ID, true, 204],
        ]);
      });
  });

  it('answers a throttled step 429 with its own Retry-After while the other lands', async () => {
    await twoConnectorsAndAGroup(pact.addInteraction())
      .given(writesThrottled, { n: 2, retryAfterSeconds: 5 })
      .uponReceiving('a batch moving two connectors while every second write is throttled')
      .withRequest('POST', regex('^/beta/\\$batch$', '/beta/$batch'), (builder) => {
        builder
          .headers(requestHeaders())
          .jsonBody({ requests: [moveStep('1', CONNECTOR_ID), moveStep('2', OTHER_CONNECTOR_ID)] });
      })
      .willRespondWith(200, (builder) => {
        builder.headers(jsonResponseHeaders).jsonBody({
          responses: arrayContaining(
            { id: '1', status: 204 },
            {
              id: '2',
              status: 429,
              headers: { 'Retry-After': regex('^\\d+$', '5') },
              body: errorBody(GRAPH_ERROR_CODES.tooManyRequests, like('Too many write requests.')),
            },
          ),
        });
      })
      .executeTest(async (server) => {
        const [first, second] = await moveTwo(server);
        expect(first).toMatchObject({ ok: true, status: 204 });
        expect(second).toMatchObject({
          ok: false,
          kind: 'rateLimited',
          status: 429,
          retryAfterSeconds: 5,
          retryAfterMs: 5000,
        });
      });
  });
});

describe('the pact file', () => {
  it('equals the committed pacts/connector-gateway-graph-api.json (accept: pnpm pact:accept)', () => {
    const generated = stablePactText(JSON.parse(readFileSync(GENERATED_PACT, 'utf8')));
    expect(
      existsSync(COMMITTED_PACT),
      'no committed pact yet: review build/pacts, then run pnpm pact:accept',
    ).toBe(true);
    const committed = stablePactText(JSON.parse(readFileSync(COMMITTED_PACT, 'utf8')));
    expect(
      generated,
      'the contract changed: review this diff, then run pnpm pact:accept and commit pacts/',
    ).toBe(committed);
  });

  // The validator's time grows with the interactions and the document: measured on the shared
  // 2-core machine, 19 interactions against the screen's and $batch's document took 11 s alone
  // and passed 30 s under the whole `pnpm test` (17 without $batch: 5 s alone).
  it('stays within packages/domain/openapi.json', { timeout: 120_000 }, async () => {
    const outcome = await checkPactAgainstOpenApi(OPENAPI_DOCUMENT, GENERATED_PACT, BUILD_DIR);
    expect(outcome.errors, outcome.summary).toEqual([]);
    expect(outcome.success).toBe(true);
  });
});
