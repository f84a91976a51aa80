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
  /**
   * Lists the tenant's connector groups, or those named exactly `name` (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups), every page of them (up to 50 upstream pages; past that, an error rather than a partial list). Needs `Authorization: Bearer <token>`.
   * @deprecated Use connectorGroupsConnection: it pages (first, after), so a tenant of any size lists completely, one upstream call a page.
   */
  connectorGroups: ConnectorGroupsPayload;
  /** The tenant's connectors, a page at a time, each with its group (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectors?$expand=memberOf, or .../connectorGroups/{id}/members with a connectorGroupId; one upstream call per page). Under both upstream profiles: Graph beta's documented routes. Needs `Authorization: Bearer <token>`. */
  connectors: ConnectorsPayload;
  /** One connector group as the upstream has it, with its members a page at a time (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}, and .../members when asked for: at most two upstream calls). Under both upstream profiles: Graph beta's documented routes. Needs `Authorization: Bearer <token>`. */
  connectorGroup: ConnectorGroupPayload;
  /** The tenant's connector groups, or those named exactly `name`, a page at a time (REST: GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups?$top=...; one upstream call a page). Needs `Authorization: Bearer <token>`. */
  connectorGroupsConnection: ConnectorGroupsConnectionPayload;
};


/** Reads: what the upstream holds now. */
export type QueryConnectorMemberOfArgs = {
  applicationId: InputMaybe<Scalars['ID']['input']>;
  connectorId: Scalars['ID']['input'];
};


/** Reads: what the upstream holds now. */
export type QueryConnectorGroupsArgs = {
  name: InputMaybe<Scalars['String']['input']>;
};


/** Reads: what the upstream holds now. */
export type QueryConnectorsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ConnectorFilter>;
};


/** Reads: what the upstream holds now. */
export type QueryConnectorGroupArgs = {
  id: Scalars['ID']['input'];
};


/** Reads: what the upstream holds now. */
export type QueryConnectorGroupsConnectionArgs = {
  name: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
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
  /** The connectors in this group, a page at a time (REST: GET .../connectorGroups/{id}/members, one upstream call). Read only under `Query.connectorGroup`, so a list of groups never costs a call per group: null elsewhere. A bad `first` or `after` is an error with `extensions.code` INVALID_INPUT and no upstream call. */
  members: Maybe<ConnectorConnection>;
};


/** A group of application proxy connectors that serve the same applications. */
export type ConnectorGroupMembersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
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

