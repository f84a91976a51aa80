import type { UpstreamApi } from '@connectors/domain';
import { callerFrom } from './caller.ts';
import { type GraphClientOptions, operationContextFrom } from './client-options.ts';
import {
  type MoveConnectorsRequest,
  type MoveConnectorsResult,
  moveConnectors,
} from './operations/bulk-move.ts';
import {
  type ListConnectorGroupsPageRequest,
  type ListConnectorGroupsRequest,
  listConnectorGroups,
  listConnectorGroupsPage,
} from './operations/connector-groups.ts';
import {
  type CreateConnectorGroupCall,
  createConnectorGroup,
  type GetConnectorGroupRequest,
  getConnectorGroup,
  type ListConnectorsRequest,
  listConnectors,
} from './operations/connectors.ts';
import {
  type AddConnectorMemberOfRequest,
  addConnectorMemberOf,
  type ListConnectorMemberOfRequest,
  listConnectorMemberOf,
} from './operations/member-of.ts';
import {
  type MoveConnectorsBatchRequest,
  type MoveConnectorsBatchResult,
  moveConnectorsBatch,
} from './operations/move-connectors.ts';
import type { OperationContext } from './operations/operation-context.ts';
import type {
  AddMemberOfResult,
  ConnectorGroupResult,
  CreateConnectorGroupResult,
  ListConnectorGroupsPageResult,
  ListConnectorGroupsResult,
  ListConnectorsResult,
  ListMemberOfResult,
} from './result.ts';
import type { UpstreamStats } from './upstream-observations.ts';

export type { CallerOptions } from './caller.ts';
export type { GraphClientOptions } from './client-options.ts';
export type {
  ConnectorMoveOutcome,
  MoveConnectorsRequest,
  MoveConnectorsResult,
} from './operations/bulk-move.ts';
export type {
  ListConnectorGroupsPageRequest,
  ListConnectorGroupsRequest,
} from './operations/connector-groups.ts';
export type {
  CreateConnectorGroupCall,
  GetConnectorGroupRequest,
  ListConnectorsRequest,
} from './operations/connectors.ts';
export type {
  AddConnectorMemberOfRequest,
  ListConnectorMemberOfRequest,
} from './operations/member-of.ts';
export type {
  ConnectorMove,
  ConnectorMoveResult,
  MoveConnectorsBatchRequest,
  MoveConnectorsBatchResult,
  MoveConnectorsBatchSuccess,
} from './operations/move-connectors.ts';

/**
 * The one REST client for a connector's `memberOf` (docs/rest-upstream.md): a keep-alive undici pool
 * to one origin behind a bounded admission queue, a timeout per attempt counted from sending,
 * POST-safe retries within a shared retry budget, a throttle gate per kind of call, and typed
 * results that say whether anything was sent. An HTTP answer,
 * whatever it is, comes back as a result and never throws; only misuse throws (a missing
 * authorization) or an abort by the caller's signal. Ids, groups and names come parsed by the
 * domain (their types are branded) and are not validated again: a value cast past the compiler
 * is still sent as one percent-encoded path segment or JSON string, never as raw path.
 *
 * Each operation lives in `src/operations/` and sends through the one {@link Upstream}.
 */
export class GraphClient {
  readonly #context: OperationContext;

  /**
   * @throws {TypeError} for a base URL that is not absolute http(s) without query or credentials
   * @throws {RangeError} for a number option out of range, or an `api` that is not seed or graph
   */
  constructor(options: GraphClientOptions) {
    this.#context = operationContextFrom(options);
  }

  /** Which REST operations this client calls: `seed` or `graph`. */
  get api(): UpstreamApi {
    return this.#context.api;
  }

