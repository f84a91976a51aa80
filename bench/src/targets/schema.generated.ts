// Generated from @connectors/gateway/schema.graphql by `pnpm --filter @connectors/bench schema-types`.
// Do not edit: schema.test.ts fails when this is stale.
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** Reads: what the upstream holds now. */
export type Query = {
  /** Lists the connector groups a connector belongs to (REST: GET .../{connectorId}/memberOf). Needs `Authorization: Bearer <token>`. */
  connectorMemberOf: ConnectorMemberOfPayload;
  /** Lists the tenant's connector groups, or those named exactly `name` (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups). Needs `Authorization: Bearer <token>`. */
  connectorGroups: ConnectorGroupsPayload;
};


/** Reads: what the upstream holds now. */
export type QueryConnectorMemberOfArgs = {
  applicationId: Scalars['ID']['input'];
  connectorId: Scalars['ID']['input'];
};


/** Reads: what the upstream holds now. */
export type QueryConnectorGroupsArgs = {
  name: InputMaybe<Scalars['String']['input']>;
};

/** The connector groups a connector belongs to, or the user errors that stopped it. */
export type ConnectorMemberOfPayload = {
  /** The groups the connector is a member of; null when userErrors is not empty. */
  connectorGroups: Maybe<Array<ConnectorGroup>>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** A group of application proxy connectors that serve the same applications. */
export type ConnectorGroup = {
  /** The group's object id (a GUID); null when the upstream answered 204 for a group named by `name` only. */
  id: Maybe<Scalars['ID']['output']>;
  /** The kind of connector group. */
  connectorGroupType: ConnectorGroupType;
  /** Whether this is the tenant's default connector group. */
  isDefault: Scalars['Boolean']['output'];
  /** The display name of the group. */
  name: Scalars['String']['output'];
  /** The region the group's traffic is served from. */
  region: ConnectorGroupRegion;
};

/** The kind of connector group. Graph defines one today; UNKNOWN_FUTURE_VALUE is read-only. */
export type ConnectorGroupType =
  /** A group of Microsoft Entra application proxy connectors. */
  | 'APPLICATION_PROXY'
  /** Graph's placeholder for a kind this API does not know yet. Returned when reading; refused as input (INVALID_INPUT). */
  | 'UNKNOWN_FUTURE_VALUE';

/** The region a connector group's traffic is served from. UNKNOWN_FUTURE_VALUE is read-only. */
export type ConnectorGroupRegion =
  /** North America. */
  | 'NAM'
  /** Europe. */
  | 'EUR'
  /** Australia. */
  | 'AUS'
  /** Asia. */
  | 'ASIA'
  /** India. */
  | 'IND'
  /** Graph's placeholder for a region this API does not know yet. Returned when reading; refused as input (INVALID_INPUT). */
  | 'UNKNOWN_FUTURE_VALUE';

/** An expected, user-fixable failure, returned as data rather than as a GraphQL error. */
export type UserError = {
  /** What went wrong. */
  code: UserErrorCode;
  /** A sentence for people: names the field and what is wrong with it. */
  message: Scalars['String']['output'];
  /** Path to the input field at fault, e.g. ["input", "connectorGroup", "name"]; null when not one field. */
  field: Maybe<Array<Scalars['String']['output']>>;
};

/** Why an operation could not be done as asked; the caller can fix each one. */
export type UserErrorCode =
  /** The input is invalid: checked by the gateway (no upstream call) or refused by the upstream with a 400. */
  | 'INVALID_INPUT'
  /** The application, connector or connector group does not exist (upstream 404), or no connector group has the name given (UPSTREAM_API=graph). */
  | 'NOT_FOUND'
  /** The connector is already a member of that connector group. */
  | 'ALREADY_MEMBER';

/** The tenant's connector groups, or the user errors that stopped the list. */
export type ConnectorGroupsPayload = {
  /** The groups, each with its id, in the upstream's order; null when userErrors is not empty. */
  connectorGroups: Maybe<Array<ConnectorGroup>>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up). */
export type Mutation = {
  /** Adds a connector to a connector group (REST: POST .../{connectorId}/memberOf/$ref). Under UPSTREAM_API=graph the group must exist: named by `id`, or found by its exact `name`. A connector is in one group at a time, so adding it to another moves it. Needs `Authorization: Bearer <token>`. */
  addConnectorMemberOf: AddConnectorMemberOfPayload;
  /** Moves 1 to 100 connectors into one existing connector group through Graph's JSON batching, a result per connector: MOVED, ALREADY_MEMBER or FAILED with the single mutation's code. Throttled steps are re-sent after their Retry-After within the retry budget. Needs `Authorization: Bearer <token>`. */
  moveConnectors: MoveConnectorsPayload;
};


/** Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up). */
export type MutationAddConnectorMemberOfArgs = {
  input: AddConnectorMemberOfInput;
};


/** Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up). */
export type MutationMoveConnectorsArgs = {
  input: MoveConnectorsInput;
};

/** The outcome of addConnectorMemberOf: the group, or the user errors that stopped it. */
export type AddConnectorMemberOfPayload = {
  /** The group the connector now belongs to; null when userErrors is not empty. */
  connectorGroup: Maybe<ConnectorGroup>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** Which connector of which application to add to which connector group. */
export type AddConnectorMemberOfInput = {
  /** The object id (a GUID) of the application. */
  applicationId: Scalars['ID']['input'];
  /** The object id (a GUID) of the connector to add. */
  connectorId: Scalars['ID']['input'];
  /** The connector group to add the connector to. */
  connectorGroup: ConnectorGroupInput;
};

/** The connector group to add the connector to: an existing group by `id`, or a group identified by `name`. */
export type ConnectorGroupInput = {
  /** The id (a GUID) of an existing group. Omit it to identify the group by `name`. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The kind of connector group: APPLICATION_PROXY. */
  connectorGroupType: ConnectorGroupType;
  /** Whether the group is the tenant's default connector group. */
  isDefault: Scalars['Boolean']['input'];
  /** The display name: trimmed, 1 to 256 characters, no control characters. */
  name: Scalars['String']['input'];
  /** The region: NAM, EUR, AUS, ASIA or IND (UNKNOWN_FUTURE_VALUE is refused). */
  region: ConnectorGroupRegion;
};

/** The outcome of moveConnectors: one result per connector (partial success is normal), or the user errors that stopped every item. */
export type MoveConnectorsPayload = {
  /** One result per requested connector, in the order asked. */
  results: Array<ConnectorMoveResult>;
  /** Input errors that stopped every item (empty when results were produced). */
  userErrors: Array<UserError>;
};

/** One connector of a moveConnectors. */
export type ConnectorMoveResult = {
  /** The connector, as asked. */
  connectorId: Scalars['ID']['output'];
  /** How its move ended. */
  outcome: MoveOutcome;
  /** Why it failed; null unless FAILED. */
  error: Maybe<MoveError>;
  /** The upstream request-id of this connector's last step, when it had one. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** How one connector of a moveConnectors ended. */
export type MoveOutcome =
  /** The connector is now in the group. */
  | 'MOVED'
  /** The connector was in the group already: nothing changed. */
  | 'ALREADY_MEMBER'
  /** The connector was not moved, or may not have been: see `error`. */
  | 'FAILED';

/** Why one connector's move failed. */
export type MoveError = {
  /** The code the single mutation would give (docs/errors.md): NOT_FOUND, FORBIDDEN, RATE_LIMITED, UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, INVALID_INPUT, ... */
  code: Scalars['String']['output'];
  /** A sentence for people. */
  message: Scalars['String']['output'];
  /** RATE_LIMITED: whole seconds to wait before moving this connector again. */
  retryAfterSeconds: Maybe<Scalars['Int']['output']>;
  /** True when its move reached the upstream. With UPSTREAM_TIMEOUT it may have landed: read it back. False: it certainly did not. */
  sent: Scalars['Boolean']['output'];
};

/** Which connectors to move into which existing connector group. */
export type MoveConnectorsInput = {
  /** The connectors (object ids, GUIDs) to move: 1 to 100, each once. A bad or repeated id is INVALID_INPUT at its index, before any upstream call. */
  connectorIds: Array<Scalars['ID']['input']>;
  /** The existing connector group (a GUID) to move them into. */
  connectorGroupId: Scalars['ID']['input'];
};