/** A page of connectors, as Relay connections (and Apollo Client, urql) page. */
export type ConnectorConnection = {
  /** The connectors of this page, in the upstream order. */
  edges: Array<ConnectorEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

/** A connector in a connection, with the cursor of the place right after it. */
export type ConnectorEdge = {
  /** The connector. */
  node: Connector;
  /** Opaque: pass it as `after` for what follows this one. Only this list accepts it; an edited cursor is INVALID_INPUT. */
  cursor: Scalars['String']['output'];
};

/** An Application Proxy connector: an agent on a server that publishes on-premises applications. */
export type Connector = {
  /** The connector's object id (a GUID). */
  id: Scalars['ID']['output'];
  /** The name of the server the connector runs on. */
  machineName: Scalars['String']['output'];
  /** The public IP address the connector reaches the service from; null until it reports in. */
  externalIp: Maybe<Scalars['String']['output']>;
  /** Whether it reports in. */
  status: ConnectorStatus;
  /** The connector's version; null until it reports in. */
  version: Maybe<Scalars['String']['output']>;
  /** The one group the connector is in, read in the same upstream call as the connector ($expand=memberOf); null if the upstream sent none. */
  connectorGroup: Maybe<ConnectorGroup>;
};

/** Whether a connector is reporting in to the service. UNKNOWN_FUTURE_VALUE is read-only. */
export type ConnectorStatus =
  /** The connector is reporting in and can serve traffic. */
  | 'ACTIVE'
  /** The connector has stopped reporting in. */
  | 'INACTIVE'
  /** Graph's placeholder for a status this API does not know yet. Returned when reading; refused in a filter (INVALID_INPUT). */
  | 'UNKNOWN_FUTURE_VALUE';

/** Where a page of a connection ends, and whether another follows (Relay). */
export type PageInfo = {
  /** Whether another page follows: ask for it with `after: endCursor`. */
  hasNextPage: Scalars['Boolean']['output'];
  /** The last edge's cursor; null for an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
};

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

/** A page of the tenant's connectors, or the user errors that stopped it. */
export type ConnectorsPayload = {
  /** The page; null when userErrors is not empty. */
  connectors: Maybe<ConnectorConnection>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** Which connectors to list; both together narrow to both. */
export type ConnectorFilter = {
  /** Only connectors with this status (UNKNOWN_FUTURE_VALUE is refused). */
  status?: InputMaybe<ConnectorStatus>;
  /** Only the members of this connector group (a GUID). */
  connectorGroupId?: InputMaybe<Scalars['ID']['input']>;
};

/** One connector group, or the user errors that stopped the read. */
export type ConnectorGroupPayload = {
  /** The group as the upstream has it; null when userErrors is not empty. */
  connectorGroup: Maybe<ConnectorGroup>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** A page of the tenant's connector groups, or the user errors that stopped it. */
export type ConnectorGroupsConnectionPayload = {
  /** The page; null when userErrors is not empty. */
  connectorGroups: Maybe<ConnectorGroupConnection>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** A page of connector groups, as Relay connections (and Apollo Client, urql) page. */
export type ConnectorGroupConnection = {
  /** The connector groups of this page, in the upstream order. */
  edges: Array<ConnectorGroupEdge>;
  /** Where the page ends. */
  pageInfo: PageInfo;
};

/** A connector group in a connection, with the cursor of the place right after it. */
export type ConnectorGroupEdge = {
  /** The connector group. */
  node: ConnectorGroup;
  /** Opaque: pass it as `after` for what follows this one. Only this list accepts it; an edited cursor is INVALID_INPUT. */
  cursor: Scalars['String']['output'];
};

/** Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up). */
export type Mutation = {
  /** Adds a connector to a connector group (REST: POST .../{connectorId}/memberOf/$ref). Under UPSTREAM_API=graph the group must exist: named by `id`, or found by its exact `name`. A connector is in one group at a time, so adding it to another moves it. Needs `Authorization: Bearer <token>`. */
  addConnectorMemberOf: AddConnectorMemberOfPayload;
  /** Creates a connector group (REST: POST /onPremisesPublishingProfiles/applicationProxy/connectorGroups), under both upstream profiles. A name another group has is INVALID_INPUT on ["input","name"]. After UPSTREAM_TIMEOUT the group may exist: look it up by name (Query.connectorGroups) before retrying. Needs `Authorization: Bearer <token>`. */
  createConnectorGroup: CreateConnectorGroupPayload;
  /** Moves 1 to 100 connectors into one existing connector group through Graph's JSON batching, a result per connector: MOVED, ALREADY_MEMBER or FAILED with the single mutation's code. Throttled steps are re-sent after their Retry-After within the retry budget. Needs `Authorization: Bearer <token>`. */
  moveConnectors: MoveConnectorsPayload;
};


/** Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up). */
export type MutationAddConnectorMemberOfArgs = {
  input: AddConnectorMemberOfInput;
};


/** Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up). */
export type MutationCreateConnectorGroupArgs = {
  input: CreateConnectorGroupInput;
};


/** Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up). */
export type MutationMoveConnectorsArgs = {
  input: MoveConnectorsInput;
};

/** The outcome of addConnectorMemberOf: the group, or the user errors that stopped it. */
export type AddConnectorMemberOfPayload = {
  /** The group the connector now belongs to, as the upstream has it: its answer to the add, the group the add found by name, or (for an add by id the upstream answered 204) the group read back with one more call (REST: GET .../connectorGroups/{id}). Null when userErrors is not empty, or when that read-back failed: the add landed; read it with connectorMemberOf. */
  connectorGroup: Maybe<ConnectorGroup>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** Which connector of which application to add to which connector group. */
export type AddConnectorMemberOfInput = {
  /** The object id (a GUID) of the application: required under UPSTREAM_API=seed (its path names it; missing is INVALID_INPUT), unused and optional under UPSTREAM_API=graph. */
  applicationId?: InputMaybe<Scalars['ID']['input']>;
  /** The object id (a GUID) of the connector to add. */
  connectorId: Scalars['ID']['input'];
  /** The connector group to add the connector to: `{ id }` alone is enough under UPSTREAM_API=graph. */
  connectorGroup: ConnectorGroupInput;
};

/** The connector group to add the connector to: an existing group by `id` alone, or without `id` a group identified by `name`. Under UPSTREAM_API=seed the body is the whole group: `connectorGroupType`, `isDefault`, `name` and `region` are all required there (missing is INVALID_INPUT naming the field); under UPSTREAM_API=graph they are optional and unused beside `id` (the group is referenced by id), and only `name` is used without it. */
export type ConnectorGroupInput = {
  /** The id (a GUID) of an existing group. Omit it to identify the group by `name`. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The kind of connector group: APPLICATION_PROXY. Required under UPSTREAM_API=seed. */
  connectorGroupType?: InputMaybe<ConnectorGroupType>;
  /** Whether the group is the tenant's default connector group. Required under UPSTREAM_API=seed. */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  /** The display name: trimmed, 1 to 256 characters, no control characters. Required without `id`, and under UPSTREAM_API=seed. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The region: NAM, EUR, AUS, ASIA or IND (UNKNOWN_FUTURE_VALUE is refused). Required under UPSTREAM_API=seed. */
  region?: InputMaybe<ConnectorGroupRegion>;
};

/** The created group, or the user errors that stopped it. */
export type CreateConnectorGroupPayload = {
  /** The group as the upstream created it, with its id; null when userErrors is not empty. */
  connectorGroup: Maybe<ConnectorGroup>;
  /** Expected, user-fixable failures. Empty on success. */
  userErrors: Array<UserError>;
  /** The upstream request-id, when the upstream sent one: quote it in support requests. */
  requestId: Maybe<Scalars['String']['output']>;
};

/** The new connector group. */
export type CreateConnectorGroupInput = {
  /** The display name: the rules of a group name (trimmed, 1 to 256 characters, no control, zero-width or bidirectional control characters). Unique in the tenant: a duplicate is INVALID_INPUT. */
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
