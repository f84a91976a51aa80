import type { CallerSignal } from './caller.ts';
import type { Clock } from './clock.ts';

/**
 * The two kinds of call Graph throttles apart (directory writes have their own quota: 3,000 per
 * 150 s per app and tenant), each with its own gate.
 */
export type CallKind = 'read' | 'write';

/** A GET is a read; anything else a write (a `$batch` POST of reads may say `read` itself). */
export function callKindOf(method: string): CallKind {
  return method === 'GET' ? 'read' : 'write';
}

/**
 * A throttle gate for one kind of call to one upstream origin: a 429 (or 503) with
 * `Retry-After` closes it until that time passes, and no call of that kind is sent meanwhile.
 * Without it, after one 429 every other call still went out and collected its own (issue 15),
 * each one extending the tenant's throttling. A pure module with an injected clock.
 */
export class ThrottleGate {
  readonly #clock: Clock;
  // When it opens again (the clock's time); at or before now: open.
  #until = 0;
  // Closed time counted so far, including the part of the current closing still to come.
  #closedMs = 0;
  #closings = 0;
  #waiters = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /**
   * Closes the gate for `waitMs` from now, or keeps it closed that long when it already is;
   * a shorter wait never shortens a closing.
   * @returns true when the gate was open and is now closed (a new closing, worth one log line)
   */
  close(waitMs: number): boolean {
    const now = this.#clock.now();
    const until = now + waitMs;
    if (waitMs <= 0 || until <= this.#until) return false;
    const wasOpen = this.#until <= now;
    this.#closedMs += until - Math.max(now, this.#until);
    this.#until = until;
    if (wasOpen) this.#closings += 1;
    return wasOpen;
  }

  /** Opens it now; the time it was closed so far stays counted. */
  open(): void {
    this.#closedMs -= this.remainingMs();
    this.#until = 0;
  }

  /** Milliseconds until it opens; 0 when open. */
  remainingMs(): number {
    return Math.max(0, this.#until - this.#clock.now());
  }

  /**
   * Waits for the gate to open when it opens before `deadline` and fewer than `maxWaiters` wait
   * already: waiting at a closed gate is queueing too, bounded like the queue, so a crowd that
   * arrived during a long `Retry-After` is told the gate's wait (RATE_LIMITED) instead of all
   * meeting a full queue the moment it opens.
   * @returns 0 once open (at once, or after waiting); else the milliseconds it stays closed
   */
  async wait(deadline: number, maxWaiters: number, signal?: CallerSignal): Promise<number> {
    const remaining = this.remainingMs();
    if (remaining === 0) return 0;
    if (this.#clock.now() + remaining > deadline || this.#waiters >= maxWaiters) return remaining;
    this.#waiters += 1;
    try {
      await this.#clock.sleep(remaining, signal);
    } finally {
      this.#waiters -= 1;
    }
    return 0;
  }

  /** Seconds it has been closed since the start (a counter: only grows). */
  closedSeconds(): number {
    return (this.#closedMs - this.remainingMs()) / 1000;
  }

  /** How many times it closed since the start. */
  get closings(): number {
    return this.#closings;
  }
}
