import { MAX_BATCH_STEPS } from './json-batch.ts';

type JsonSchema = Record<string, unknown>;

// Graph batches under both versions; the connector-group steps exist on beta only.
const BATCH_SERVERS = [
  { url: 'https://graph.microsoft.com/beta' },
  { url: 'https://graph.microsoft.com/v1.0' },
  { url: 'http://localhost:4010/beta', description: 'fake-graph' },
  { url: 'http://localhost:4010/v1.0', description: 'fake-graph' },
];

/**
 * The OpenAPI path item of `POST /$batch` (JSON batching), kept beside the main document so each
 * file stays one concern. `errorResponse` and `readErrors` are the main document's, so every
 * error answer is described once.
 */
export function batchPathItem(
  errorResponse: (description: string) => JsonSchema,
  readErrors: Record<string, JsonSchema>,
): JsonSchema {
  return {
    servers: BATCH_SERVERS,
    post: {
      operationId: 'batch',
      summary: `JSON batching: up to ${MAX_BATCH_STEPS} requests in one call, each answered on its own`,
      description:
        'Each step is answered with its own status, headers and body, in any order: a step may be throttled (429 with its own Retry-After header) while the others succeed; a step whose dependsOn names a failed step is answered 424. The batch itself is 200 whenever it could be read. connector-gateway sends only independent steps (no dependsOn): the documented reference POST of one connector each.',
      parameters: [
        { $ref: '#/components/parameters/ClientRequestId' },
        { $ref: '#/components/parameters/ContentType' },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { $ref: '#/components/schemas/BatchRequest' } },
        },
      },
      responses: {
        '200': {
          description: 'Every step answered (each with its own status)',
          headers: { 'request-id': { $ref: '#/components/headers/RequestId' } },
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/BatchResponse' } },
          },
        },
        '400': errorResponse(
          `A batch that cannot be read: not JSON, no requests, more than ${MAX_BATCH_STEPS}, a repeated id, a dependsOn naming no request, an absolute url`,
        ),
        ...readErrors,
      },
    },
  };
}
