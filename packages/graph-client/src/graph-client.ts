import { parseUpstreamBase, UpstreamApi } from '@connectors/domain';
import { callerFrom } from './caller.ts';
import { type Clock, systemClock } from './clock.ts';
import {
  type ListConnectorGroupsRequest,
  listConnectorGroups,
} from './operations/connector-groups.ts';
import {
  type AddConnectorMemberOfRequest,
  addConnectorMemberOf,
  type ListConnectorMemberOfRequest,
  listConnectorMemberOf,
} from './operations/member-of.ts';
import type { OperationContext } from './operations/operation-context.ts';
import type { AddMemberOfResult, ListConnectorGroupsResult, ListMemberOfResult } from './result.ts';
import { DEFAULT_RETRY_BUDGET, type RetryBudgetLimits } from './retry-budget.ts';
import { DEFAULT_BACKOFF_BASE_MS } from './retry-policy.ts';
import { Upstream } from './upstream.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';
import type { UpstreamStateEvent, UpstreamStats } from './upstream-observations.ts';

export type { CallerOptions } from './caller.ts';
export type { ListConnectorGroupsRequest } from './operations/connector-groups.ts';
export type {
  AddConnectorMemberOfRequest,
  ListConnectorMemberOfRequest,
} from './operations/member-of.ts';

/** How a {@link GraphClient} is built. Defaults match docs/rest-upstream.md. */
export interface GraphClientOptions {
  /** The upstream with its version path, e.g. `http://localhost:4010/v1.0`. */
  baseUrl: string;
  /**
   * Which REST operations to call (docs/rest-upstream.md): `seed` (default), the source
   * document's application-scoped path and body; `graph`, Microsoft Graph's documented beta
   * operations (`https://graph.microsoft.com/beta`).
   */
  api?: UpstreamApi;
  /** Time allowed for each attempt, from sending to the last body byte. Default 10000. */
  timeoutMs?: number;
  /** Retries after the first attempt, so at most 1 + maxRetries attempts. Default 3. */
  maxRetries?: number;
  /** No retry wait may end later than this after the call began. Default 10000. */
  retryBudgetMs?: number;
  /** Size of the keep-alive connection pool to the upstream. Default 64. */
  connections?: number;
  /**
   * Requests in flight to the upstream at once, at most `connections` (so every admitted request
   * finds a connection and its timer counts from sending). Default: `connections`.
   */
  maxInFlight?: number;
  /** Calls waiting for a slot; past it a call is refused at once (`sent: false`). Default: `maxInFlight`. */
  maxQueue?: number;
  /**
   * The origin's retry budget: retries at most `ratio` of first attempts over `windowMs`, plus
   * `minRetries`. Default 0.2, 10, 10000.
   */
  retryBudget?: Partial<RetryBudgetLimits>;
  /** Called once per attempt; a listener that throws is ignored. */
  onUpstreamCall?: (event: UpstreamCallEvent) => void;
  /** Called when a gate closes, the retry budget runs out, or Graph reports its limit nearing. */
  onUpstreamState?: (event: UpstreamStateEvent) => void;
  /** Time, timers and jitter; for tests. Default: the system clock. */
  clock?: Clock;
  /** First backoff step when no `Retry-After` is given; for tests. Default 200. */
  backoffBaseMs?: number;
}

function integerAtLeast(name: string, value: number, min: number, max = Infinity): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new RangeError(`${name} must be an integer ${range}, got ${value}`);
  }
  return value;
}

function retryBudgetLimits(given: Partial<RetryBudgetLimits> = {}): RetryBudgetLimits {
  const limits = { ...DEFAULT_RETRY_BUDGET, ...given };
  if (!(limits.ratio >= 0 && limits.ratio <= 10)) {
    throw new RangeError(`retryBudget.ratio must be a number from 0 to 10, got ${limits.ratio}`);
  }
  integerAtLeast('retryBudget.minRetries', limits.minRetries, 0);
  integerAtLeast('retryBudget.windowMs', limits.windowMs, 10);
  return limits;
}

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
    const base = parseUpstreamBase(options.baseUrl);
    const url = new URL(base);
    const api = UpstreamApi.safeParse(options.api ?? 'seed');
    if (!api.success) throw new RangeError(`api must be seed or graph, got ${String(options.api)}`);
    const connections = integerAtLeast('connections', options.connections ?? 64, 1);
    const maxInFlight = integerAtLeast(
      'maxInFlight',
      options.maxInFlight ?? connections,
      1,
      connections,
    );
    const upstream = new Upstream({
      origin: url.origin,
      timeoutMs: integerAtLeast('timeoutMs', options.timeoutMs ?? 10_000, 1),
      maxRetries: integerAtLeast('maxRetries', options.maxRetries ?? 3, 0),
      retryBudgetMs: integerAtLeast('retryBudgetMs', options.retryBudgetMs ?? 10_000, 0),
      backoffBaseMs: integerAtLeast(
        'backoffBaseMs',
        options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
        0,
      ),
      connections,
      maxInFlight,
      maxQueue: integerAtLeast('maxQueue', options.maxQueue ?? maxInFlight, 0),
      retryBudget: retryBudgetLimits(options.retryBudget),
      clock: options.clock ?? systemClock,
      onUpstreamCall: options.onUpstreamCall,
      onUpstreamState: options.onUpstreamState,
    });
    this.#context = { upstream, api: api.data, base, basePath: url.pathname.replace(/\/+$/, '') };
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
   * given: the tenant's groups, for a picker. Under both profiles (the `seed` one reads the same
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
