import { type Clock, systemClock } from '../src/clock.ts';

/** Wall time at which every manual clock starts. */
export const MANUAL_CLOCK_START = Date.parse('2025-03-01T12:00:00Z');

/**
 * A clock whose waits are recorded and take no real time: `sleep(ms)` moves `now` forward by
 * `ms` at once. Attempt timeouts stay real (tests use small ones), so a hanging upstream still
 * ends an attempt.
 */
export function manualClock(options: { random?: number; onSleep?: () => Promise<void> } = {}) {
  let now = MANUAL_CLOCK_START;
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
      await options.onSleep?.();
    },
    setTimer: systemClock.setTimer,
    random: () => options.random ?? 0.5,
  };
  return { clock, sleeps };
}
