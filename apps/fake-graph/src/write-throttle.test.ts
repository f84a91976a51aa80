import { describe, expect, it } from 'vitest';
import { everyNthWrite, writeQuota } from './write-throttle.ts';

describe('everyNthWrite', () => {
  it('throttles exactly the nth, 2nth, ... write, throttled ones counted', () => {
    const throttle = everyNthWrite(3, 2);
    const answers = Array.from({ length: 9 }, () => throttle.admit(0));
    expect(answers).toEqual([
      undefined,
      undefined,
      2,
      undefined,
      undefined,
      2,
      undefined,
      undefined,
      2,
    ]);
  });

  it('refuses an n or a Retry-After that is no whole number', () => {
    expect(() => everyNthWrite(0, 1)).toThrow('n must be a positive integer, got 0');
    expect(() => everyNthWrite(2, -1)).toThrow('retryAfterSeconds must be a whole number, got -1');
  });
});

describe('writeQuota', () => {
  it('admits N writes per sliding window, then answers the seconds until the oldest leaves', () => {
    const quota = writeQuota({ writes: 2, windowSeconds: 10 });
    expect(quota.admit(0)).toBeUndefined();
    expect(quota.admit(4_000)).toBeUndefined();
    // Full: the write at 0 leaves the window at 10 s.
    expect(quota.admit(5_000)).toBe(5);
    expect(quota.admit(9_500)).toBe(1);
    // A throttled write did not count: at 10 s one slot is free again, at 14 s the next.
    expect(quota.admit(10_000)).toBeUndefined();
    expect(quota.admit(10_001)).toBe(4);
    expect(quota.admit(14_000)).toBeUndefined();
  });

  it('refuses a quota of no writes or no window', () => {
    expect(() => writeQuota({ writes: 0, windowSeconds: 1 })).toThrow('writes');
    expect(() => writeQuota({ writes: 1, windowSeconds: 0.5 })).toThrow('windowSeconds');
  });
});
