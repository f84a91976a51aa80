import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from './clock.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('systemClock', () => {
  it('sleeps for the time asked, under fake timers (no real 10 s wait)', async () => {
    vi.useFakeTimers();
    let done = false;
    const sleeping = systemClock.sleep(10_000).then(() => {
      done = true;
    });

    await vi.advanceTimersByTimeAsync(9_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('stops sleeping with the reason when the signal aborts', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const reason = new Error('caller left');
    const sleeping = systemClock.sleep(60_000, controller.signal);

    controller.abort(reason);

    await expect(sleeping).rejects.toBe(reason);
    await expect(systemClock.sleep(1, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('fires a timer once unless cancelled', async () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    systemClock.setTimer(() => fired.push('kept'), 10_000);
    const cancel = systemClock.setTimer(() => fired.push('cancelled'), 10_000);
    cancel();

    await vi.advanceTimersByTimeAsync(20_000);

    expect(fired).toEqual(['kept']);
  });

  it('gives jitter in [0, 1)', () => {
    for (let i = 0; i < 100; i++) {
      const value = systemClock.random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
