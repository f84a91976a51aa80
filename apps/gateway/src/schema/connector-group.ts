import { type ConnectorGroupFields, MAX_GROUP_NAME_LENGTH } from '@connectors/domain';
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLString,
} from 'graphql';
import { ConnectorGroupRegionEnum, ConnectorGroupTypeEnum } from './enums.ts';

export { ConnectorGroupObject } from './read-model.ts';

/** The `ConnectorGroupInput` input type; validated by the domain's `ConnectorGroupInput`. */
export const ConnectorGroupInputObject = new GraphQLInputObjectType({
  name: 'ConnectorGroupInput',
  description:
    'The connector group to add the connector to: an existing group by `id`, or a group identified by `name`.',
  fields: {
    id: {
      type: GraphQLID,
      description: 'The id (a GUID) of an existing group. Omit it to identify the group by `name`.',
    },
    connectorGroupType: {
      type: new GraphQLNonNull(ConnectorGroupTypeEnum),
      description: 'The kind of connector group: APPLICATION_PROXY.',
    },
    isDefault: {
      type: new GraphQLNonNull(GraphQLBoolean),
      description: "Whether the group is the tenant's default connector group.",
    },
    name: {
      type: new GraphQLNonNull(GraphQLString),
      description: `The display name: trimmed, 1 to ${MAX_GROUP_NAME_LENGTH} characters, no control characters.`,
    },
    region: {
      type: new GraphQLNonNull(ConnectorGroupRegionEnum),
      description: 'The region: NAM, EUR, AUS, ASIA or IND (UNKNOWN_FUTURE_VALUE is refused).',
    },
  },
});

/**
 * The `ConnectorGroupInput` value as graphql-js hands it to a resolver: the domain's written
 * fields in REST values, widened where GraphQL allows what the domain then refuses (an explicit
 * null id, a region of the GraphQL enum such as UNKNOWN_FUTURE_VALUE).
 */
export type ConnectorGroupInputValue = Omit<ConnectorGroupFields, 'id' | 'region'> & {
  id?: ConnectorGroupFields['id'] | null;
  region: string;
};
