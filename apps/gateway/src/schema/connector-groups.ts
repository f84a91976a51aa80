import { type ConnectorGroup, ConnectorGroupsQuery, validate } from '@connectors/domain';
import { type GraphQLFieldConfig, GraphQLList, GraphQLNonNull, GraphQLString } from 'graphql';
import type { z } from 'zod';
import type { GatewayContext } from '../context.ts';
import { ConnectorGroupObject } from './connector-group.ts';
import { resolveUpstreamField, type UpstreamPayload } from './upstream-field.ts';
import { upstreamPayloadObject } from './upstream-payload.ts';

const ConnectorGroupsPayload = upstreamPayloadObject({
  name: 'ConnectorGroupsPayload',
  description: "The tenant's connector groups, or the user errors that stopped the list.",
  result: {
    name: 'connectorGroups',
    field: {
      type: new GraphQLList(new GraphQLNonNull(ConnectorGroupObject)),
      description:
        "The groups, each with its id, in the upstream's order; null when userErrors is not empty.",
    },
  },
});

/** The arguments as graphql-js hands them over: the domain's query, or GraphQL's explicit null. */
type ConnectorGroupsArgsValue = {
  [K in keyof z.input<typeof ConnectorGroupsQuery>]?: string | null;
};

/** What the resolver returns; the groups are the domain's (REST enum values). */
export type ConnectorGroupsPayloadValue = UpstreamPayload<'connectorGroups', ConnectorGroup[]>;

const NO_PREFIX = [] as const;

/**
 * `Query.connectorGroups`: the tenant's connector groups, all or those named exactly `name`, so
 * a frontend can offer a picker (and find the id Graph's documented add needs). The same REST
 * call under both upstream profiles (docs/rest-upstream.md): Graph's documented list.
 */
export const connectorGroupsField: GraphQLFieldConfig<
  unknown,
  GatewayContext,
  ConnectorGroupsArgsValue
> = {
  type: new GraphQLNonNull(ConnectorGroupsPayload),
  description:
    "Lists the tenant's connector groups, or those named exactly `name` (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups). Needs `Authorization: Bearer <token>`.",
  args: {
    name: {
      type: GraphQLString,
      description:
        'Only the groups with exactly this name (compared case-sensitively, after trimming); the rules of a group name apply. Omit it for every group.',
    },
  },
  resolve: async (_root, args, context): Promise<ConnectorGroupsPayloadValue> => {
    const { success, userErrors, requestId } = await resolveUpstreamField(context, {
      operation: 'connectorGroups',
      // GraphQL's explicit null means "not given"; the domain only knows absent.
      validate: () => validate(ConnectorGroupsQuery, args.name == null ? {} : { name: args.name }),
      issuePrefix: NO_PREFIX,
      call: (query, upstream) => context.client.listConnectorGroups({ ...query, ...upstream }),
      groupField: null,
    });
    return { connectorGroups: success?.connectorGroups ?? null, userErrors, requestId };
  },
};
