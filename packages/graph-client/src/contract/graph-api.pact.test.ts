/**
 * The REST contract between connector-gateway (consumer) and Graph (provider `graph-api`).
 *
 * What it protects: every answer the gateway turns into a GraphQL result, as GraphClient itself
 * sends and reads it (never a hand-written HTTP call), against the Pact mock server, for both
 * upstream profiles: `seed` (the application-scoped `$ref` path and its connectorGroup body,
 * under /v1.0) and `graph` (Graph's documented operations under /beta: the reference POST with
 * its `@odata.id`, the connector's memberOf, the group list filtered by `name eq '...'`). Also
 * success with and without a body, the error envelope's `code` and `message` (including the
 * duplicate prefix, the one message the client reads), `request-id`, and `Retry-After`. The
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
} from '@connectors/domain';
import {
  MatchersV3,
  PactV4,
  SpecificationVersion,
  type V3MockServer as V4MockServer,
} from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphClient } from '../graph-client.ts';
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

const { like, regex, uuid, eachLike, equal, constrainedArrayLike } = MatchersV3;

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
            connectorGroup: westEurope,
            ...callerOf,
          }),
        );
        expect(result).toEqual({
          ok: true,
          connectorGroup: westEurope,
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

  it('stays within packages/domain/openapi.json', async () => {
    const outcome = await checkPactAgainstOpenApi(OPENAPI_DOCUMENT, GENERATED_PACT, BUILD_DIR);
    expect(outcome.errors, outcome.summary).toEqual([]);
    expect(outcome.success).toBe(true);
  });
});
