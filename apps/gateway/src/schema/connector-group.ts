import { type ConnectorGroupFields, MAX_GROUP_NAME_LENGTH } from '@connectors/domain';
import { GraphQLBoolean, GraphQLID, GraphQLInputObjectType, GraphQLString } from 'graphql';
import { ConnectorGroupRegionEnum, ConnectorGroupTypeEnum } from './enums.ts';

export { ConnectorGroupObject } from './read-model.ts';

/** The `ConnectorGroupInput` input type; validated by the domain's `ConnectorGroupInput`. */
export const ConnectorGroupInputObject = new GraphQLInputObjectType({
  name: 'ConnectorGroupInput',
  description:
    'The connector group to add the connector to: an existing group by `id` alone, or without `id` a group identified by `name`. Under UPSTREAM_API=seed the body is the whole group: `connectorGroupType`, `isDefault`, `name` and `region` are all required there (missing is INVALID_INPUT naming the field); under UPSTREAM_API=graph they are optional and unused beside `id` (the group is referenced by id), and only `name` is used without it.',
  fields: {
    id: {
      type: GraphQLID,
      description: 'The id (a GUID) of an existing group. Omit it to identify the group by `name`.',
    },
    connectorGroupType: {
      type: ConnectorGroupTypeEnum,
      description:
        'The kind of connector group: APPLICATION_PROXY. Required under UPSTREAM_API=seed.',
    },
    isDefault: {
      type: GraphQLBoolean,
      description:
        "Whether the group is the tenant's default connector group. Required under UPSTREAM_API=seed.",
    },
    name: {
      type: GraphQLString,
      description: `The display name: trimmed, 1 to ${MAX_GROUP_NAME_LENGTH} characters, no control characters. Required without \`id\`, and under UPSTREAM_API=seed.`,
    },
    region: {
      type: ConnectorGroupRegionEnum,
      description:
        'The region: NAM, EUR, AUS, ASIA or IND (UNKNOWN_FUTURE_VALUE is refused). Required under UPSTREAM_API=seed.',
    },
  },
});

/**
 * The `ConnectorGroupInput` value as graphql-js hands it to a resolver: the domain's written
 * fields in REST values, each one absent or an explicit null, widened where GraphQL allows what
 * the domain then refuses (a region of the GraphQL enum such as UNKNOWN_FUTURE_VALUE).
 */
export type ConnectorGroupInputValue = {
  [K in keyof Omit<ConnectorGroupFields, 'region'>]?: ConnectorGroupFields[K] | null;
} & { region?: string | null };
