import {
  addMemberOfRequest,
  type ConnectorGroup,
  REST_TO_GRAPHQL_VALUE_NAMES,
  validate,
} from '@connectors/domain';
import {
  type GraphQLFieldConfig,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLNonNull,
} from 'graphql';
import type { z } from 'zod';
import type { GatewayContext } from '../context.ts';
import { withNotFoundField } from '../errors/not-found-field.ts';
import { requireApplicationIdUnderSeed } from './application-id.ts';
import {
  ConnectorGroupInputObject,
  type ConnectorGroupInputValue,
  ConnectorGroupObject,
} from './connector-group.ts';
import { requireGroupBodyUnderSeed } from './seed-group-body.ts';
import { resolveUpstreamField, type UpstreamPayload } from './upstream-field.ts';
import { upstreamPayloadObject } from './upstream-payload.ts';

const AddConnectorMemberOfInput = new GraphQLInputObjectType({
  name: 'AddConnectorMemberOfInput',
  description: 'Which connector of which application to add to which connector group.',
  fields: {
    applicationId: {
      type: GraphQLID,
      description:
        'The object id (a GUID) of the application: required under UPSTREAM_API=seed (its path names it; missing is INVALID_INPUT), unused and optional under UPSTREAM_API=graph.',
    },
    connectorId: {
      type: new GraphQLNonNull(GraphQLID),
      description: 'The object id (a GUID) of the connector to add.',
    },
    connectorGroup: {
      type: new GraphQLNonNull(ConnectorGroupInputObject),
      description:
        'The connector group to add the connector to: `{ id }` alone is enough under UPSTREAM_API=graph.',
    },
  },
});

const AddConnectorMemberOfPayload = upstreamPayloadObject({
  name: 'AddConnectorMemberOfPayload',
  description:
    'The outcome of addConnectorMemberOf: the group, or the user errors that stopped it.',
  result: {
    name: 'connectorGroup',
    field: {
      type: ConnectorGroupObject,
      description:
        'The group the connector now belongs to, as the upstream has it: its answer to the add, the group the add found by name, or (for an add by id the upstream answered 204) the group read back with one more call (REST: GET .../connectorGroups/{id}). Null when userErrors is not empty, or when that read-back failed: the add landed; read it with connectorMemberOf.',
    },
  },
});

/** The arguments as graphql-js hands them over: the domain's request, the group as GraphQL gives it. */
interface AddConnectorMemberOfArgs {
  input: Omit<z.input<typeof AddMemberOfRequest>, 'connectorGroup' | 'applicationId'> & {
    applicationId?: string | null;
    connectorGroup: ConnectorGroupInputValue;
  };
}

/** What the resolver returns; the group is the domain's (REST enum values). */
export type AddConnectorMemberOfPayloadValue = UpstreamPayload<'connectorGroup', ConnectorGroup>;

const INPUT_PATH = ['input'] as const;
// Built once: its INVALID_INPUT messages name enum values as GraphQL callers write them (EUR).
const AddMemberOfRequest = addMemberOfRequest(REST_TO_GRAPHQL_VALUE_NAMES);
const GROUP_PATH = ['input', 'connectorGroup'] as const;
// Every body field named, so a field GraphQL left out counts as missing under seed.
const EMPTY_GROUP = { connectorGroupType: null, isDefault: null, name: null, region: null };

/**
 * `Mutation.addConnectorMemberOf`: token check, domain validation (no upstream call on either
 * failure), then one client call whose result is mapped by docs/errors.md's table.
 */
export const addConnectorMemberOfField: GraphQLFieldConfig<
  unknown,
  GatewayContext,
  AddConnectorMemberOfArgs
> = {
  type: new GraphQLNonNull(AddConnectorMemberOfPayload),
  description:
    'Adds a connector to a connector group (REST: POST .../{connectorId}/memberOf/$ref). Under UPSTREAM_API=graph the group must exist: named by `id`, or found by its exact `name`. A connector is in one group at a time, so adding it to another moves it. Needs `Authorization: Bearer <token>`.',
  args: {
    input: {
      type: new GraphQLNonNull(AddConnectorMemberOfInput),
      description: 'The application, the connector and the group.',
    },
  },
  resolve: async (_root, { input }, context): Promise<AddConnectorMemberOfPayloadValue> => {
    const { success, userErrors, requestId } = await resolveUpstreamField(context, {
      operation: 'addConnectorMemberOf',
      validate: () => {
        const checked = validate(AddMemberOfRequest, {
          // GraphQL's explicit null means "not given"; the domain only knows absent.
          ...(input.applicationId == null ? {} : { applicationId: input.applicationId }),
          connectorId: input.connectorId,
          connectorGroup: Object.fromEntries(
            Object.entries(input.connectorGroup).filter(([, value]) => value != null),
          ),
        });
        const api = context.client.api;
        return requireApplicationIdUnderSeed(
          api,
          input.applicationId,
          requireGroupBodyUnderSeed(api, { ...EMPTY_GROUP, ...input.connectorGroup }, checked),
        );
      },
      issuePrefix: INPUT_PATH,
      call: async (request, upstream) => {
        const added = withNotFoundField(
          await context.client.addConnectorMemberOf({ ...request, ...upstream }),
          [
            [['input', 'applicationId'], request.applicationId],
            [['input', 'connectorId'], request.connectorId],
            [['input', 'connectorGroup', 'id'], request.connectorGroup.id],
          ],
        );
        const id = request.connectorGroup.id;
        // An add by id the upstream answered without the group (204, or the duplicate answer of
        // a retried POST) says nothing of it: the client has no group (graph) or the caller's
        // description (seed's body: any name, region, isDefault). Read it back, one more call; a
        // failed read changes nothing of the add, which landed: the group is then null.
        const answeredWithGroup = added.ok && added.status !== 204 && added.connectorGroup !== null;
        if (!added.ok || answeredWithGroup || id === undefined) return added;
        const read = await context.client.getConnectorGroup({ ...upstream, connectorGroupId: id });
        return { ...added, connectorGroup: read.ok ? read.connectorGroup : null };
      },
      groupField: GROUP_PATH,
    });
    return { connectorGroup: success?.connectorGroup ?? null, userErrors, requestId };
  },
};
