import { type ConnectorGroup, DirectoryObjectId, validate } from '@connectors/domain';
import { type GraphQLFieldConfig, GraphQLID, GraphQLList, GraphQLNonNull } from 'graphql';
import { z } from 'zod';
import type { GatewayContext } from '../context.ts';
import { withNotFoundField } from '../errors/not-found-field.ts';
import { requireApplicationIdUnderSeed } from './application-id.ts';
import { ConnectorGroupObject } from './connector-group.ts';
import { resolveUpstreamField, type UpstreamPayload } from './upstream-field.ts';
import { upstreamPayloadObject } from './upstream-payload.ts';

// The list call's arguments, built from the domain's id schema rather than written again.
const ConnectorMemberOfArgs = z.object({
  applicationId: DirectoryObjectId.optional(),
  connectorId: DirectoryObjectId,
});

const ConnectorMemberOfPayload = upstreamPayloadObject({
  name: 'ConnectorMemberOfPayload',
  description: 'The connector groups a connector belongs to, or the user errors that stopped it.',
  result: {
    name: 'connectorGroups',
    field: {
      type: new GraphQLList(new GraphQLNonNull(ConnectorGroupObject)),
      description: 'The groups the connector is a member of; null when userErrors is not empty.',
    },
  },
});

/** The arguments as graphql-js hands them over, before the domain parses them. */
type ConnectorMemberOfArgsValue = { applicationId?: string | null; connectorId: string };

/** What the resolver returns; the groups are the domain's (REST enum values). */
export type ConnectorMemberOfPayloadValue = UpstreamPayload<'connectorGroups', ConnectorGroup[]>;

const NO_PREFIX = [] as const;

/**
 * `Query.connectorMemberOf`: reads a connector's groups back (REST: GET .../memberOf), so a
 * caller can check what an ambiguous mutation (UPSTREAM_TIMEOUT) did before retrying it.
 */
export const connectorMemberOfField: GraphQLFieldConfig<
  unknown,
  GatewayContext,
  ConnectorMemberOfArgsValue
> = {
  type: new GraphQLNonNull(ConnectorMemberOfPayload),
  description:
    'Lists the connector groups a connector belongs to (REST: GET .../{connectorId}/memberOf). Needs `Authorization: Bearer <token>`.',
  args: {
    applicationId: {
      type: GraphQLID,
      description:
        'The object id (a GUID) of the application: required under UPSTREAM_API=seed (missing is INVALID_INPUT), unused and optional under UPSTREAM_API=graph.',
    },
    connectorId: {
      type: new GraphQLNonNull(GraphQLID),
      description: 'The object id (a GUID) of the connector.',
    },
  },
  resolve: async (_root, args, context): Promise<ConnectorMemberOfPayloadValue> => {
    const { success, userErrors, requestId } = await resolveUpstreamField(context, {
      operation: 'connectorMemberOf',
      validate: () => {
        const { applicationId, connectorId } = args;
        const checked = validate(ConnectorMemberOfArgs, {
          connectorId,
          ...(applicationId == null ? {} : { applicationId }),
        });
        return requireApplicationIdUnderSeed(context.client.api, applicationId, checked);
      },
      issuePrefix: NO_PREFIX,
      call: async (request, upstream) =>
        withNotFoundField(await context.client.listConnectorMemberOf({ ...request, ...upstream }), [
          [['applicationId'], request.applicationId],
          [['connectorId'], request.connectorId],
        ]),
      groupField: null,
    });
    return { connectorGroups: success?.connectorGroups ?? null, userErrors, requestId };
  },
};
