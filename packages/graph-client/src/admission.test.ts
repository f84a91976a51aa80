import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Admission, type AdmissionRefusal, type Permit } from './admission.ts';
import { systemClock } from './clock.ts';

// The system clock under vitest's fake timers: queue deadlines fire only when the test says.
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function permit(value: Permit | AdmissionRefusal): Permit {
  if (typeof value === 'string') throw new Error(`expected a permit, got ${value}`);
  return value;
}

describe('Admission', () => {
  it('grants up to maxInFlight at once, queues up to maxQueue, refuses the rest at once', async () => {
    const admission = new Admission({ maxInFlight: 2, maxQueue: 1 }, systemClock);
    const first = permit(await admission.acquire(10_000));
    permit(await admission.acquire(10_000));
    const queued = admission.acquire(10_000);
    expect(await admission.acquire(10_000)).toBe('queueFull');
    expect([admission.inFlight, admission.queued]).toEqual([2, 1]);

    first.release();
    permit(await queued);
    expect([admission.inFlight, admission.queued]).toEqual([2, 0]);
    expect(admission.refused).toEqual({ queueFull: 1, queueTimeout: 0 });
  });

  it('admits waiters first come, first served, and a permit released twice frees one slot', async () => {
    const admission = new Admission({ maxInFlight: 1, maxQueue: 5 }, systemClock);
    const order: number[] = [];
    const holder = permit(await admission.acquire(10_000));
    const waiters = [1, 2, 3].map((n) =>
      admission.acquire(10_000).then((value) => {
        order.push(n);
        return permit(value);
      }),
    );
    holder.release();
    holder.release();
    const one = await waiters[0];
    expect(admission.inFlight).toBe(1);
    expect(admission.queued).toBe(2);
    one?.release();
    (await waiters[1])?.release();
    (await waiters[2])?.release();
    expect(order).toEqual([1, 2, 3]);
    expect(admission.inFlight).toBe(0);
  });

  it('a waiter leaves the queue at its deadline, refused, and never takes a slot after', async () => {
    const admission = new Admission({ maxInFlight: 1, maxQueue: 5 }, systemClock);
    const holder = permit(await admission.acquire(10_000));
    const late = admission.acquire(500);
    const patient = admission.acquire(10_000);
    await vi.advanceTimersByTimeAsync(500);
    expect(await late).toBe('queueTimeout');
    expect(admission.queued).toBe(1);

    holder.release();
    permit(await patient);
    expect(admission.refused.queueTimeout).toBe(1);
  });

  it('a deadline already past is refused without waiting', async () => {
    const admission = new Admission({ maxInFlight: 1, maxQueue: 5 }, systemClock);
    permit(await admission.acquire(10_000));
    expect(await admission.acquire(Date.now())).toBe('queueTimeout');
    expect(admission.queued).toBe(0);
  });

  it('a caller that aborts while queued leaves the queue with its reason', async () => {
    const admission = new Admission({ maxInFlight: 1, maxQueue: 5 }, systemClock);
    const holder = permit(await admission.acquire(10_000));
    const controller = new AbortController();
    const reason = new Error('gone');
    const waiting = admission.acquire(10_000, controller.signal);
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(admission.queued).toBe(0);
    holder.release();
    expect(admission.inFlight).toBe(0);
    await expect(admission.acquire(10_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('maxQueue 0 refuses every call that finds the slots taken', async () => {
    const admission = new Admission({ maxInFlight: 1, maxQueue: 0 }, systemClock);
    permit(await admission.acquire(10_000));
    expect(await admission.acquire(10_000)).toBe('queueFull');
  });

  it('never has more than maxInFlight slots out, whatever the order of calls (random walk)', async () => {
    const admission = new Admission({ maxInFlight: 3, maxQueue: 4 }, systemClock);
    const held: Permit[] = [];
    let most = 0;
    // A fixed pseudo-random walk: acquire, release or let time pass, 2,000 steps.
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let step = 0; step < 2000; step++) {
      const roll = next();
      if (roll < 0.5) {
        void admission.acquire(Date.now() + 100).then((value) => {
          if (typeof value !== 'string') held.push(value);
        });
      } else if (roll < 0.85) {
        held.splice(Math.floor(next() * held.length), 1)[0]?.release();
      } else {
        await vi.advanceTimersByTimeAsync(50);
      }
      await Promise.resolve();
      most = Math.max(most, admission.inFlight);
      expect(admission.queued).toBeLessThanOrEqual(4);
    }
    expect(most).toBe(3);
  });
});
