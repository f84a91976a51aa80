import type { Clock } from './clock.ts';

/**
 * A retry budget shared by every call to one upstream origin, in the manner of Envoy's retry
 * budgets and gRPC's retry throttling: over a sliding window, retries may be at most `ratio` of
 * the first attempts, plus `minRetries` so that isolated failures on a quiet gateway are still
 * retried. When the upstream fails everything, each caller's request then costs about
 * `1 + ratio` calls instead of `1 + maxRetries` (issue 15 measured 4 under a 503 storm).
 */
export interface RetryBudgetLimits {
  /** Retries allowed per first attempt in the window, e.g. 0.2. */
  ratio: number;
  /** Retries always allowed in the window, whatever the traffic. */
  minRetries: number;
  /** The window's length. */
  windowMs: number;
}

/** Default limits: 20 % plus 10 retries per 10 s (docs/running.md gives the reasoning). */
export const DEFAULT_RETRY_BUDGET: RetryBudgetLimits = {
  ratio: 0.2,
  minRetries: 10,
  windowMs: 10_000,
};

// The window is kept as this many buckets: counts leave it a tenth of a window at a time, which
// is precise enough for a budget and costs two small arrays whatever the traffic.
const BUCKETS = 10;

/** See {@link RetryBudgetLimits}. */
export class RetryBudget {
  readonly #limits: RetryBudgetLimits;
  readonly #clock: Clock;
  readonly #bucketMs: number;
  readonly #stamps = new Array<number>(BUCKETS).fill(-1);
  readonly #firsts = new Array<number>(BUCKETS).fill(0);
  readonly #retries = new Array<number>(BUCKETS).fill(0);
  #spent = 0;
  #denied = 0;

  constructor(limits: RetryBudgetLimits, clock: Clock) {
    this.#limits = limits;
    this.#clock = clock;
    this.#bucketMs = Math.max(1, limits.windowMs / BUCKETS);
  }

  /** Retries granted since the start. */
  get spent(): number {
    return this.#spent;
  }

  /** Retries refused for want of budget since the start. */
  get denied(): number {
    return this.#denied;
  }

  /** Forgets the window (the totals stay): a fresh start, as after a long quiet spell. */
  reset(): void {
    this.#stamps.fill(-1);
    this.#firsts.fill(0);
    this.#retries.fill(0);
  }

  /** Counts a call's first attempt: what earns the budget. */
  recordFirstAttempt(): void {
    const index = this.#current();
    this.#firsts[index] = (this.#firsts[index] ?? 0) + 1;
  }

  /**
   * Spends one retry when the window allows it.
   * @returns true when the retry may be made (and is counted), false when the budget is spent
   */
  tryRetry(): boolean {
    const index = this.#current();
    let firsts = 0;
    let retries = 0;
    for (let i = 0; i < BUCKETS; i++) {
      firsts += this.#firsts[i] ?? 0;
      retries += this.#retries[i] ?? 0;
    }
    if (retries >= this.#limits.minRetries + this.#limits.ratio * firsts) {
      this.#denied += 1;
      return false;
    }
    this.#retries[index] = (this.#retries[index] ?? 0) + 1;
    this.#spent += 1;
    return true;
  }

  // The bucket for now, after emptying every bucket that has left the window.
  #current(): number {
    const tick = Math.floor(this.#clock.now() / this.#bucketMs);
    for (let i = 0; i < BUCKETS; i++) {
      const stamp = this.#stamps[i] ?? -1;
      if (stamp !== -1 && tick - stamp >= BUCKETS) {
        this.#stamps[i] = -1;
        this.#firsts[i] = 0;
        this.#retries[i] = 0;
      }
    }
    const index = ((tick % BUCKETS) + BUCKETS) % BUCKETS;
    if (this.#stamps[index] !== tick) {
      this.#stamps[index] = tick;
      this.#firsts[index] = 0;
      this.#retries[index] = 0;
    }
    return index;
  }
}
