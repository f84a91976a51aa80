/**
 * Contract: the GraphQL pact between connector-admin-web (a frontend built on this client,
 * consumer) and connector-gateway (provider).
 *
 * What it protects: every answer the client turns into a result, as the client itself sends and
 * reads it against the Pact mock server: the exact generated document text (Pact matches the
 * query as text with whitespace optional, so it is the client's own `Operation.text`, never
 * retyped), `operationName`, the variables, `Authorization`, `client-request-id` and `Accept`;
 * and of each answer only what the client reads: the payload's data, `userErrors` (code, message,
 * field) and `requestId`, or the first error's message and `extensions` (code, requestId,
 * retryAfterSeconds). The gateway's provider verification replays these interactions against the
 * real gateway in front of fake-graph, with provider states named as in the REST pact (and
 * fake-graph's PROVIDER_STATES) and their ids as parameters.
 *
 * The pact is written to build/pacts and must equal the committed
 * pacts/connector-admin-web-connector-gateway.json; a difference fails here with the diff, and
 * `pnpm pact:accept` takes it.
 *
 * Every interaction lives in this one file: parallel writers would corrupt the pact.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { readPactPair } from '@connectors/graph-client/contract';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT, createGatewayClient } from '../create-gateway-client.ts';
import type {
  AddConnectorMemberOfMutationVariables,
  ConnectorGroupInput,
} from '../generated/graphql.ts';
import {
  addConnectorMemberOfOperation,
  connectorGroupOperation,
  connectorGroupsOperation,
  connectorMemberOfOperation,
  connectorsOperation,
  createConnectorGroupOperation,
  moveConnectorsOperation,
  PERSISTED_DOCUMENTS,
} from '../operations/documents.ts';
import { CONSUMER, GRAPHQL_PACT, PROVIDER } from './pact-files.ts';

const { like, regex, uuid, eachLike, integer, boolean } = MatchersV3;

// fake-graph's seeded application and connector (docs/running.md); fresh fixed ids otherwise.
const APPLICATION_ID = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR_ID = 'e98f0710-0710-e98f-1007-8fe910078fe9';
const DEFAULT_GROUP_ID = 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const GROUP_ID = '2c6d9e4f-1a3b-4c5d-8e7f-6a5b4c3d2e1f';
const CREATED_GROUP_ID = '8f7e6d5c-4b3a-4291-8a0b-c1d2e3f4a5b6';
const UNKNOWN_CONNECTOR_ID = 'b7e3c1d9-4f2a-4e8b-9c6d-1a2b3c4d5e6f';
const REQUEST_ID = '4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d';
const CLIENT_REQUEST_ID = '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a';
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.admin-web-contract.token';
const GRAPHQL_PATH = '/graphql';

// Provider states, named exactly as in the REST pact and fake-graph's PROVIDER_STATES.
const HAS_CONNECTOR = 'application {applicationId} has connector {connectorId}';
const HAS_GROUP = 'application {applicationId} has connector group {groupId} named {name}';
const IS_MEMBER = 'connector {connectorId} is a member of group {groupId}';
const HAS_NO_CONNECTOR = 'application {applicationId} has no connector {connectorId}';
const THROTTLED = 'requests are throttled for {retryAfterSeconds} seconds';
// A tenant group, as Graph's documented routes see every group (no application in the name).
const GROUP_EXISTS = 'connector group {groupId} named {name} exists';
// A connector of the tenant, in its "Default" group.
const CONNECTOR_EXISTS = 'connector {connectorId} exists';
const OTHER_CONNECTOR_ID = '5eedc000-0000-4000-8001-000000000001';
// The cursor the gateway gives the first edge of a page of two from the start of the connectors
// list (opaque to this client; copied from the gateway's answer): "the connectors after the first".
const AFTER_FIRST_CONNECTOR = 'eyJsIjoiY29ubmVjdG9yc3x8IiwicyI6MX0.gFiIxjCQxARROAmrT9rk5s';

const westEurope = {
  id: GROUP_ID,
  connectorGroupType: 'APPLICATION_PROXY',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'EUR',
} as const satisfies ConnectorGroupInput;
const SEED_DEFAULT_GROUP = {
  id: DEFAULT_GROUP_ID,
  connectorGroupType: 'APPLICATION_PROXY',
  isDefault: true,
  name: 'Default',
  region: 'NAM',
} as const;
const india = {
  connectorGroupType: 'APPLICATION_PROXY',
  isDefault: false,
  name: 'India connectors',
  region: 'IND',
} as const satisfies ConnectorGroupInput;

const pact = new PactV4({
  consumer: CONSUMER,
  provider: PROVIDER,
  dir: GRAPHQL_PACT.generatedDir,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

function requestHeaders(withToken = true) {
  return {
    ...(withToken ? { Authorization: regex('^Bearer \\S+$', `Bearer ${TOKEN}`) } : {}),
    'client-request-id': uuid(CLIENT_REQUEST_ID),
    Accept: ACCEPT,
  };
}

// The variables as the client sends them: matchers where the value is the caller's, exact where
// the schema fixes it.
function addVariables(
  group: ConnectorGroupInput,
  connectorId: ReturnType<typeof uuid> | string = uuid(CONNECTOR_ID),
) {
  return {
    input: {
      applicationId: uuid(APPLICATION_ID),
      connectorId,
      connectorGroup: {
        ...(group.id ? { id: uuid(group.id) } : {}),
        connectorGroupType: group.connectorGroupType,
        isDefault: group.isDefault,
        name: like(group.name),
        region: like(group.region),
      },
    },
  };
}

function add(
  url: string,
  variables: AddConnectorMemberOfMutationVariables,
  getToken: () => string | undefined = () => TOKEN,
) {
  return createGatewayClient({ url: `${url}${GRAPHQL_PATH}`, getToken }).addConnectorMemberOf(
    variables,
  );
}

const input = (group: ConnectorGroupInput, connectorId = CONNECTOR_ID) => ({
  input: { applicationId: APPLICATION_ID, connectorId, connectorGroup: group },
});

// The fields of a group the client reads.
function groupBody(group: { id: string; name: string; region: string; isDefault: boolean }) {
  return {
    id: uuid(group.id),
    connectorGroupType: 'APPLICATION_PROXY',
    isDefault: like(group.isDefault),
    name: like(group.name),
    region: like(group.region),
  };
}

function userErrorsBody(
  field: string,
  userError: { code: string; message: string; field: string[] | null },
  requestId: unknown = like(REQUEST_ID),
) {
  return {
    data: {
      [field]: {
        userErrors: [
          { code: userError.code, message: like(userError.message), field: userError.field },
        ],
        requestId,
      },
    },
  };
}

// The client reads any JSON; the gateway answers in GraphQL over HTTP's media type. Named so the
// verifier does not hold the gateway to the plain `application/json` a JSON body implies.
const responseHeaders = {
  'Content-Type': regex(
    '^application/(graphql-response\\+)?json(;.*)?$',
    'application/graphql-response+json; charset=utf-8',
  ),
};

function errorBody(extensions: Record<string, unknown>, message: string) {
  return { errors: [{ message: like(message), extensions }] };
}

beforeAll(() => {
  // A stale interaction from an earlier run must never linger in the file.
  rmSync(GRAPHQL_PACT.generated, { force: true });
});

describe('GraphQL interactions: mutation AddConnectorMemberOf', () => {
  const operation = addConnectorMemberOfOperation;

  it('adds by name, creating the group: success with its new id', async () => {
    await pact
      .addGraphQLInteraction()
      .given(HAS_CONNECTOR, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .uponReceiving('a mutation adding a connector to a group named by name only')
      .withOperation(operation.name)
      .withVariables(addVariables(india))
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            addConnectorMemberOf: {
              connectorGroup: groupBody({ ...india, id: CREATED_GROUP_ID }),
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input(india));
        expect(result).toEqual({
          kind: 'success',
          data: { connectorGroup: { ...india, id: CREATED_GROUP_ID } },
          requestId: REQUEST_ID,
          clientRequestId: expect.any(String),
        });
      });
  });

  it('adds to an existing group by id: success with that group', async () => {
    await pact
      .addGraphQLInteraction()
      .given(HAS_CONNECTOR, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .given(HAS_GROUP, {
        applicationId: APPLICATION_ID,
        groupId: GROUP_ID,
        name: westEurope.name,
        region: 'eur',
      })
      .uponReceiving('a mutation adding a connector to an existing group by id')
      .withOperation(operation.name)
      .withVariables(addVariables(westEurope))
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            addConnectorMemberOf: {
              connectorGroup: groupBody(westEurope),
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input(westEurope));
        expect(result).toMatchObject({
          kind: 'success',
          data: { connectorGroup: westEurope },
          requestId: REQUEST_ID,
        });
      });
  });

  // The verified gateway runs UPSTREAM_API=seed (provider-under-test.ts), whose add body is the
  // whole group: an add by id alone is INVALID_INPUT there, a user error per missing field and no
  // upstream call. Under graph the same variables add (apps/gateway/src/graph-profile.test.ts).
  it('adds by id alone: under the seed profile, INVALID_INPUT on each group field it needs', async () => {
    const missing = ['connectorGroupType', 'isDefault', 'name', 'region'];
    await pact
      .addGraphQLInteraction()
      .uponReceiving('a mutation adding a connector to a group named by id alone')
      .withOperation(operation.name)
      .withVariables({
        input: {
          applicationId: uuid(APPLICATION_ID),
          connectorId: uuid(CONNECTOR_ID),
          connectorGroup: { id: uuid(GROUP_ID) },
        },
      })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            addConnectorMemberOf: {
              userErrors: missing.map((field) => ({
                code: 'INVALID_INPUT',
                message: like(`connectorGroup.${field} is required under UPSTREAM_API=seed`),
                field: ['input', 'connectorGroup', field],
              })),
              // Null: the upstream was never called.
              requestId: null,
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input({ id: GROUP_ID }));
        expect(result).toMatchObject({
          kind: 'userErrors',
          userErrors: missing.map((field) => ({
            code: 'INVALID_INPUT',
            field: ['input', 'connectorGroup', field],
          })),
          requestId: null,
        });
      });
  });

  it('reports ALREADY_MEMBER as a userError on input.connectorGroup', async () => {
    await pact
      .addGraphQLInteraction()
      .given(HAS_CONNECTOR, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .given(HAS_GROUP, {
        applicationId: APPLICATION_ID,
        groupId: GROUP_ID,
        name: westEurope.name,
        region: 'eur',
      })
      .given(IS_MEMBER, { connectorId: CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving('a mutation adding a connector to a group it is already a member of')
      .withOperation(operation.name)
      .withVariables(addVariables(westEurope))
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody(
          userErrorsBody('addConnectorMemberOf', {
            code: 'ALREADY_MEMBER',
            message: 'The connector is already a member of this connector group.',
            field: ['input', 'connectorGroup'],
          }),
        );
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input(westEurope));
        expect(result).toEqual({
          kind: 'userErrors',
          userErrors: [
            {
              code: 'ALREADY_MEMBER',
              message: 'The connector is already a member of this connector group.',
              field: ['input', 'connectorGroup'],
            },
          ],
          requestId: REQUEST_ID,
          clientRequestId: expect.any(String),
        });
      });
  });

  it('reports NOT_FOUND on input.connectorId for a connector the application does not have', async () => {
    const message = `Resource '${UNKNOWN_CONNECTOR_ID}' of type connector does not exist.`;
    await pact
      .addGraphQLInteraction()
      .given(HAS_NO_CONNECTOR, { applicationId: APPLICATION_ID, connectorId: UNKNOWN_CONNECTOR_ID })
      .uponReceiving('a mutation adding a connector the application does not have')
      .withOperation(operation.name)
      .withVariables(addVariables(westEurope, uuid(UNKNOWN_CONNECTOR_ID)))
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody(
          userErrorsBody('addConnectorMemberOf', {
            code: 'NOT_FOUND',
            message,
            field: ['input', 'connectorId'],
          }),
        );
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input(westEurope, UNKNOWN_CONNECTOR_ID));
        expect(result).toMatchObject({
          kind: 'userErrors',
          userErrors: [{ code: 'NOT_FOUND', message, field: ['input', 'connectorId'] }],
        });
      });
  });

  it('reports INVALID_INPUT the gateway caught itself: the field, and no upstream request-id', async () => {
    await pact
      .addGraphQLInteraction()
      .uponReceiving('a mutation naming a connector by an id that is not a GUID')
      .withOperation(operation.name)
      .withVariables(addVariables(westEurope, 'not-a-guid'))
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody(
          userErrorsBody(
            'addConnectorMemberOf',
            {
              code: 'INVALID_INPUT',
              message: 'connectorId must be a GUID (8-4-4-4-12 hex digits)',
              field: ['input', 'connectorId'],
            },
            // Null: the upstream was never called.
            null,
          ),
        );
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input(westEurope, 'not-a-guid'));
        expect(result).toMatchObject({
          kind: 'userErrors',
          userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'connectorId'] }],
          requestId: null,
        });
      });
  });

  it('reports UNAUTHENTICATED without a token', async () => {
    const message =
      'Send an `Authorization: Bearer <token>` header: this field calls the Graph API on your behalf.';
    await pact
      .addGraphQLInteraction()
      .uponReceiving('a mutation without an Authorization header')
      .withOperation(operation.name)
      .withVariables(addVariables(westEurope))
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders(false)))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody(errorBody({ code: 'UNAUTHENTICATED' }, message));
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input(westEurope), () => undefined);
        expect(result).toEqual({
          kind: 'error',
          code: 'UNAUTHENTICATED',
          message,
          clientRequestId: expect.any(String),
        });
      });
  });

  it('reports RATE_LIMITED with retryAfterSeconds past the retry budget', async () => {
    const message = 'The upstream is rate limiting requests (429): try again in 120 s.';
    await pact
      .addGraphQLInteraction()
      .given(THROTTLED, { retryAfterSeconds: 120 })
      .uponReceiving('a mutation while the upstream throttles for longer than the retry budget')
      .withOperation(operation.name)
      .withVariables(addVariables(westEurope))
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody(
          errorBody(
            {
              code: 'RATE_LIMITED',
              retryAfterSeconds: integer(120),
              requestId: like(REQUEST_ID),
              // The upstream answered the 429: the call was sent (docs/errors.md).
              sent: boolean(true),
            },
            message,
          ),
        );
      })
      .executeTest(async (server) => {
        const result = await add(server.url, input(westEurope));
        expect(result).toEqual({
          kind: 'error',
          code: 'RATE_LIMITED',
          message,
          retryAfterSeconds: 120,
          requestId: REQUEST_ID,
          sent: true,
          clientRequestId: expect.any(String),
        });
      });
  });
});

describe('GraphQL interactions: query ConnectorMemberOf', () => {
  const operation = connectorMemberOfOperation;

  it("lists the connector's groups: the application's Default group", async () => {
    const defaultGroup = {
      id: DEFAULT_GROUP_ID,
      connectorGroupType: 'APPLICATION_PROXY',
      isDefault: true,
      name: 'Default',
      region: 'NAM',
    } as const;
    await pact
      .addGraphQLInteraction()
      .given(HAS_CONNECTOR, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
      .uponReceiving("a query for a connector's groups")
      .withOperation(operation.name)
      .withVariables({ applicationId: uuid(APPLICATION_ID), connectorId: uuid(CONNECTOR_ID) })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withQuery(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            connectorMemberOf: {
              connectorGroups: eachLike(groupBody(defaultGroup)),
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await createGatewayClient({
          url: `${server.url}${GRAPHQL_PATH}`,
          getToken: async () => TOKEN,
        }).connectorMemberOf({ applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID });
        expect(result).toEqual({
          kind: 'success',
          data: { connectorGroups: [defaultGroup] },
          requestId: REQUEST_ID,
          clientRequestId: expect.any(String),
        });
      });
  });
});

describe('GraphQL interactions: query ConnectorGroups', () => {
  const operation = connectorGroupsOperation;

  function listGroups(url: string, name: string) {
    return createGatewayClient({
      url: `${url}${GRAPHQL_PATH}`,
      getToken: () => TOKEN,
    }).connectorGroups({ name });
  }

  it('lists the groups with exactly a name: each with its id, for a picker', async () => {
    const group = {
      id: GROUP_ID,
      connectorGroupType: 'APPLICATION_PROXY',
      isDefault: false,
      name: westEurope.name,
      region: 'EUR',
    } as const;
    await pact
      .addGraphQLInteraction()
      .given(GROUP_EXISTS, { groupId: GROUP_ID, name: group.name, region: 'eur' })
      .uponReceiving('a query for the connector groups with a name')
      .withOperation(operation.name)
      .withVariables({ name: like(group.name) })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withQuery(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            connectorGroups: {
              connectorGroups: eachLike(groupBody(group)),
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await listGroups(server.url, group.name);
        expect(result).toEqual({
          kind: 'success',
          data: { connectorGroups: [group] },
          requestId: REQUEST_ID,
          clientRequestId: expect.any(String),
        });
      });
  });

  it('reports INVALID_INPUT on ["name"] for a name breaking the rules: no upstream call', async () => {
    const message = 'name must not be empty or only spaces';
    await pact
      .addGraphQLInteraction()
      .uponReceiving('a query for the connector groups with a blank name')
      .withOperation(operation.name)
      .withVariables({ name: '   ' })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withQuery(operation.text)
      .willRespondWith(200, (builder) => {
        builder
          .headers(responseHeaders)
          .jsonBody(
            userErrorsBody(
              'connectorGroups',
              { code: 'INVALID_INPUT', message, field: ['name'] },
              null,
            ),
          );
      })
      .executeTest(async (server) => {
        const result = await listGroups(server.url, '   ');
        expect(result).toEqual({
          kind: 'userErrors',
          userErrors: [{ code: 'INVALID_INPUT', message, field: ['name'] }],
          requestId: null,
          clientRequestId: expect.any(String),
        });
      });
  });
});

describe('GraphQL interactions: the connector-group screen', () => {
  const client = (url: string) =>
    createGatewayClient({ url: `${url}${GRAPHQL_PATH}`, getToken: () => TOKEN });
  const connectorBody = (id: string) => ({
    id: uuid(id),
    machineName: like('connector-e98f0710'),
    externalIp: null,
    status: like('ACTIVE'),
    version: null,
  });

  it('lists a page of connectors, each with its group, and a cursor to page on', async () => {
    const operation = connectorsOperation;
    await pact
      .addGraphQLInteraction()
      .given(CONNECTOR_EXISTS, { connectorId: CONNECTOR_ID })
      .given(CONNECTOR_EXISTS, { connectorId: OTHER_CONNECTOR_ID })
      .uponReceiving('a query for the first page of connectors')
      .withOperation(operation.name)
      .withVariables({ first: integer(1) })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withQuery(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            connectors: {
              connectors: {
                edges: eachLike({
                  cursor: like(AFTER_FIRST_CONNECTOR),
                  node: {
                    ...connectorBody(CONNECTOR_ID),
                    connectorGroup: groupBody({ ...SEED_DEFAULT_GROUP }),
                  },
                }),
                pageInfo: { hasNextPage: true, endCursor: like(AFTER_FIRST_CONNECTOR) },
              },
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await client(server.url).connectors({ first: 1 });
        expect(result).toMatchObject({
          kind: 'success',
          data: {
            connectors: { pageInfo: { hasNextPage: true, endCursor: AFTER_FIRST_CONNECTOR } },
          },
        });
        if (result.kind !== 'success') return;
        expect(result.data.connectors.edges[0]?.node.connectorGroup).toEqual(SEED_DEFAULT_GROUP);
      });
  });

  it('pages on with the cursor it was given', async () => {
    const operation = connectorsOperation;
    await pact
      .addGraphQLInteraction()
      .given(CONNECTOR_EXISTS, { connectorId: CONNECTOR_ID })
      .given(CONNECTOR_EXISTS, { connectorId: OTHER_CONNECTOR_ID })
      .uponReceiving('a query for the connectors after the first')
      .withOperation(operation.name)
      .withVariables({ first: integer(1), after: AFTER_FIRST_CONNECTOR })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withQuery(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            connectors: {
              connectors: {
                edges: eachLike({
                  cursor: like(AFTER_FIRST_CONNECTOR),
                  node: {
                    ...connectorBody(OTHER_CONNECTOR_ID),
                    connectorGroup: groupBody({ ...SEED_DEFAULT_GROUP }),
                  },
                }),
                pageInfo: { hasNextPage: false, endCursor: like(AFTER_FIRST_CONNECTOR) },
              },
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await client(server.url).connectors({
          first: 1,
          after: AFTER_FIRST_CONNECTOR,
        });
        expect(result).toMatchObject({ kind: 'success' });
        if (result.kind !== 'success') return;
        expect(result.data.connectors.edges.map((edge) => edge.node.id)).toEqual([
          OTHER_CONNECTOR_ID,
        ]);
        expect(result.data.connectors.pageInfo.hasNextPage).toBe(false);
      });
  });

  it('reports INVALID_INPUT on ["after"] for a cursor it did not give out: no upstream call', async () => {
    const operation = connectorsOperation;
    const message =
      'after is not a cursor this list gave out (edited, or from another list or filter): pass an endCursor of the same field with the same arguments';
    await pact
      .addGraphQLInteraction()
      .uponReceiving('a query for connectors with an edited cursor')
      .withOperation(operation.name)
      .withVariables({ first: integer(1), after: 'edited-cursor' })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withQuery(operation.text)
      .willRespondWith(200, (builder) => {
        builder
          .headers(responseHeaders)
          .jsonBody(
            userErrorsBody(
              'connectors',
              { code: 'INVALID_INPUT', message, field: ['after'] },
              null,
            ),
          );
      })
      .executeTest(async (server) => {
        const result = await client(server.url).connectors({ first: 1, after: 'edited-cursor' });
        expect(result).toMatchObject({
          kind: 'userErrors',
          userErrors: [{ code: 'INVALID_INPUT', field: ['after'] }],
        });
      });
  });

  it('reads a group with a page of its members', async () => {
    const operation = connectorGroupOperation;
    await pact
      .addGraphQLInteraction()
      .given(GROUP_EXISTS, { groupId: GROUP_ID, name: westEurope.name, region: 'eur' })
      .given(IS_MEMBER, { connectorId: CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving('a query for a connector group with its members')
      .withOperation(operation.name)
      .withVariables({ id: uuid(GROUP_ID), first: integer(10) })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withQuery(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            connectorGroup: {
              connectorGroup: {
                ...groupBody(westEurope),
                members: {
                  edges: eachLike({
                    cursor: like(AFTER_FIRST_CONNECTOR),
                    node: connectorBody(CONNECTOR_ID),
                  }),
                  pageInfo: { hasNextPage: false, endCursor: like(AFTER_FIRST_CONNECTOR) },
                },
              },
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await client(server.url).connectorGroup({ id: GROUP_ID, first: 10 });
        expect(result).toMatchObject({
          kind: 'success',
          data: {
            connectorGroup: { ...westEurope, members: { pageInfo: { hasNextPage: false } } },
          },
        });
        if (result.kind !== 'success') return;
        expect(result.data.connectorGroup.members?.edges.map((edge) => edge.node.id)).toEqual([
          CONNECTOR_ID,
        ]);
      });
  });

  it('creates a group: the group as created, with its new id', async () => {
    const operation = createConnectorGroupOperation;
    await pact
      .addGraphQLInteraction()
      .uponReceiving('a mutation creating a connector group')
      .withOperation(operation.name)
      .withVariables({ input: { name: like(india.name), region: like(india.region) } })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            createConnectorGroup: {
              connectorGroup: groupBody({ ...india, id: CREATED_GROUP_ID }),
              userErrors: [],
              requestId: like(REQUEST_ID),
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await client(server.url).createConnectorGroup({
          input: { name: india.name, region: india.region },
        });
        expect(result).toMatchObject({
          kind: 'success',
          data: { connectorGroup: { ...india, id: CREATED_GROUP_ID } },
        });
      });
  });

  it('reports a duplicate name as INVALID_INPUT on ["input","name"]', async () => {
    const operation = createConnectorGroupOperation;
    await pact
      .addGraphQLInteraction()
      .given(GROUP_EXISTS, { groupId: GROUP_ID, name: westEurope.name, region: 'eur' })
      .uponReceiving('a mutation creating a connector group with a name another group has')
      .withOperation(operation.name)
      .withVariables({ input: { name: like(westEurope.name), region: like('EUR') } })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody(
          userErrorsBody('createConnectorGroup', {
            code: 'INVALID_INPUT',
            message: 'Another object with the same value for property name already exists.',
            field: ['input', 'name'],
          }),
        );
      })
      .executeTest(async (server) => {
        const result = await client(server.url).createConnectorGroup({
          input: { name: westEurope.name, region: 'EUR' },
        });
        expect(result).toMatchObject({
          kind: 'userErrors',
          userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'name'] }],
        });
      });
  });
});

describe('GraphQL interactions: mutation MoveConnectors', () => {
  const operation = moveConnectorsOperation;
  const client = (url: string) =>
    createGatewayClient({ url: `${url}${GRAPHQL_PATH}`, getToken: () => TOKEN });
  const WRITES_THROTTLED = 'every {n}th write is throttled for {retryAfterSeconds} seconds';
  const moveVariables = {
    input: {
      connectorIds: [uuid(CONNECTOR_ID), uuid(OTHER_CONNECTOR_ID)],
      connectorGroupId: uuid(GROUP_ID),
    },
  };
  const moveInput = {
    input: { connectorIds: [CONNECTOR_ID, OTHER_CONNECTOR_ID], connectorGroupId: GROUP_ID },
  };

  it('moves two connectors: one MOVED, one ALREADY_MEMBER, a result each in the order asked', async () => {
    await pact
      .addGraphQLInteraction()
      .given(CONNECTOR_EXISTS, { connectorId: CONNECTOR_ID })
      .given(CONNECTOR_EXISTS, { connectorId: OTHER_CONNECTOR_ID })
      .given(GROUP_EXISTS, { groupId: GROUP_ID, name: westEurope.name, region: 'eur' })
      .given(IS_MEMBER, { connectorId: OTHER_CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving('a mutation moving two connectors, one already in the group')
      .withOperation(operation.name)
      .withVariables(moveVariables)
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            moveConnectors: {
              results: [
                {
                  connectorId: uuid(CONNECTOR_ID),
                  outcome: 'MOVED',
                  error: null,
                  requestId: like(REQUEST_ID),
                },
                {
                  connectorId: uuid(OTHER_CONNECTOR_ID),
                  outcome: 'ALREADY_MEMBER',
                  error: null,
                  requestId: like(REQUEST_ID),
                },
              ],
              userErrors: [],
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await client(server.url).moveConnectors(moveInput);
        expect(result).toMatchObject({
          kind: 'success',
          data: {
            results: [
              { connectorId: CONNECTOR_ID, outcome: 'MOVED', error: null },
              { connectorId: OTHER_CONNECTOR_ID, outcome: 'ALREADY_MEMBER', error: null },
            ],
          },
        });
      });
  });

  it('reports a step throttled past the retry budget as FAILED RATE_LIMITED, sent, with retryAfterSeconds', async () => {
    await pact
      .addGraphQLInteraction()
      .given(CONNECTOR_EXISTS, { connectorId: CONNECTOR_ID })
      .given(CONNECTOR_EXISTS, { connectorId: OTHER_CONNECTOR_ID })
      .given(GROUP_EXISTS, { groupId: GROUP_ID, name: westEurope.name, region: 'eur' })
      .given(WRITES_THROTTLED, { n: 2, retryAfterSeconds: 120 })
      .uponReceiving('a mutation moving two connectors while every second write is throttled')
      .withOperation(operation.name)
      .withVariables(moveVariables)
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            moveConnectors: {
              results: [
                {
                  connectorId: uuid(CONNECTOR_ID),
                  outcome: 'MOVED',
                  error: null,
                  requestId: like(REQUEST_ID),
                },
                {
                  connectorId: uuid(OTHER_CONNECTOR_ID),
                  outcome: 'FAILED',
                  error: {
                    code: 'RATE_LIMITED',
                    message: like(
                      'The upstream is rate limiting requests (429): try again in 120 s.',
                    ),
                    retryAfterSeconds: integer(120),
                    sent: true,
                  },
                  requestId: like(REQUEST_ID),
                },
              ],
              userErrors: [],
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await client(server.url).moveConnectors(moveInput);
        expect(result).toMatchObject({
          kind: 'success',
          data: {
            results: [
              { outcome: 'MOVED' },
              {
                outcome: 'FAILED',
                error: { code: 'RATE_LIMITED', retryAfterSeconds: 120, sent: true },
              },
            ],
          },
        });
      });
  });

  it('reports a repeated connector as INVALID_INPUT at its index: no result, no upstream call', async () => {
    await pact
      .addGraphQLInteraction()
      .uponReceiving('a mutation moving the same connector twice')
      .withOperation(operation.name)
      .withVariables({
        input: {
          connectorIds: [uuid(CONNECTOR_ID), uuid(CONNECTOR_ID)],
          connectorGroupId: uuid(GROUP_ID),
        },
      })
      .withRequest('POST', GRAPHQL_PATH, (builder) => builder.headers(requestHeaders()))
      .withMutation(operation.text)
      .willRespondWith(200, (builder) => {
        builder.headers(responseHeaders).jsonBody({
          data: {
            moveConnectors: {
              results: [],
              userErrors: [
                {
                  code: 'INVALID_INPUT',
                  message: like(
                    `connectorIds.1 repeats ${CONNECTOR_ID}, already at index 0: name each connector once`,
                  ),
                  field: ['input', 'connectorIds', '1'],
                },
              ],
            },
          },
        });
      })
      .executeTest(async (server) => {
        const result = await client(server.url).moveConnectors({
          input: { connectorIds: [CONNECTOR_ID, CONNECTOR_ID], connectorGroupId: GROUP_ID },
        });
        expect(result).toMatchObject({
          kind: 'userErrors',
          userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'connectorIds', '1'] }],
          requestId: null,
        });
      });
  });
});

describe('the pact file', () => {
  it('sends only the client’s own document texts', () => {
    const written = JSON.parse(readFileSync(GRAPHQL_PACT.generated, 'utf8')) as {
      interactions: { request: { body: { content: { query: string } } } }[];
    };
    const documents = new Set(Object.values(PERSISTED_DOCUMENTS));
    for (const interaction of written.interactions) {
      expect(documents).toContain(interaction.request.body.content.query);
    }
  });

  it('equals the committed pacts/connector-admin-web-connector-gateway.json (accept: pnpm pact:accept)', () => {
    expect(
      existsSync(GRAPHQL_PACT.committed),
      'no committed pact yet: review build/pacts, then run pnpm pact:accept',
    ).toBe(true);
    const { generated, committed } = readPactPair(GRAPHQL_PACT);
    expect(
      generated,
      'the contract changed: review this diff, then run pnpm pact:accept and commit pacts/',
    ).toBe(committed);
  });
});
