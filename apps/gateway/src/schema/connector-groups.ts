import {
  type ConnectorGroup,
  ConnectorGroupsQuery,
  type ListedConnectorGroup,
  type Validated,
  type ValidationIssue,
  validate,
} from '@connectors/domain';
import {
  type GraphQLFieldConfig,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
} from 'graphql';
import type { z } from 'zod';
import type { GatewayContext } from '../context.ts';
import { DEFAULT_FIRST } from '../paging/cursor.ts';
import { type Connection, connectionOf, upstreamPage } from '../paging/page-window.ts';
import { ConnectorGroupObject } from './connector-group.ts';
import { type CheckedPage, checkPage, type PageArgs } from './connector-page.ts';
import {
  AFTER_DESCRIPTION,
  ConnectorGroupConnectionObject,
  FIRST_DESCRIPTION,
} from './read-model.ts';
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
    "Lists the tenant's connector groups, or those named exactly `name` (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups), every page of them (up to 50 upstream pages; past that, an error rather than a partial list). Needs `Authorization: Bearer <token>`.",
  deprecationReason:
    'Use connectorGroupsConnection: it pages (first, after), so a tenant of any size lists completely, one upstream call a page.',
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

const ConnectorGroupsConnectionPayload = upstreamPayloadObject({
  name: 'ConnectorGroupsConnectionPayload',
  description: "A page of the tenant's connector groups, or the user errors that stopped it.",
  result: {
    name: 'connectorGroups',
    field: {
      type: ConnectorGroupConnectionObject,
      description: 'The page; null when userErrors is not empty.',
    },
  },
});

interface GroupPageRequest extends CheckedPage {
  query: z.output<typeof ConnectorGroupsQuery>;
  list: string;
}

function validateGroupPage(args: PageArgs & ConnectorGroupsArgsValue): Validated<GroupPageRequest> {
  const parsed = validate(ConnectorGroupsQuery, args.name == null ? {} : { name: args.name });
  const issues: ValidationIssue[] = parsed.ok ? [] : [...parsed.issues];
  const query = parsed.ok ? parsed.value : {};
  // The name is part of the list a cursor belongs to.
  const list = `connectorGroups|${query.name ?? ''}`;
  const page = checkPage(args, list, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { ...page, query, list } };
}

/**
 * `Query.connectorGroupsConnection(name, first, after)`: the groups a page at a time, one upstream
 * call a page, the paged successor of `connectorGroups` (which stays, deprecated, for its
 * consumers: docs/contracts.md).
 */
export const connectorGroupsConnectionField: GraphQLFieldConfig<
  unknown,
  GatewayContext,
  PageArgs & ConnectorGroupsArgsValue
> = {
  type: new GraphQLNonNull(ConnectorGroupsConnectionPayload),
  description:
    "The tenant's connector groups, or those named exactly `name`, a page at a time (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups?$top=...; one upstream call a page). Needs `Authorization: Bearer <token>`.",
  args: {
    name: {
      type: GraphQLString,
      description:
        'Only the groups with exactly this name (compared case-sensitively, after trimming); the rules of a group name apply. Omit it for every group.',
    },
    first: { type: GraphQLInt, defaultValue: DEFAULT_FIRST, description: FIRST_DESCRIPTION },
    after: { type: GraphQLString, description: AFTER_DESCRIPTION },
  },
  resolve: async (
    _root,
    args,
    context,
  ): Promise<UpstreamPayload<'connectorGroups', Connection<ListedConnectorGroup>>> => {
    const { success, userErrors, requestId } = await resolveUpstreamField(context, {
      operation: 'connectorGroupsConnection',
      validate: () => validateGroupPage(args),
      issuePrefix: NO_PREFIX,
      call: async (request, upstream) => {
        const asked = upstreamPage(request.position, request.first);
        const result = await context.client.listConnectorGroupsPage({
          ...request.query,
          ...upstream,
          top: asked.top,
          ...(asked.skipToken === undefined ? {} : { skipToken: asked.skipToken }),
        });
        if (!result.ok) return result;
        return {
          ...result,
          connection: connectionOf(
            request.list,
            asked,
            result.connectorGroups,
            result.nextSkipToken,
          ),
        };
      },
      groupField: null,
    });
    return { connectorGroups: success?.connection ?? null, userErrors, requestId };
  },
};
