import type { CONNECTOR_GROUP_REGIONS, CONNECTOR_GROUP_TYPES } from './connector-group.ts';

type RestType = (typeof CONNECTOR_GROUP_TYPES)[number];
type RestRegion = (typeof CONNECTOR_GROUP_REGIONS)[number];

/**
 * GraphQL enum values (UPPER_SNAKE) to Graph's REST values (camelCase). `satisfies` makes the
 * maps total: adding a REST value without its GraphQL name fails to compile.
 */
export const GRAPHQL_TO_REST_TYPE = {
  APPLICATION_PROXY: 'applicationProxy',
} as const satisfies Record<string, RestType>;

/** GraphQL region names to REST regions, including the read-only sentinel. */
export const GRAPHQL_TO_REST_REGION = {
  NAM: 'nam',
  EUR: 'eur',
  AUS: 'aus',
  ASIA: 'asia',
  IND: 'ind',
  UNKNOWN_FUTURE_VALUE: 'unknownFutureValue',
} as const satisfies Record<string, RestRegion>;

export type GraphQLConnectorGroupType = keyof typeof GRAPHQL_TO_REST_TYPE;
export type GraphQLConnectorGroupRegion = keyof typeof GRAPHQL_TO_REST_REGION;

function invert<K extends string, V extends string>(map: Record<K, V>): Record<V, K> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, K>;
}

/** REST type to GraphQL name. */
export const REST_TO_GRAPHQL_TYPE: Record<RestType, GraphQLConnectorGroupType> =
  invert(GRAPHQL_TO_REST_TYPE);
/** REST region to GraphQL name. */
export const REST_TO_GRAPHQL_REGION: Record<RestRegion, GraphQLConnectorGroupRegion> =
  invert(GRAPHQL_TO_REST_REGION);

// Compile-time proof that every REST value has a GraphQL name (the inverse maps are total).
type Missing<A extends string, B extends string> = Exclude<A, B>;
const _typesCovered: Missing<RestType, (typeof GRAPHQL_TO_REST_TYPE)[GraphQLConnectorGroupType]> =
  undefined as never;
const _regionsCovered: Missing<
  RestRegion,
  (typeof GRAPHQL_TO_REST_REGION)[GraphQLConnectorGroupRegion]
> = undefined as never;
void _typesCovered;
void _regionsCovered;

/**
 * Every REST enum value by its GraphQL name, for messages a GraphQL caller reads:
 * `addMemberOfRequest(REST_TO_GRAPHQL_VALUE_NAMES)` says `EUR` where REST says `eur`.
 */
export const REST_TO_GRAPHQL_VALUE_NAMES: Readonly<Record<string, string>> = {
  ...REST_TO_GRAPHQL_TYPE,
  ...REST_TO_GRAPHQL_REGION,
};
