import { REST_TO_GRAPHQL_REGION, REST_TO_GRAPHQL_TYPE } from '@connectors/domain';
import { GraphQLError } from 'graphql';
import { toRestCall } from './rest-call.ts';
import type { AddConnectorMemberOfPayload } from './schema.generated.ts';
import type { UpstreamHop } from './upstream-hop.ts';

const BEARER = /^Bearer \S+$/;

/**
 * The resolver shared by every bench target (the bare floor calls it without GraphQL): validate
 * the input with the domain, send the one REST call through `hop`, answer the payload.
 *
 * Only success is modelled in full: the bench checks each target answers success before loading
 * it. Any other upstream status becomes an `INVALID_INPUT` userError naming the status, enough
 * for the success check to fail loudly; the gateway owns the real error table.
 * @throws {GraphQLError} `UNAUTHENTICATED` without a bearer token (no upstream call).
 */
export async function addConnectorMemberOf(
  hop: UpstreamHop,
  input: unknown,
  authorization: string | null | undefined,
): Promise<AddConnectorMemberOfPayload> {
  if (authorization == null || !BEARER.test(authorization)) {
    throw new GraphQLError('A bearer token is required.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const call = toRestCall(input);
  if (!call.ok) {
    return {
      connectorGroup: null,
      userErrors: call.issues.map((issue) => ({
        code: 'INVALID_INPUT',
        message: issue.message,
        field: ['input', ...issue.field],
      })),
      requestId: null,
    };
  }
  const answer = await hop.send(call.value, authorization);
  if (answer.status < 200 || answer.status > 299) {
    return {
      connectorGroup: null,
      userErrors: [
        { code: 'INVALID_INPUT', message: `upstream answered ${answer.status}`, field: null },
      ],
      requestId: answer.requestId,
    };
  }
  const group = call.value.request.connectorGroup;
  return {
    connectorGroup: {
      id: group.id ?? null,
      connectorGroupType: REST_TO_GRAPHQL_TYPE[group.connectorGroupType],
      isDefault: group.isDefault,
      name: group.name,
      region: REST_TO_GRAPHQL_REGION[group.region],
      // The gateway reads members only under Query.connectorGroup; a payload's group has none.
      members: null,
    },
    userErrors: [],
    requestId: answer.requestId,
  };
}
