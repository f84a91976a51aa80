import {
  GRAPHQL_TO_REST_REGION,
  GRAPHQL_TO_REST_STATUS,
  GRAPHQL_TO_REST_TYPE,
  type GraphQLConnectorGroupRegion,
  type GraphQLConnectorGroupType,
  type GraphQLConnectorStatus,
} from '@connectors/domain';
import { GraphQLEnumType, type GraphQLEnumValueConfigMap } from 'graphql';

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

/** `ConnectorStatus`: ACTIVE, INACTIVE <-> REST `active`, `inactive`. */
export const ConnectorStatusEnum = new GraphQLEnumType({
  name: 'ConnectorStatus',
  description:
    'Whether a connector is reporting in to the service. UNKNOWN_FUTURE_VALUE is read-only.',
  values: enumValues(GRAPHQL_TO_REST_STATUS, {
    ACTIVE: 'The connector is reporting in and can serve traffic.',
    INACTIVE: 'The connector has stopped reporting in.',
    UNKNOWN_FUTURE_VALUE:
      "Graph's placeholder for a status this API does not know yet. Returned when reading; refused in a filter (INVALID_INPUT).",
  } satisfies Record<GraphQLConnectorStatus, string>),
});
