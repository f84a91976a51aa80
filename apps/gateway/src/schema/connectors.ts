import {
  type ConnectorGroup,
  type ConnectorWithGroup,
  DirectoryObjectId,
  validate,
} from '@connectors/domain';
import {
  type GraphQLFieldConfig,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLNonNull,
  GraphQLString,
} from 'graphql';
import { z } from 'zod';
import type { GatewayContext } from '../context.ts';
import { DEFAULT_FIRST } from '../paging/cursor.ts';
import type { Connection } from '../paging/page-window.ts';
import {
  allowMembers,
  type ConnectorFilterArgs,
  connectorPage,
  type PageArgs,
  validateConnectorList,
} from './connector-page.ts';
import { ConnectorStatusEnum } from './enums.ts';
import {
  AFTER_DESCRIPTION,
  ConnectorConnectionObject,
  ConnectorGroupObject,
  FIRST_DESCRIPTION,
} from './read-model.ts';
import { resolveUpstreamField, type UpstreamPayload } from './upstream-field.ts';
import { upstreamPayloadObject } from './upstream-payload.ts';

const ConnectorFilterInput = new GraphQLInputObjectType({
  name: 'ConnectorFilter',
  description: 'Which connectors to list; both together narrow to both.',
  fields: {
    status: {
      type: ConnectorStatusEnum,
      description: 'Only connectors with this status (UNKNOWN_FUTURE_VALUE is refused).',
    },
    connectorGroupId: {
      type: GraphQLID,
      description: 'Only the members of this connector group (a GUID).',
    },
  },
});

const ConnectorsPayload = upstreamPayloadObject({
  name: 'ConnectorsPayload',
  description: "A page of the tenant's connectors, or the user errors that stopped it.",
  result: {
    name: 'connectors',
    field: {
      type: ConnectorConnectionObject,
      description: 'The page; null when userErrors is not empty.',
    },
  },
});

const ConnectorGroupPayload = upstreamPayloadObject({
  name: 'ConnectorGroupPayload',
  description: 'One connector group, or the user errors that stopped the read.',
  result: {
    name: 'connectorGroup',
    field: {
      type: ConnectorGroupObject,
      description: 'The group as the upstream has it; null when userErrors is not empty.',
    },
  },
});

const NO_PREFIX = [] as const;

/**
 * `Query.connectors(first, after, filter)`: one upstream call per page whatever its size
 * (`$expand=memberOf` brings each connector's group), a cursor checked before any call.
 */
export const connectorsField: GraphQLFieldConfig<
  unknown,
  GatewayContext,
  PageArgs & { filter?: ConnectorFilterArgs | null }
> = {
  type: new GraphQLNonNull(ConnectorsPayload),
  description:
    "The tenant's connectors, a page at a time, each with its group (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectors?$expand=memberOf, or .../connectorGroups/{id}/members with a connectorGroupId; one upstream call per page). Under both upstream profiles: Graph beta's documented routes. Needs `Authorization: Bearer <token>`.",
  args: {
    first: { type: GraphQLInt, defaultValue: DEFAULT_FIRST, description: FIRST_DESCRIPTION },
    after: { type: GraphQLString, description: AFTER_DESCRIPTION },
    filter: { type: ConnectorFilterInput, description: 'Which connectors; omit it for all.' },
  },
  resolve: async (
    _root,
    args,
    context,
  ): Promise<UpstreamPayload<'connectors', Connection<ConnectorWithGroup>>> => {
    const { success, userErrors, requestId } = await resolveUpstreamField(context, {
      operation: 'connectors',
      validate: () => validateConnectorList(args),
      issuePrefix: NO_PREFIX,
      call: (request, upstream) => connectorPage(context, request, upstream),
      groupField: null,
    });
    return { connectors: success?.connection ?? null, userErrors, requestId };
  },
};

const ConnectorGroupArgs = z.object({ id: DirectoryObjectId });

/**
 * `Query.connectorGroup(id)`: one upstream call for the group, one more when `members` is asked
 * for: a group with a page of its members costs at most two.
 */
export const connectorGroupField: GraphQLFieldConfig<unknown, GatewayContext, { id: string }> = {
  type: new GraphQLNonNull(ConnectorGroupPayload),
  description:
    "One connector group as the upstream has it, with its members a page at a time (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}, and .../members when asked for: at most two upstream calls). Under both upstream profiles: Graph beta's documented routes. Needs `Authorization: Bearer <token>`.",
  args: {
    id: {
      type: new GraphQLNonNull(GraphQLID),
      description: 'The object id (a GUID) of the group.',
    },
  },
  resolve: async (
    _root,
    args,
    context,
  ): Promise<UpstreamPayload<'connectorGroup', ConnectorGroup>> => {
    const { success, userErrors, requestId } = await resolveUpstreamField(context, {
      operation: 'connectorGroup',
      validate: () => validate(ConnectorGroupArgs, args),
      issuePrefix: NO_PREFIX,
      call: async ({ id }, upstream) => {
        const result = await context.client.getConnectorGroup({
          ...upstream,
          connectorGroupId: id,
        });
        // Graph's 404 names no field; here only one id was asked about.
        return result.ok || result.kind !== 'notFound' ? result : { ...result, field: ['id'] };
      },
      groupField: null,
    });
    const group = success === null ? null : allowMembers({ ...success.connectorGroup });
    return { connectorGroup: group, userErrors, requestId };
  },
};
