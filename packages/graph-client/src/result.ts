import type {
  ConnectorGroup,
  ConnectorWithGroup,
  GraphErrorKind,
  ListedConnectorGroup,
  SkipToken,
} from '@connectors/domain';

/**
 * Why a call failed: the domain's classification of an HTTP error answer, plus the two faults
 * that have no answer to classify.
 * - `timeout`: sent, and no answer within the attempt's timeout (a POST's is never retried: it
 *   may have landed).
 * - `unavailable`: 5xx after retries, connection refused or reset, or refused by the client's own
 *   bounds before sending (also a GraphErrorKind).
 * - `unknown`: anything else (a 3xx that is never followed, an unexpected status).
 */
export type GraphFailureKind = GraphErrorKind | 'timeout';

/** A failed call. `message` is safe to show: never an upstream body that is not Graph's JSON. */
export interface GraphFailure {
  ok: false;
  kind: GraphFailureKind;
  message: string;
  /** The upstream HTTP status, when there was an answer. */
  status?: number;
  /** The upstream `request-id` header (or `innerError.request-id`), when there was one. */
  requestId?: string;
  /**
   * True when at least one attempt reached the upstream (an answer, a timeout after sending, a
   * connection lost after sending); false when nothing was sent: refused by the gateway's own
   * bounds or a closed throttle gate, or every connection refused. A write with `sent: false`
   * surely did not land.
   */
  sent: boolean;
  /**
   * Whole seconds to wait before trying again, rounded up: the upstream's `Retry-After`, or the
   * client's own estimate when it refused the call without sending it.
   */
  retryAfterSeconds?: number;
  /**
   * The input field at fault, as a path in the gateway's GraphQL operation, when the failure is
   * about one the upstream could not name: the group-name lookup of the `graph` profile
   * (`["input","connectorGroup","name"]` when no group has the name,
   * `["input","connectorGroup","id"]` when several do).
   */
  field?: string[];
}

/**
 * A failure read from an answer, before the client stamps `sent` on it (an operation's reading
 * of a 2xx body returns one; the answer proves it was sent).
 */
export type AnsweredFailure = Omit<GraphFailure, 'sent'>;

/** A successful add: the group the connector now belongs to. */
export interface AddMemberOfSuccess {
  ok: true;
  /**
   * The JSON group the upstream returned; when it answered 204, the group as known before the
   * call (the seed body sent, or the group the `graph` lookup found by name). Null for an add by
   * id under `graph` that the upstream answered without the group: the request named only the id.
   */
  connectorGroup: ConnectorGroup | null;
  /**
   * The upstream's status: a 2xx (204, or 200/201 with a body), or the duplicate 400 of a retried
   * attempt, which proves an earlier attempt landed.
   */
  status: number;
  requestId?: string;
}

/** A successful list of a connector's groups. */
export interface ListMemberOfSuccess {
  ok: true;
  connectorGroups: ConnectorGroup[];
  /** The upstream's 2xx status. */
  status: number;
  requestId?: string;
}

/** A successful list of the tenant's connector groups, each with its id. */
export interface ListConnectorGroupsSuccess {
  ok: true;
  /** With a name: only the groups whose name is exactly it (compared here, case-sensitively). */
  connectorGroups: ListedConnectorGroup[];
  /** The upstream's 2xx status. */
  status: number;
  requestId?: string;
}

/** A page of connectors, each with its group (`memberOf`, expanded in the same call). */
export interface ListConnectorsSuccess {
  ok: true;
  connectors: ConnectorWithGroup[];
  /** The `$skiptoken` of the next page; absent on the last page. */
  nextSkipToken?: SkipToken;
  status: number;
  requestId?: string;
}

/** One connector group, as the upstream has it (read, or just created). */
export interface ConnectorGroupSuccess {
  ok: true;
  connectorGroup: ListedConnectorGroup;
  status: number;
  requestId?: string;
}

/** One page of the tenant's connector groups, and the next page's token when there is one. */
export interface ListConnectorGroupsPageSuccess extends ListConnectorGroupsSuccess {
  nextSkipToken?: SkipToken;
}

export type AddMemberOfResult = AddMemberOfSuccess | GraphFailure;
export type ListConnectorGroupsPageResult = ListConnectorGroupsPageSuccess | GraphFailure;
export type ListConnectorsResult = ListConnectorsSuccess | GraphFailure;
export type ConnectorGroupResult = ConnectorGroupSuccess | GraphFailure;
export type CreateConnectorGroupResult = ConnectorGroupSuccess | GraphFailure;
export type ListMemberOfResult = ListMemberOfSuccess | GraphFailure;
export type ListConnectorGroupsResult = ListConnectorGroupsSuccess | GraphFailure;
