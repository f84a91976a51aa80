import type { CallerSignal } from './caller.ts';
/**
 * Time and chance as the client sees them. Injected so that retry waits, the budget and jitter
 * are deterministic under test; production uses {@link systemClock}.
 */
export interface Clock {
  /** Milliseconds since the epoch (only differences and HTTP dates are compared with it). */
  now(): number;
  /**
   * Resolves after `ms`; rejects with `signal.reason` when the signal aborts first.
   */
  sleep(ms: number, signal?: CallerSignal): Promise<void>;
  /** Calls `callback` after `ms`; returns the function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
  /** A number in [0, 1), for jitter. */
  random(): number;
}

/** The real clock. Reads the globals at call time, so test fake timers apply to it too. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  setTimer: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
  random: () => Math.random(),
};