  /**
   * Adds the connector to the group.
   * - `seed`: `POST .../members/{connectorId}/memberOf/$ref` with the connectorGroup body (the
   *   group named by `id`, else by `name`).
   * - `graph`: `POST .../connectors/{connectorId}/memberOf/$ref` with an OData reference to
   *   `connectorGroup.id`; without an id, the group is first looked up by exact name (one
   *   match is used, none is `notFound`, several are `invalidInput`; never created).
   * @throws {TypeError} when `authorization` is empty
   */
  addConnectorMemberOf(request: AddConnectorMemberOfRequest): Promise<AddMemberOfResult> {
    return addConnectorMemberOf(this.#context, request);
  }

  /**
   * The groups the connector belongs to: `GET .../members/{connectorId}/memberOf` (`seed`, with
   * the POST-safe retry rules it shipped with) or `GET .../connectors/{connectorId}/memberOf`
   * (`graph`, retried as a read).
   * @throws {TypeError} when `authorization` is empty
   */
  listConnectorMemberOf(request: ListConnectorMemberOfRequest): Promise<ListMemberOfResult> {
    return listConnectorMemberOf(this.#context, request);
  }

  /**
   * `GET .../applicationProxy/connectorGroups`, with `$filter=name eq '<name>'` when a name is
   * given: the tenant's groups, for a picker, every page of them (up to 50 pages). Under both profiles (the `seed` one reads the same
   * documented route, which fake-graph serves). With a name, only exact matches are returned.
   * Retried as a read.
   * @throws {TypeError} when `authorization` is empty
   */
  async listConnectorGroups(
    request: ListConnectorGroupsRequest,
  ): Promise<ListConnectorGroupsResult> {
    const caller = callerFrom(request);
    const query = request.name === undefined ? {} : { name: request.name };
    return listConnectorGroups(this.#context, query, 'listConnectorGroups', caller);
  }

  /**
   * Moves up to 20 connectors into one existing group in one JSON batch (`POST {base}/$batch`,
   * docs/rest-upstream.md): independent steps, each Graph's documented reference POST with its
   * own `client-request-id`, each answered on its own and read into the result a single add
   * gives. Steps answered 429 or 503 are NOT re-sent here: which to re-send, and when, is the
   * caller's schedule (each result carries its step's `retryAfterMs`). The `$batch` POST itself
   * is retried as any POST is: only when it was not run at all.
   * @throws {RangeError} for no move, more than 20, or a connector named twice
   * @throws {TypeError} when `authorization` is empty
   */
  moveConnectorsBatch(request: MoveConnectorsBatchRequest): Promise<MoveConnectorsBatchResult> {
    return moveConnectorsBatch(this.#context, request);
  }

  /**
   * Moves 1 to 100 connectors into one existing group (docs/rest-upstream.md, "Bulk moves"):
   * `$batch` calls of up to 20 independent steps, then only the steps answered 429 or 503
   * re-sent together after the largest `Retry-After`, within `budgetMs` and a bounded number
   * of rounds. Never rejects for what the upstream did: every connector gets its own outcome.
   * @throws {RangeError} for no connector, more than 100, or one named twice
   * @throws {TypeError} when `authorization` is empty
   */
  moveConnectors(request: MoveConnectorsRequest): Promise<MoveConnectorsResult> {
    return moveConnectors(this.#context, request);
  }

  /**
   * One page of the connector groups (`$top`, `$skiptoken`), with the next page's token.
   * Retried as a read.
   * @throws {TypeError} when `authorization` is empty
   */
  listConnectorGroupsPage(
    request: ListConnectorGroupsPageRequest,
  ): Promise<ListConnectorGroupsPageResult> {
    const { name, top, skipToken } = request;
    return listConnectorGroupsPage(
      this.#context,
      name === undefined ? {} : { name },
      { ...(top === undefined ? {} : { top }), ...(skipToken === undefined ? {} : { skipToken }) },
      'listConnectorGroups',
      callerFrom(request),
    );
  }

  /**
   * A page of connectors with their groups (`$expand=memberOf`): one upstream call per page,
   * whatever its size. Graph beta's documented routes under both profiles (the seed documents
   * none). Retried as a read.
   * @throws {TypeError} when `authorization` is empty
   */
  listConnectors(request: ListConnectorsRequest): Promise<ListConnectorsResult> {
    return listConnectors(this.#context, request);
  }

  /**
   * `GET .../connectorGroups/{id}`: one group as the upstream has it. Retried as a read.
   * @throws {TypeError} when `authorization` is empty
   */
  getConnectorGroup(request: GetConnectorGroupRequest): Promise<ConnectorGroupResult> {
    return getConnectorGroup(this.#context, request);
  }

  /**
   * `POST .../connectorGroups`: a new group, as created (with its id). Retried as a write.
   * @throws {TypeError} when `authorization` is empty
   */
  createConnectorGroup(request: CreateConnectorGroupCall): Promise<CreateConnectorGroupResult> {
    return createConnectorGroup(this.#context, request);
  }

  /** The upstream origin's counters and gauges (in flight, queued, refused, ...), for metrics. */
  stats(): UpstreamStats {
    return this.#context.upstream.stats();
  }

  /**
   * Forgets what the upstream said (throttle gates open, retry budget window empty), counters
   * kept. For contract tests' provider-state reset, where one gateway plays many independent
   * scenarios; a running gateway has no use for it.
   */
  resetUpstreamState(): void {
    this.#context.upstream.resetState();
  }

  /** Closes the pool's connections once requests in flight are done. */
  async close(): Promise<void> {
    await this.#context.upstream.close();
  }
}
