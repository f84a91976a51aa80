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
import { DEFAULT_BACKOFF_BASE_MS } from './retry-policy.ts';
import { Upstream } from './upstream.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';

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
  /** Called once per attempt; a listener that throws is ignored. */
  onUpstreamCall?: (event: UpstreamCallEvent) => void;
  /** Time, timers and jitter; for tests. Default: the system clock. */
  clock?: Clock;
  /** First backoff step when no `Retry-After` is given; for tests. Default 200. */
  backoffBaseMs?: number;
}

function integerAtLeast(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer of at least ${min}, got ${value}`);
  }
  return value;
}

/**
 * The one REST client for a connector's `memberOf` (docs/rest-upstream.md): a keep-alive undici pool
 * to one origin, a timeout per attempt, POST-safe retries, and typed results. An HTTP answer,
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
      connections: integerAtLeast('connections', options.connections ?? 64, 1),
      clock: options.clock ?? systemClock,
      onUpstreamCall: options.onUpstreamCall,
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

  /** Closes the pool's connections once requests in flight are done. */
  async close(): Promise<void> {
    await this.#context.upstream.close();
  }
}
