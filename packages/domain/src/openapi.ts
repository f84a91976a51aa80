import { z } from 'zod';
import { CONNECTOR_STATUSES_READ, Connector } from './connector.ts';
import {
  CONNECTOR_GROUP_REGIONS,
  CONNECTOR_GROUP_TYPES,
  ConnectorGroup,
  ConnectorGroupRestBody,
  UNKNOWN_FUTURE_VALUE,
} from './connector-group.ts';
import { CreateConnectorGroupRequest } from './connector-group-list.ts';
import { ConnectorGroupReference } from './connector-group-reference.ts';
import { GraphErrorEnvelope } from './graph-error.ts';
import { DirectoryObjectId, GUID_PATTERN_SOURCE } from './ids.ts';
import { BATCH_PATH, BatchRequest, BatchResponse } from './json-batch.ts';
import { FILTER_QUERY_KEY } from './odata-filter.ts';
import { batchPathItem } from './openapi-batch.ts';
import { MAX_SKIPTOKEN_LENGTH, SKIPTOKEN_QUERY_KEY, TOP_QUERY_KEY } from './paging.ts';

type JsonSchema = Record<string, unknown>;

// `io: 'input'` describes what goes over the wire: no transforms, and no
// `additionalProperties: false`, since Graph may add properties at any time.
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    override: (ctx) => {
      // A Graph id is any 8-4-4-4-12 hex GUID; `format: uuid` would suggest RFC 4122 to readers.
      if (ctx.jsonSchema.format === 'uuid') delete ctx.jsonSchema.format;
    },
  }) as JsonSchema;
  return rest;
}

// The response documents the values a server sends; the tolerant reader (ConnectorGroup) is a
// client-side concern and reads every other string as unknownFutureValue.
const ConnectorGroupResponse = ConnectorGroup.extend({
  connectorGroupType: z.enum([...CONNECTOR_GROUP_TYPES, UNKNOWN_FUTURE_VALUE]),
  region: z.enum(CONNECTOR_GROUP_REGIONS),
});

// A listed group always carries its id: the list is where a caller finds the id to reference.
const ListedConnectorGroupResponse = ConnectorGroupResponse.extend({ id: DirectoryObjectId });

const GUID_PATTERN = `^${GUID_PATTERN_SOURCE}$`;

// A connector as a server sends it, its group expanded when asked (`$expand=memberOf`).
const ConnectorResponse = Connector.extend({
  status: z.enum(CONNECTOR_STATUSES_READ),
  memberOf: z.array(ListedConnectorGroupResponse).optional(),
});

// The connector filter the client sends: `status eq '<status>'`.
const STATUS_EQUALS_PATTERN = "^status eq '(?:[^']|'')*'$";

const pagingParameters = [
  {
    name: TOP_QUERY_KEY,
    in: 'query',
    required: false,
    description: 'At most this many items in the page (the service caps it at its maximum)',
    schema: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' },
  },
  {
    name: SKIPTOKEN_QUERY_KEY,
    in: 'query',
    required: false,
    description:
      "The page to read: the $skiptoken of the previous page's @odata.nextLink, opaque, printable ASCII",
    schema: { type: 'string', minLength: 1, maxLength: MAX_SKIPTOKEN_LENGTH },
  },
];

const connectorListParameters = [
  {
    name: FILTER_QUERY_KEY,
    in: 'query',
    required: false,
    description: "Only `status eq '<status>'`; percent-encoded as one query component",
    schema: { type: 'string', pattern: STATUS_EQUALS_PATTERN },
  },
  {
    name: '$expand',
    in: 'query',
    required: false,
    description: 'memberOf: each connector with its one connector group, in the same answer',
    schema: { type: 'string', enum: ['memberOf'] },
  },
  ...pagingParameters,
];

// The one filter the client sends, as the decoded query value: `name eq '<OData literal>'`.
const NAME_EQUALS_PATTERN = "^name eq '(?:[^']|'')*'$";

