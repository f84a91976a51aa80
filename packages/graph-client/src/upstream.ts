import { Pool } from 'undici';
import { Admission, type AdmissionLimits } from './admission.ts';
import { type AttemptOutcome, type RunningAttempt, startAttempt } from './attempt.ts';
import type { CallerSignal } from './caller.ts';
import type { Clock } from './clock.ts';
import { type Refusal, refusalFailure } from './refusal.ts';
import type { GraphFailure } from './result.ts';
import { RetryBudget, type RetryBudgetLimits } from './retry-budget.ts';
import { backoffDelayMs, toRetryAfterSeconds } from './retry-policy.ts';
import { type CallKind, callKindOf, ThrottleGate } from './throttle-gate.ts';
import type { UpstreamAnswer } from './upstream-answer.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';
import type { UpstreamStateEvent, UpstreamStats } from './upstream-observations.ts';
import type { UpstreamRequest } from './upstream-request.ts';
import { UpstreamWatch } from './upstream-watch.ts';
import { judgeAttempt, type OnDuplicateAfterRetry, type OnSuccess } from './verdict.ts';

/** How the calls to one upstream origin are made; validated by the client's constructor. */
export interface UpstreamSettings extends AdmissionLimits {
  /** `http(s)://host:port` of the upstream. */
  origin: string;
  timeoutMs: number;
  maxRetries: number;
  /** Every wait of a call before a send (queue, gate, backoff) ends within this of its start. */
  retryBudgetMs: number;
  backoffBaseMs: number;
  /** The pool's size; `maxInFlight` is at most this. */
  connections: number;
  retryBudget: RetryBudgetLimits;
  clock: Clock;
  onUpstreamCall: ((event: UpstreamCallEvent) => void) | undefined;
  onUpstreamState: ((event: UpstreamStateEvent) => void) | undefined;
}

// Whether an attempt reached the upstream: anything but a refused connection may have.
function reachedUpstream(outcome: AttemptOutcome): boolean {
  return outcome.type !== 'transport' || !outcome.refused;
}

/**
 * The one path every operation's request takes to one upstream origin: the throttle gate of its
 * kind, admission (in-flight bound and bounded queue), one attempt at a time on the keep-alive
 * pool, each judged, retried by the retry policy within the call's time budget and the origin's
 * retry budget, one event per attempt. Operations say what to send and how to read a 2xx.
 */
export class Upstream {
  readonly #settings: UpstreamSettings;
  readonly #pool: Pool;
  readonly #admission: Admission;
  readonly #budget: RetryBudget;
  readonly #gates: Record<CallKind, ThrottleGate>;
  readonly #watch: UpstreamWatch;
  // Attempts whose caller went away: left to finish (or time out) on their connection, so the
  // pool is not churned, and ended at once by close().
  readonly #abandoned = new Set<RunningAttempt>();
  #gateRefusals = 0;
  #connectionsOpened = 0;

