import {
  type ConnectorGroup,
  createConnectorGroupRequest,
  REST_TO_GRAPHQL_VALUE_NAMES,
  validate,
} from '@connectors/domain';
import {
  type GraphQLFieldConfig,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLString,
} from 'graphql';
import type { GatewayContext } from '../context.ts';
import { ConnectorGroupRegionEnum } from './enums.ts';
import { ConnectorGroupObject } from './read-model.ts';
import { resolveUpstreamField, type UpstreamPayload } from './upstream-field.ts';
import { upstreamPayloadObject } from './upstream-payload.ts';

const CreateConnectorGroupInput = new GraphQLInputObjectType({
  name: 'CreateConnectorGroupInput',
  description: 'The new connector group.',
  fields: {
    name: {
      type: new GraphQLNonNull(GraphQLString),
      description:
        'The display name: the rules of a group name (trimmed, 1 to 256 characters, no control, zero-width or bidirectional control characters). Unique in the tenant: a duplicate is INVALID_INPUT.',
    },
    region: {
      type: new GraphQLNonNull(ConnectorGroupRegionEnum),
      description: 'The region: NAM, EUR, AUS, ASIA or IND (UNKNOWN_FUTURE_VALUE is refused).',
    },
  },
});

const CreateConnectorGroupPayload = upstreamPayloadObject({
  name: 'CreateConnectorGroupPayload',
  description: 'The created group, or the user errors that stopped it.',
  result: {
    name: 'connectorGroup',
    field: {
      type: ConnectorGroupObject,
      description:
        'The group as the upstream created it, with its id; null when userErrors is not empty.',
    },
  },
});

const INPUT_PATH = ['input'] as const;
const NAME_FIELD = ['input', 'name'];
// Built once: its messages name enum values as GraphQL callers write them (EUR).
const CreateRequest = createConnectorGroupRequest(REST_TO_GRAPHQL_VALUE_NAMES);

/**
 * `Mutation.createConnectorGroup`: token check, the domain's name and region rules (no upstream
 * call on either failure), then one POST, retried only where nothing was sent.
 */
export const createConnectorGroupField: GraphQLFieldConfig<
  unknown,
  GatewayContext,
  { input: { name: string; region: string } }
> = {
  type: new GraphQLNonNull(CreateConnectorGroupPayload),
  description:
    'Creates a connector group (REST: POST /onPremisesPublishingProfiles/applicationProxy/connectorGroups), under both upstream profiles. A name another group has is INVALID_INPUT on ["input","name"]. After UPSTREAM_TIMEOUT the group may exist: look it up by name (Query.connectorGroups) before retrying. Needs `Authorization: Bearer <token>`.',
  args: {
    input: { type: new GraphQLNonNull(CreateConnectorGroupInput), description: 'The new group.' },
  },
  resolve: async (
    _root,
    { input },
    context,
  ): Promise<UpstreamPayload<'connectorGroup', ConnectorGroup>> => {
    const { success, userErrors, requestId } = await resolveUpstreamField(context, {
      operation: 'createConnectorGroup',
      validate: () => validate(CreateRequest, input),
      issuePrefix: INPUT_PATH,
      call: async (request, upstream) => {
        const result = await context.client.createConnectorGroup({ ...request, ...upstream });
        // The body was checked here, so Graph's 400 is about the one thing only it knows: the
        // name is taken (its message says so).
        return result.ok || result.kind !== 'invalidInput'
          ? result
          : { ...result, field: NAME_FIELD };
      },
      groupField: null,
    });
    return { connectorGroup: success?.connectorGroup ?? null, userErrors, requestId };
  },
};
