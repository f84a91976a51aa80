import type { CallerSignal } from './caller.ts';
import type { Clock } from './clock.ts';

/**
 * Admission to one upstream origin: at most `maxInFlight` requests in flight, at most `maxQueue`
 * waiting behind them (first come, first served), and a refusal past that, at once, rather than
 * an unbounded queue. A waiter leaves the queue at its deadline, refused, before anything was
 * sent. A pure module with an injected clock, like the retry policy: tested without sockets.
 *
 * Why the client bounds in flight itself rather than leaving it to undici's pool: undici queues
 * without bound and starts nothing until a connection frees, so a timer started before
 * `request()` counted the queue, and a call could be sent late, then aborted (issue 15: 2,016
 * upstream requests over 1,886 new connections for 100 callers). Holding calls here, with
 * `maxInFlight` no larger than the pool, hands every admitted request straight to a connection.
 */
export interface AdmissionLimits {
  /** Requests in flight at once. */
  maxInFlight: number;
  /** Requests waiting for a slot; 0 refuses every call that finds all slots taken. */
  maxQueue: number;
}

/** Why a call was not admitted: the queue was full, or its wait reached its deadline. */
export type AdmissionRefusal = 'queueFull' | 'queueTimeout';

/** A slot in flight; `release` frees it (once; later calls do nothing). */
export interface Permit {
  release(): void;
}

interface Waiter {
  resolve(result: Permit | AdmissionRefusal): void;
  cleanup(): void;
}

/** See {@link AdmissionLimits}. */
export class Admission {
  readonly #limits: AdmissionLimits;
  readonly #clock: Clock;
  readonly #queue: Waiter[] = [];
  #inFlight = 0;
  readonly #refused: Record<AdmissionRefusal, number> = { queueFull: 0, queueTimeout: 0 };

  constructor(limits: AdmissionLimits, clock: Clock) {
    this.#limits = limits;
    this.#clock = clock;
  }

  /** Requests holding a slot now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Requests waiting for a slot now. */
  get queued(): number {
    return this.#queue.length;
  }

  /** Calls refused since the start, by reason. */
  get refused(): Readonly<Record<AdmissionRefusal, number>> {
    return this.#refused;
  }

  /**
   * A slot, at once when one is free and nobody waits, else after waiting in the queue until
   * `deadlineMs` (the clock's time) at the latest.
   * @returns the permit, or why none was given (nothing was sent)
   * Rejects with the signal's reason when it aborts first (the call leaves the queue).
   */
  acquire(deadlineMs: number, signal?: CallerSignal): Promise<Permit | AdmissionRefusal> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#inFlight < this.#limits.maxInFlight && this.#queue.length === 0) {
      return Promise.resolve(this.#grant());
    }
    if (this.#queue.length >= this.#limits.maxQueue) return this.#refuse('queueFull');
    const waitMs = deadlineMs - this.#clock.now();
    if (waitMs <= 0) return this.#refuse('queueTimeout');
    return new Promise<Permit | AdmissionRefusal>((resolve, reject) => {
      const leave = () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        waiter.cleanup();
      };
      const onAbort = () => {
        leave();
        reject(signal?.reason);
      };
      const cancelTimer = this.#clock.setTimer(() => {
        leave();
        this.#refused.queueTimeout += 1;
        resolve('queueTimeout');
      }, waitMs);
      const waiter: Waiter = {
        resolve,
        cleanup: () => {
          cancelTimer();
          signal?.removeEventListener('abort', onAbort);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  #refuse(reason: AdmissionRefusal): Promise<AdmissionRefusal> {
    this.#refused[reason] += 1;
    return Promise.resolve(reason);
  }

  #grant(): Permit {
    this.#inFlight += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.#inFlight -= 1;
        this.#admitNext();
      },
    };
  }

  #admitNext(): void {
    while (this.#inFlight < this.#limits.maxInFlight) {
      const next = this.#queue.shift();
      if (next === undefined) return;
      next.cleanup();
      next.resolve(this.#grant());
    }
  }
}
