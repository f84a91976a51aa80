import { Client, type Dispatcher, Pool } from 'undici';
import { sendAttempt } from './attempt.ts';
import type { Clock } from './clock.ts';
import type { GraphFailure } from './result.ts';
import { backoffDelayMs, toRetryAfterSeconds } from './retry-policy.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';
import type { UpstreamRequest } from './upstream-request.ts';
import { judgeAttempt, type OnDuplicateAfterRetry, type OnSuccess } from './verdict.ts';

/** How the calls to one upstream origin are made; validated by the client's constructor. */
export interface UpstreamSettings {
  /** `http(s)://host:port` of the upstream. */
  origin: string;
  timeoutMs: number;
  maxRetries: number;
  retryBudgetMs: number;
  backoffBaseMs: number;
  connections: number;
  clock: Clock;
  onUpstreamCall: ((event: UpstreamCallEvent) => void) | undefined;
}

/**
 * The one path every operation's request takes to one upstream origin: the keep-alive pool,
 * one attempt at a time, each judged, retried by the retry policy within the call's budget, one
 * event per attempt. Operations say what to send and how to read a 2xx; nothing else.
 */
export class Upstream {
  readonly #settings: UpstreamSettings;
  readonly #pool: Pool;
  readonly #dispatcherOptions: Pool.Options;

  constructor(settings: UpstreamSettings) {
    this.#settings = settings;
    // undici's own timers only back up the attempt timeout, which is what callers configure.
    const backstopMs = settings.timeoutMs + 1000;
    this.#dispatcherOptions = { headersTimeout: backstopMs, bodyTimeout: backstopMs };
    this.#pool = new Pool(settings.origin, {
      ...this.#dispatcherOptions,
      connections: settings.connections,
    });
  }

  /** The clock every wait of this upstream is measured with. */
  get clock(): Clock {
    return this.#settings.clock;
  }

  /**
   * Runs the attempts of one call. `onSuccess` reads a 2xx; `onDuplicateAfterRetry`, when given,
   * turns a duplicate answer on a retried attempt into success (the earlier attempt landed).
   * Rejects only with the caller's abort reason, or for misuse.
   */
  async send<R extends { ok: boolean }>(
    request: UpstreamRequest,
    onSuccess: OnSuccess<R>,
    onDuplicateAfterRetry?: OnDuplicateAfterRetry<R>,
  ): Promise<R | GraphFailure> {
    const { clock, timeoutMs, maxRetries, retryBudgetMs, backoffBaseMs } = this.#settings;
    request.signal?.throwIfAborted();
    const startedAt = request.startedAt ?? clock.now();
    let freshConnection = false;
    // Bounded: each pass either returns or spends one of maxRetries retries.
    for (let attempt = 1; ; attempt++) {
      const attemptStartedAt = clock.now();
      const outcome = await this.#attempt(request, freshConnection);
      const durationMs = Math.max(0, clock.now() - attemptStartedAt);
      const verdict = judgeAttempt(
        outcome,
        { request, attempt, timeoutMs, nowMs: clock.now() },
        onSuccess,
        onDuplicateAfterRetry,
      );
      const event = {
        operation: request.operation,
        attempt,
        durationMs,
        ...(verdict.status === undefined ? {} : { status: verdict.status }),
        ...(verdict.requestId === undefined ? {} : { requestId: verdict.requestId }),
      };
      let result = verdict.result;
      if (verdict.retryable && !result.ok) {
        const waitMs =
          verdict.retryAfterMs ?? backoffDelayMs(attempt - 1, backoffBaseMs, clock.random());
        const withinBudget = clock.now() - startedAt + waitMs <= retryBudgetMs;
        if (attempt <= maxRetries && withinBudget) {
          this.#emit({ ...event, outcome: 'retry' });
          await clock.sleep(waitMs, request.signal);
          // Graph asks that a 503 be retried on a new connection: the old one may be the sick one.
          freshConnection = verdict.status === 503;
          continue;
        }
        if (verdict.retryAfterMs !== undefined) {
          result = {
            ...(result as GraphFailure),
            retryAfterSeconds: toRetryAfterSeconds(verdict.retryAfterMs),
          };
        }
      }
      this.#emit({ ...event, outcome: result.ok ? 'ok' : (result as GraphFailure).kind });
      return result;
    }
  }

  /** Closes the pool's connections once requests in flight are done. */
  async close(): Promise<void> {
    await this.#pool.close();
  }

  async #attempt(request: UpstreamRequest, freshConnection: boolean) {
    // A one-off connection, closed after this attempt, for the retry that must not reuse one.
    const dispatcher: Dispatcher = freshConnection
      ? new Client(this.#settings.origin, this.#dispatcherOptions)
      : this.#pool;
    try {
      return await sendAttempt(request, {
        dispatcher,
        origin: this.#settings.origin,
        timeoutMs: this.#settings.timeoutMs,
        clock: this.#settings.clock,
        reset: freshConnection,
      });
    } finally {
      if (dispatcher !== this.#pool) await dispatcher.destroy();
    }
  }

  #emit(event: UpstreamCallEvent): void {
    try {
      this.#settings.onUpstreamCall?.(event);
    } catch {
      // Metrics and logs must never change the outcome of a call.
    }
  }
}
