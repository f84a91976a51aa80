import { parseUpstreamBase, UpstreamApi } from '@connectors/domain';
import { type Clock, systemClock } from './clock.ts';
import type { OperationContext } from './operations/operation-context.ts';
import { DEFAULT_RETRY_BUDGET, type RetryBudgetLimits } from './retry-budget.ts';
import { DEFAULT_BACKOFF_BASE_MS } from './retry-policy.ts';
import { Upstream } from './upstream.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';
import type { UpstreamStateEvent } from './upstream-observations.ts';

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
 * The options checked and completed with their defaults: the one {@link Upstream} and what every
 * operation reads (`OperationContext`).
 * @throws {TypeError} for a base URL that is not absolute http(s) without query or credentials
 * @throws {RangeError} for a number option out of range, or an `api` that is not seed or graph
 */
export function operationContextFrom(options: GraphClientOptions): OperationContext {
  const base = parseUpstreamBase(options.baseUrl);
  const url = new URL(base);
  const api = UpstreamApi.safeParse(options.api ?? 'seed');
  if (!api.success) throw new RangeError(`api must be seed or graph, got ${String(options.api)}`);
  const retryBudgetMs = integerAtLeast('retryBudgetMs', options.retryBudgetMs ?? 10_000, 0);
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
    retryBudgetMs,
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
  return {
    upstream,
    api: api.data,
    base,
    basePath: url.pathname.replace(/\/+$/, ''),
    retryBudgetMs,
  };
}
