import {
  type ConnectorGroupFields,
  GRAPHQL_TO_REST_REGION,
  GRAPHQL_TO_REST_TYPE,
  type GraphQLConnectorGroupRegion,
  type GraphQLConnectorGroupType,
  MAX_GROUP_NAME_LENGTH,
} from '@connectors/domain';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  type GraphQLEnumValueConfigMap,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';

/**
 * Builds enum values whose internal value is the REST value: resolvers then work in the
 * domain's camelCase values and graphql-js maps them to and from the UPPER_SNAKE names, so the
 * GraphQL enums cannot drift from the domain's maps.
 */
function enumValues<K extends string>(
  graphqlToRest: Record<K, string>,
  descriptions: Record<K, string>,
): GraphQLEnumValueConfigMap {
  const values: GraphQLEnumValueConfigMap = {};
  for (const name of Object.keys(graphqlToRest) as K[]) {
    values[name] = { value: graphqlToRest[name], description: descriptions[name] };
  }
  return values;
}

/** `ConnectorGroupType`: APPLICATION_PROXY <-> REST `applicationProxy`. */
export const ConnectorGroupTypeEnum = new GraphQLEnumType({
  name: 'ConnectorGroupType',
  description:
    'The kind of connector group. Graph defines one today; UNKNOWN_FUTURE_VALUE is read-only.',
  values: enumValues(GRAPHQL_TO_REST_TYPE, {
    APPLICATION_PROXY: 'A group of Microsoft Entra application proxy connectors.',
    UNKNOWN_FUTURE_VALUE:
      "Graph's placeholder for a kind this API does not know yet. Returned when reading; refused as input (INVALID_INPUT).",
  } satisfies Record<GraphQLConnectorGroupType, string>),
});

/** `ConnectorGroupRegion`: NAM, EUR... <-> REST `nam`, `eur`... */
export const ConnectorGroupRegionEnum = new GraphQLEnumType({
  name: 'ConnectorGroupRegion',
  description:
    "The region a connector group's traffic is served from. UNKNOWN_FUTURE_VALUE is read-only.",
  values: enumValues(GRAPHQL_TO_REST_REGION, {
    NAM: 'North America.',
    EUR: 'Europe.',
    AUS: 'Australia.',
    ASIA: 'Asia.',
    IND: 'India.',
    UNKNOWN_FUTURE_VALUE:
      "Graph's placeholder for a region this API does not know yet. Returned when reading; refused as input (INVALID_INPUT).",
  } satisfies Record<GraphQLConnectorGroupRegion, string>),
});

/** The output `ConnectorGroup`; its source value is the domain's `ConnectorGroup` (REST values). */
export const ConnectorGroupObject = new GraphQLObjectType({
  name: 'ConnectorGroup',
  description: 'A group of application proxy connectors that serve the same applications.',
  fields: {
    id: {
      type: GraphQLID,
      description:
        "The group's object id (a GUID); null when the upstream answered 204 for a group named by `name` only.",
    },
    connectorGroupType: {
      type: new GraphQLNonNull(ConnectorGroupTypeEnum),
      description: 'The kind of connector group.',
    },
    isDefault: {
      type: new GraphQLNonNull(GraphQLBoolean),
      description: "Whether this is the tenant's default connector group.",
    },
    name: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'The display name of the group.',
    },
    region: {
      type: new GraphQLNonNull(ConnectorGroupRegionEnum),
      description: "The region the group's traffic is served from.",
    },
  },
});

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
