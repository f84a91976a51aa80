import type { CONNECTOR_STATUSES_READ } from './connector.ts';
import type { CONNECTOR_GROUP_REGIONS, CONNECTOR_GROUP_TYPES_READ } from './connector-group.ts';

type RestType = (typeof CONNECTOR_GROUP_TYPES_READ)[number];
type RestRegion = (typeof CONNECTOR_GROUP_REGIONS)[number];
type RestStatus = (typeof CONNECTOR_STATUSES_READ)[number];

/**
 * `true` exactly when every value of `All` appears in `Mapped`; else the values missing, so the
 * compiler's message names them. `[...] extends [never]` keeps the union from distributing.
 */
export type Covers<All extends string, Mapped extends string> = [Exclude<All, Mapped>] extends [
  never,
]
  ? true
  : { missing: Exclude<All, Mapped> };

/**
 * Accepts only `true`: `AssertCovered<Covers<A, B>>` fails to compile while a value of `A` has no
 * entry in `B` (graphql-enums.types.test.ts shows it failing). The proof it replaces assigned
 * `undefined as never`, which compiles whatever the type, so it proved nothing.
 */
export type AssertCovered<T extends true> = T;

/** The REST values a map gives. */
type MappedValues<M extends Record<string, string>> = M[keyof M];

/**
 * GraphQL enum values (UPPER_SNAKE) to Graph's REST values (camelCase), including the read-only
 * sentinel. `satisfies` keeps each value a REST value; the proofs below make each map total.
 */
export const GRAPHQL_TO_REST_TYPE = {
  APPLICATION_PROXY: 'applicationProxy',
  UNKNOWN_FUTURE_VALUE: 'unknownFutureValue',
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

/** GraphQL connector status names to REST statuses, including the read-only sentinel. */
export const GRAPHQL_TO_REST_STATUS = {
  ACTIVE: 'active',
  INACTIVE: 'inactive',
  UNKNOWN_FUTURE_VALUE: 'unknownFutureValue',
} as const satisfies Record<string, RestStatus>;

// The proofs: a REST value added to the domain without its GraphQL name stops the build here.
export type TypesCovered = AssertCovered<
  Covers<RestType, MappedValues<typeof GRAPHQL_TO_REST_TYPE>>
>;
export type RegionsCovered = AssertCovered<
  Covers<RestRegion, MappedValues<typeof GRAPHQL_TO_REST_REGION>>
>;
export type StatusesCovered = AssertCovered<
  Covers<RestStatus, MappedValues<typeof GRAPHQL_TO_REST_STATUS>>
>;

export type GraphQLConnectorGroupType = keyof typeof GRAPHQL_TO_REST_TYPE;
export type GraphQLConnectorGroupRegion = keyof typeof GRAPHQL_TO_REST_REGION;
export type GraphQLConnectorStatus = keyof typeof GRAPHQL_TO_REST_STATUS;

function invert<K extends string, V extends string>(map: Record<K, V>): Record<V, K> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, K>;
}

/** REST type to GraphQL name. */
export const REST_TO_GRAPHQL_TYPE: Record<RestType, GraphQLConnectorGroupType> =
  invert(GRAPHQL_TO_REST_TYPE);
/** REST region to GraphQL name. */
export const REST_TO_GRAPHQL_REGION: Record<RestRegion, GraphQLConnectorGroupRegion> =
  invert(GRAPHQL_TO_REST_REGION);
/** REST connector status to GraphQL name. */
export const REST_TO_GRAPHQL_STATUS: Record<RestStatus, GraphQLConnectorStatus> =
  invert(GRAPHQL_TO_REST_STATUS);

/**
 * Every REST enum value by its GraphQL name, for messages a GraphQL caller reads:
 * `addMemberOfRequest(REST_TO_GRAPHQL_VALUE_NAMES)` says `EUR` where REST says `eur`.
 */
export const REST_TO_GRAPHQL_VALUE_NAMES: Readonly<Record<string, string>> = {
  ...REST_TO_GRAPHQL_TYPE,
  ...REST_TO_GRAPHQL_REGION,
  ...REST_TO_GRAPHQL_STATUS,
};