  constructor(settings: UpstreamSettings) {
    this.#settings = settings;
    const { clock } = settings;
    // undici's own timers only back up the attempt timeout, which is what callers configure.
    const backstopMs = settings.timeoutMs + 1000;
    this.#pool = new Pool(settings.origin, {
      headersTimeout: backstopMs,
      bodyTimeout: backstopMs,
      // A connect is not part of the attempt's timer (it starts at writing): bounded here.
      connectTimeout: settings.timeoutMs,
      connections: settings.connections,
    });
    this.#pool.on('connect', () => {
      this.#connectionsOpened += 1;
    });
    this.#admission = new Admission(settings, clock);
    this.#budget = new RetryBudget(settings.retryBudget, clock);
    this.#gates = { read: new ThrottleGate(clock), write: new ThrottleGate(clock) };
    this.#watch = new UpstreamWatch(
      this.#gates,
      settings.onUpstreamState,
      clock,
      settings.retryBudget.windowMs,
    );
  }

  /** The clock every wait of this upstream is measured with. */
  get clock(): Clock {
    return this.#settings.clock;
  }

  /** The counters and gauges of this origin, for metrics. */
  stats(): UpstreamStats {
    return {
      inFlight: this.#admission.inFlight,
      queued: this.#admission.queued,
      refused: { ...this.#admission.refused, gateClosed: this.#gateRefusals },
      retries: this.#budget.spent,
      retriesDenied: this.#budget.denied,
      gateClosedSeconds: {
        read: this.#gates.read.closedSeconds(),
        write: this.#gates.write.closedSeconds(),
      },
      connectionsOpened: this.#connectionsOpened,
      throttleLimitPercentage: this.#watch.throttleLimitPercentage(),
    };
  }

  /**
   * Runs one call: waits for its gate and a slot (within its budget), then its attempts.
   * `onSuccess` reads a 2xx; `onDuplicateAfterRetry`, when given, turns a duplicate answer on a
   * retried attempt into success (the earlier attempt landed). Every failure says whether
   * anything was `sent`. Rejects only with the caller's abort reason, or for misuse.
   */
  async send<R extends { ok: boolean }>(
    request: UpstreamRequest,
    onSuccess: OnSuccess<R>,
    onDuplicateAfterRetry?: OnDuplicateAfterRetry<R>,
  ): Promise<R | GraphFailure> {
    const { clock, timeoutMs, maxRetries, retryBudgetMs, backoffBaseMs } = this.#settings;
    request.signal?.throwIfAborted();
    const startedAt = request.startedAt ?? clock.now();
    const deadline = startedAt + retryBudgetMs;
    const kind = request.kind ?? callKindOf(request.method);
    let sent = false;
    let previous: GraphFailure | undefined;
    // Bounded: each pass either returns, spends one of maxRetries retries, or was held back by a
    // gate that closed (which only the call's deadline bounds: #admit refuses past it).
    for (let attempt = 1; ; attempt++) {
      const admitted = await this.#admit(kind, deadline, request.signal);
      if ('reason' in admitted) {
        // A retry that cannot start leaves the call with the upstream's last answer.
        return previous ?? refusalFailure(admitted);
      }
      const attemptStartedAt = clock.now();
      const outcome = await this.#attempt(request, kind, admitted.release);
      if (outcome.type === 'heldBack') {
        attempt -= 1;
        continue;
      }
      const durationMs = Math.max(0, clock.now() - attemptStartedAt);
      if (attempt === 1) this.#budget.recordFirstAttempt();
      sent ||= reachedUpstream(outcome);
      const verdict = judgeAttempt(
        outcome,
        { request, attempt, timeoutMs, nowMs: clock.now() },
        onSuccess,
        onDuplicateAfterRetry,
      );
      this.#watch.observe(kind, request.operation, outcome, verdict);
      const event = {
        operation: request.operation,
        attempt,
        durationMs,
        ...(verdict.status === undefined ? {} : { status: verdict.status }),
        ...(verdict.requestId === undefined ? {} : { requestId: verdict.requestId }),
      };
      let result = verdict.result;
      if (!result.ok) result = { ...(result as GraphFailure), sent };
      if (verdict.retryable && !result.ok) {
        const waitMs =
          verdict.retryAfterMs ?? backoffDelayMs(attempt - 1, backoffBaseMs, clock.random());
        const withinTime = clock.now() - startedAt + waitMs <= retryBudgetMs;
        if (verdict.retryAfterMs !== undefined) {
          result = {
            ...(result as GraphFailure),
            retryAfterSeconds: toRetryAfterSeconds(verdict.retryAfterMs),
          };
        }
        if (attempt <= maxRetries && withinTime && this.#retryAllowed(request, outcome, verdict)) {
          this.#emit({ ...event, outcome: 'retry' });
          await clock.sleep(waitMs, request.signal);
          previous = result as GraphFailure;
          continue;
        }
      }
      this.#emit({ ...event, outcome: result.ok ? 'ok' : (result as GraphFailure).kind });
      return result;
    }
  }

  /**
   * One step of a JSON batch, read as a single call's answer is: a 429 or 503 with `Retry-After`
   * closes the write gate (Graph counts each step against the write quota), so the other writes
   * to this origin wait too instead of collecting 429s of their own.
   */
  observeStep(
    operation: UpstreamCallEvent['operation'],
    answer: UpstreamAnswer,
    retryAfterMs: number | undefined,
  ): void {
    const verdict = {
      status: answer.status,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
    this.#watch.observe('write', operation, { type: 'answer', answer }, verdict);
  }

  /**
   * Asks the origin's retry budget for one re-send of batch steps answered 429 or 503: a re-sent
   * batch is a retry like any other, so a bulk move cannot turn a throttled upstream into a storm.
   */
  tryResend(operation: UpstreamCallEvent['operation']): boolean {
    const allowed = this.#budget.tryRetry();
    // No single answer's headers to report: the steps' throttling was observed as they came.
    this.#watch.retryBudget(allowed, operation, { type: 'timeout' }, undefined);
    return allowed;
  }

  /**
   * Forgets what the upstream said: opens both gates, empties the retry budget's window. For a
   * provider-state reset in contract tests, where one gateway answers many independent scenarios.
   */
  resetState(): void {
    this.#gates.read.open();
    this.#gates.write.open();
    this.#budget.reset();
    this.#watch.reset();
  }

  /** Ends abandoned attempts, then closes the pool's connections once calls in flight are done. */
  async close(): Promise<void> {
    for (const attempt of this.#abandoned) attempt.abort();
    await this.#pool.close();
  }

  // The gate of the call's kind, then a slot; a gate that closed while the call was queued is
  // waited for again, so nothing is sent while it is closed.
  async #admit(
    kind: CallKind,
    deadline: number,
    signal: CallerSignal | undefined,
  ): Promise<{ release(): void } | Refusal> {
    for (;;) {
      const gateMs = await this.#gates[kind].wait(deadline, this.#settings.maxQueue, signal);
      if (gateMs > 0) {
        this.#gateRefusals += 1;
        return { reason: 'gateClosed', retryAfterMs: gateMs };
      }
      const permit = await this.#admission.acquire(deadline, signal);
      if (typeof permit === 'string') return { reason: permit };
      if (this.#gates[kind].remainingMs() === 0) return permit;
      permit.release();
    }
  }

  #retryAllowed(
    request: UpstreamRequest,
    outcome: AttemptOutcome,
    verdict: { status?: number },
  ): boolean {
    const allowed = this.#budget.tryRetry();
    this.#watch.retryBudget(allowed, request.operation, outcome, verdict.status);
    return allowed;
  }

  // One attempt holding one slot. A caller that aborts gets its reason at once; the attempt runs
  // on to its answer or its timeout, holding its slot (the upstream is still working on it), and
  // its connection stays in the pool: cutting it would open a new one for the next call.
  #attempt(request: UpstreamRequest, kind: CallKind, release: () => void): Promise<AttemptOutcome> {
    const gate = this.#gates[kind];
    const attempt = startAttempt(request, {
      pool: this.#pool,
      origin: this.#settings.origin,
      timeoutMs: this.#settings.timeoutMs,
      clock: this.#settings.clock,
      // Admitted while the gate was open, it may have closed since (a connect takes time, and
      // the first wave of a cold pool waits for its connections): nothing is written while closed.
      mayWrite: () => gate.remainingMs() === 0,
    });
    const running = attempt.outcome.finally(() => {
      release();
      this.#abandoned.delete(attempt);
    });
    const { signal } = request;
    if (signal === undefined) return running;
    return new Promise<AttemptOutcome>((resolve, reject) => {
      const onAbort = () => {
        this.#abandoned.add(attempt);
        // The abandoned attempt's outcome has no reader; a misuse error was already thrown once.
        running.catch(() => {});
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      running.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  #emit(event: UpstreamCallEvent): void {
    try {
      this.#settings.onUpstreamCall?.(event);
    } catch {
      // Metrics and logs must never change the outcome of a call.
    }
  }
}
