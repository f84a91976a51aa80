import type { AttemptOutcome } from './attempt.ts';
import type { Clock } from './clock.ts';
import { toRetryAfterSeconds } from './retry-policy.ts';
import type { CallKind, ThrottleGate } from './throttle-gate.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';
import type { UpstreamStateEvent } from './upstream-observations.ts';

type Operation = UpstreamCallEvent['operation'];

/** Statuses whose `Retry-After` closes the gate: throttled, and unavailable (Graph sends both). */
const GATE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

const LIMIT_PERCENTAGE = 'x-ms-throttle-limit-percentage';

function throttleOf(outcome: AttemptOutcome): Readonly<Record<string, string>> {
  return outcome.type === 'answer' ? (outcome.answer.throttle ?? {}) : {};
}

/**
 * What the answers say about the upstream's state: closes the gates on a 429 or 503 with
 * `Retry-After`, keeps Graph's `x-ms-throttle-limit-percentage`, and reports each change once
 * (a gate closing, the retry budget running out, the limit percentage appearing) rather than
 * once per call, so a storm makes a few log lines, not thousands.
 *
 * The limit percentage is logged and exposed, not acted on: Graph sends it from 80 % of the
 * app's quota, a quota shared with every other instance and app of the tenant, so no rate this
 * gateway could pick from it would be right; the 429 that follows carries the `Retry-After`
 * that the gate obeys exactly.
 */
export class UpstreamWatch {
  readonly #gates: Record<CallKind, ThrottleGate>;
  readonly #onState: ((event: UpstreamStateEvent) => void) | undefined;
  readonly #limit: Record<CallKind, number> = { read: 0, write: 0 };
  readonly #clock: Clock;
  readonly #quietMs: number;
  #budgetReportedAt: number | undefined;

  /**
   * @param quietMs the least time between two `retryBudgetExhausted` reports: under steady
   *   overload the budget runs out and refills with every few calls, one line each would be a flood
   */
  constructor(
    gates: Record<CallKind, ThrottleGate>,
    onState: ((event: UpstreamStateEvent) => void) | undefined,
    clock: Clock,
    quietMs: number,
  ) {
    this.#gates = gates;
    this.#onState = onState;
    this.#clock = clock;
    this.#quietMs = quietMs;
  }

  /** Forgets the limit percentages and when the budget was last reported. */
  reset(): void {
    this.#limit.read = 0;
    this.#limit.write = 0;
    this.#budgetReportedAt = undefined;
  }

  /** The last limit percentage per kind (0 when the last answer had none). */
  throttleLimitPercentage(): Record<CallKind, number> {
    return { ...this.#limit };
  }

  /** Reads one attempt's answer: its gate, its throttle headers. */
  observe(
    kind: CallKind,
    operation: Operation,
    outcome: AttemptOutcome,
    verdict: { status?: number; retryAfterMs?: number },
  ): void {
    if (outcome.type !== 'answer') return;
    const throttle = throttleOf(outcome);
    const { status, retryAfterMs } = verdict;
    if (status !== undefined && GATE_STATUSES.has(status) && retryAfterMs !== undefined) {
      if (this.#gates[kind].close(retryAfterMs)) {
        const retryAfterSeconds = toRetryAfterSeconds(retryAfterMs);
        this.#emit({ type: 'gateClosed', kind, operation, status, retryAfterSeconds, throttle });
      }
    }
    const reported = Number.parseFloat(throttle[LIMIT_PERCENTAGE] ?? '');
    const percentage = Number.isFinite(reported) && reported > 0 ? reported : 0;
    if (percentage > 0 && this.#limit[kind] === 0) {
      this.#emit({ type: 'throttleLimitReported', kind, operation, percentage, throttle });
    }
    this.#limit[kind] = percentage;
  }

  /** Reports a retry refused for want of budget: the first, then at most one per `quietMs`. */
  retryBudget(
    allowed: boolean,
    operation: Operation,
    outcome: AttemptOutcome,
    status: number | undefined,
  ): void {
    if (allowed) return;
    const now = this.#clock.now();
    const last = this.#budgetReportedAt;
    if (last !== undefined && now - last < this.#quietMs) return;
    this.#budgetReportedAt = now;
    this.#emit({
      type: 'retryBudgetExhausted',
      operation,
      ...(status === undefined ? {} : { status }),
      throttle: throttleOf(outcome),
    });
  }

  #emit(event: UpstreamStateEvent): void {
    try {
      this.#onState?.(event);
    } catch {
      // Metrics and logs must never change the outcome of a call.
    }
  }
}
