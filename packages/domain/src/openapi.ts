import { z } from 'zod';
import {
  CONNECTOR_GROUP_REGIONS,
  CONNECTOR_GROUP_TYPES,
  ConnectorGroupRestBody,
  UNKNOWN_FUTURE_VALUE,
} from './connector-group.ts';
import { GraphErrorEnvelope } from './graph-error.ts';
import { DirectoryObjectId } from './ids.ts';

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
const ConnectorGroupResponse = z.object({
  id: DirectoryObjectId.optional(),
  connectorGroupType: z.enum([...CONNECTOR_GROUP_TYPES, UNKNOWN_FUTURE_VALUE]),
  isDefault: z.boolean(),
  name: z.string(),
  region: z.enum(CONNECTOR_GROUP_REGIONS),
});

const ODataReference = z.object({
  '@odata.id': z.string().describe('URL of the connector group, ending in /connectorGroups/{id}'),
});

const GUID_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

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
  const pathParameters = [
    idParameter('applicationId', 'The application (a GUID)'),
    idParameter('connectorId', 'The connector (a GUID)'),
  ];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Graph connectorGroup membership (the REST contract of connector-gateway)',
      version: '1.0.0',
      description:
        "The subset of Microsoft Graph's Application Proxy API that connector-gateway calls. See shared/API.md section 1.",
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
            '401': commonErrors['401'],
            '403': commonErrors['403'],
            '404': commonErrors['404'],
            '429': commonErrors['429'],
            '503': commonErrors['503'],
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
        ODataReference: jsonSchema(ODataReference),
        ConnectorGroup: jsonSchema(ConnectorGroupResponse),
        ConnectorGroupCollection: {
          type: 'object',
          properties: {
            '@odata.context': { type: 'string' },
            value: { type: 'array', items: { $ref: '#/components/schemas/ConnectorGroup' } },
          },
          required: ['value'],
        },
        GraphError: jsonSchema(GraphErrorEnvelope),
      },
    },
  };
}

/** The document as committed: stable key order, two-space indent, trailing newline. */
export function renderOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