// Graph documents the connector-group operations on beta only; fake-graph serves them under both
// versions, and the seed profile reads the list under v1.0.
const DOCUMENTED_SERVERS = [
  { url: 'https://graph.microsoft.com/beta' },
  { url: 'http://localhost:4010/beta', description: 'fake-graph' },
  {
    url: 'http://localhost:4010/v1.0',
    description: 'fake-graph (also under v1.0, which Microsoft Graph does not offer)',
  },
];

function collectionOf(item: string): JsonSchema {
  return {
    type: 'object',
    properties: {
      '@odata.context': { type: 'string' },
      value: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
    },
    required: ['value'],
  };
}

function pageOf(item: string): JsonSchema {
  const collection = collectionOf(item);
  return {
    ...collection,
    properties: {
      ...(collection.properties as JsonSchema),
      '@odata.nextLink': {
        type: 'string',
        description: 'The next page; a client takes only its $skiptoken',
      },
    },
  };
}

function listResponse(description: string, collection: string) {
  return {
    description,
    headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${collection}` } } },
  };
}

function idParameter(name: string, description: string) {
  return {
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', pattern: GUID_PATTERN },
  };
}

function errorResponse(description: string, extraHeaders: JsonSchema = {}) {
  return {
    description,
    headers: { 'request-id': { $ref: '#/components/headers/RequestId' }, ...extraHeaders },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/GraphError' } } },
  };
}

const readErrors = {
  '401': errorResponse('No or invalid bearer token'),
  '403': errorResponse('The token lacks the permission'),
  '429': errorResponse('Throttled', {
    'Retry-After': {
      description: 'Seconds to wait, or an HTTP date',
      schema: { type: 'string' },
    },
  }),
  '503': errorResponse('Service unavailable; retry on a new connection'),
};

const commonErrors = {
  '400': errorResponse(
    'Invalid body, or the membership already exists (message starts "One or more added object references already exist")',
  ),
  '401': errorResponse('No or invalid bearer token'),
  '403': errorResponse('The token lacks the permission'),
  '404': errorResponse('Unknown application, connector or group'),
  '429': errorResponse('Throttled', {
    'Retry-After': {
      description: 'Seconds to wait, or an HTTP date',
      schema: { type: 'string' },
    },
  }),
  '503': errorResponse('Service unavailable; retry on a new connection'),
};

/**
 * The OpenAPI 3.1 description of the REST operations this project calls, generated from the
 * zod schemas so that it cannot drift from them. Written to `openapi.json` by
 * `pnpm --filter @connectors/domain openapi`.
 */
export function buildOpenApiDocument(): JsonSchema {
  const connectorParameter = idParameter('connectorId', 'The connector (a GUID)');
  const pathParameters = [
    idParameter('applicationId', 'The application (a GUID)'),
    connectorParameter,
  ];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Graph connectorGroup membership (the REST contract of connector-gateway)',
      version: '1.1.0',
      description:
        "The REST operations connector-gateway calls, in its two upstream profiles: `seed` (the application-scoped path of the source document, the default; docs/rest-upstream.md in the repository) and `graph` (Microsoft Graph's documented beta operations under /onPremisesPublishingProfiles/applicationProxy; docs/rest-upstream.md, the graph profile). The documented paths carry their own servers.",
    },
    servers: [
      { url: 'https://graph.microsoft.com/v1.0' },
      { url: 'http://localhost:4010/v1.0', description: 'fake-graph' },
    ],
    security: [{ bearer: [] }],
    paths: {
      '/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf/$ref': {
        post: {
          operationId: 'addConnectorMemberOf',
          summary: 'Add a connector to a connector group',
          parameters: [
            ...pathParameters,
            { $ref: '#/components/parameters/ClientRequestId' },
            { $ref: '#/components/parameters/ContentType' },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/ConnectorGroupBody' },
                    { $ref: '#/components/schemas/ODataReference' },
                  ],
                },
              },
            },
          },
          responses: {
            '204': {
              description: 'Added',
              headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
            },
            '200': {
              description: 'Added; the group (with its id) in the body',
              headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ConnectorGroup' } },
              },
            },
            '201': {
              description: 'Added and created; the new group (with its id) in the body',
              headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/ConnectorGroup' } },
              },
            },
            ...commonErrors,
          },
        },
      },
      '/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf': {
        get: {
          operationId: 'listConnectorMemberOf',
          summary: "List a connector's groups",
          parameters: [...pathParameters, { $ref: '#/components/parameters/ClientRequestId' }],
          responses: {
            '200': {
              description: 'The groups, as an OData collection',
              headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/ConnectorGroupCollection' },
                },
              },
            },
            ...readErrors,
            '404': commonErrors['404'],
          },
        },
      },
      '/onPremisesPublishingProfiles/applicationProxy/connectors/{connectorId}/memberOf/$ref': {
        servers: DOCUMENTED_SERVERS,
        post: {
          operationId: 'addConnectorMemberOfByReference',
          summary: 'Add a connector to an existing connector group, by reference (Graph beta)',
          description:
            'Graph moves the connector: a connector is in exactly one connector group. Adding it to the group it is in is the duplicate answer.',
          parameters: [
            connectorParameter,
            { $ref: '#/components/parameters/ClientRequestId' },
            { $ref: '#/components/parameters/ContentType' },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/ODataReference' } },
            },
          },
          responses: {
            '204': {
              description: 'Added',
              headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
            },
            ...commonErrors,
            '400': errorResponse(
              'An @odata.id that names no connector group of this service, or the connector is already in that group (message starts "One or more added object references already exist")',
            ),
            '404': errorResponse('Unknown connector or group'),
          },
        },
      },
      '/onPremisesPublishingProfiles/applicationProxy/connectors/{connectorId}/memberOf': {
        servers: DOCUMENTED_SERVERS,
        get: {
          operationId: 'listConnectorMemberOfDocumented',
          summary: "List a connector's connector group (Graph beta)",
          parameters: [connectorParameter, { $ref: '#/components/parameters/ClientRequestId' }],
          responses: {
            '200': listResponse('The group, as an OData collection', 'ConnectorGroupCollection'),
            ...readErrors,
            '404': errorResponse('Unknown connector'),
          },
        },
      },
      [BATCH_PATH]: batchPathItem(errorResponse, readErrors),
      '/onPremisesPublishingProfiles/applicationProxy/connectorGroups': {
        servers: DOCUMENTED_SERVERS,
        get: {
          operationId: 'listConnectorGroups',
          summary: "List the tenant's connector groups, optionally by exact name (Graph beta)",
          parameters: [
            {
              name: FILTER_QUERY_KEY,
              in: 'query',
              required: false,
              description:
                "Only `name eq '<name>'`, the name an OData string literal (each ' doubled); percent-encoded as one query component",
              schema: { type: 'string', pattern: NAME_EQUALS_PATTERN },
            },
            ...pagingParameters,
            { $ref: '#/components/parameters/ClientRequestId' },
          ],
          responses: {
            '200': listResponse(
              'A page of groups, as an OData collection (@odata.nextLink when more follow)',
              'ConnectorGroupList',
            ),
            '400': errorResponse('A $filter the service does not support, or a bad $skiptoken'),
            ...readErrors,
          },
        },
        post: {
          operationId: 'createConnectorGroup',
          summary: 'Create a connector group (Graph beta)',
          parameters: [
            { $ref: '#/components/parameters/ClientRequestId' },
            { $ref: '#/components/parameters/ContentType' },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/CreateConnectorGroupBody' },
              },
            },
          },
          responses: {
            '201': {
              description: 'Created; the new group, with its id',
              headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/ListedConnectorGroup' },
                },
              },
            },
            '400': errorResponse('An invalid body, or a group of that name exists already'),
            ...readErrors,
          },
        },
      },
      '/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{groupId}': {
        servers: DOCUMENTED_SERVERS,
        get: {
          operationId: 'getConnectorGroup',
          summary: 'Read one connector group (Graph beta)',
          parameters: [
            idParameter('groupId', 'The connector group (a GUID)'),
            { $ref: '#/components/parameters/ClientRequestId' },
          ],
          responses: {
            '200': listResponse('The group', 'ListedConnectorGroup'),
            ...readErrors,
            '404': errorResponse('Unknown group'),
          },
        },
      },
      '/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{groupId}/members': {
        servers: DOCUMENTED_SERVERS,
        get: {
          operationId: 'listConnectorGroupMembers',
          summary: "A page of a connector group's connectors (Graph beta)",
          parameters: [
            idParameter('groupId', 'The connector group (a GUID)'),
            ...connectorListParameters,
            { $ref: '#/components/parameters/ClientRequestId' },
          ],
          responses: {
            '200': listResponse(
              'A page of connectors (@odata.nextLink when more follow)',
              'ConnectorPage',
            ),
            '400': errorResponse(
              'A query option the service does not support, or a bad $skiptoken',
            ),
            ...readErrors,
            '404': errorResponse('Unknown group'),
          },
        },
      },
      '/onPremisesPublishingProfiles/applicationProxy/connectors': {
        servers: DOCUMENTED_SERVERS,
        get: {
          operationId: 'listConnectors',
          summary: "A page of the tenant's connectors (Graph beta)",
          parameters: [
            ...connectorListParameters,
            { $ref: '#/components/parameters/ClientRequestId' },
          ],
          responses: {
            '200': listResponse(
              'A page of connectors (@odata.nextLink when more follow)',
              'ConnectorPage',
            ),
            '400': errorResponse(
              'A query option the service does not support, or a bad $skiptoken',
            ),
            ...readErrors,
          },
        },
      },
      '/onPremisesPublishingProfiles/applicationProxy/connectors/{connectorId}': {
        servers: DOCUMENTED_SERVERS,
        get: {
          operationId: 'getConnector',
          summary: 'Read one connector (Graph beta)',
          parameters: [connectorParameter, { $ref: '#/components/parameters/ClientRequestId' }],
          responses: {
            '200': listResponse('The connector', 'Connector'),
            ...readErrors,
            '404': errorResponse('Unknown connector'),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: {
        ClientRequestId: {
          name: 'client-request-id',
          in: 'header',
          required: false,
          description: 'A GUID correlating the call; echoed in errors',
          schema: { type: 'string', pattern: GUID_PATTERN },
        },
        ContentType: {
          name: 'Content-Type',
          in: 'header',
          required: true,
          schema: { type: 'string', enum: ['application/json'] },
        },
      },
      headers: {
        RequestId: { description: "Graph's id for this request", schema: { type: 'string' } },
      },
      schemas: {
        ConnectorGroupBody: jsonSchema(ConnectorGroupRestBody),
        ODataReference: jsonSchema(ConnectorGroupReference),
        ConnectorGroup: jsonSchema(ConnectorGroupResponse),
        ConnectorGroupCollection: collectionOf('ConnectorGroup'),
        ListedConnectorGroup: jsonSchema(ListedConnectorGroupResponse),
        ConnectorGroupList: pageOf('ListedConnectorGroup'),
        CreateConnectorGroupBody: jsonSchema(CreateConnectorGroupRequest),
        Connector: jsonSchema(ConnectorResponse),
        ConnectorPage: pageOf('Connector'),
        GraphError: jsonSchema(GraphErrorEnvelope),
        BatchRequest: jsonSchema(BatchRequest),
        BatchResponse: jsonSchema(BatchResponse),
      },
    },
  };
}

/** The document as committed: stable key order, two-space indent, trailing newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
