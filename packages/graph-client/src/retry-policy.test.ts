import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  retriesWithoutAnswer,
  toRetryAfterSeconds,
} from './retry-policy.ts';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 12 ', NOW)).toBe(12_000);
  });

  it('reads an HTTP date relative to now, and a past date as no wait', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', NOW)).toBe(0);
    // RFC 850, an obsolete form HTTP recipients must still accept.
    expect(parseRetryAfter('Saturday, 01-Mar-25 12:00:05 GMT', NOW)).toBe(5000);
  });

  it('gives undefined for absent or unreadable values, so backoff applies', () => {
    for (const value of [undefined, '', 'soon', '-1', '1.5', 'Sat, 99 Foo 2025']) {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    }
  });

  it('never returns a negative or non-finite wait (property)', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const wait = parseRetryAfter(value, NOW);
        return wait === undefined || (Number.isFinite(wait) && wait >= 0);
      }),
    );
  });

  it('round-trips any delay-seconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        return parseRetryAfter(String(seconds), NOW) === seconds * 1000;
      }),
    );
  });
});

describe('backoffDelayMs', () => {
  it('starts at the base and doubles, with up to 50% jitter on top', () => {
    expect(backoffDelayMs(0, 200, 0)).toBe(200);
    expect(backoffDelayMs(0, 200, 0.999)).toBe(300);
    expect(backoffDelayMs(1, 200, 0)).toBe(400);
    expect(backoffDelayMs(2, 200, 0.5)).toBe(1000);
  });

  it('stays within [base*2^n, 1.5*base*2^n] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, base, random) => {
          const wait = backoffDelayMs(n, base, random);
          return wait >= base * 2 ** n && wait <= Math.round(1.5 * base * 2 ** n);
        },
      ),
    );
  });
});

describe('retry policy', () => {
  it('retries exactly 429, 503 and 504', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([429, 503, 504]);
  });

  it('rounds waits up to whole seconds', () => {
    expect(toRetryAfterSeconds(0)).toBe(0);
    expect(toRetryAfterSeconds(1)).toBe(1);
    expect(toRetryAfterSeconds(1000)).toBe(1);
    expect(toRetryAfterSeconds(1001)).toBe(2);
  });
});

describe('retriesWithoutAnswer', () => {
  it('a POST retries only a refused connection; a read retries any failure without an answer', () => {
    expect(retriesWithoutAnswer('postSafe', true)).toBe(true);
    expect(retriesWithoutAnswer('postSafe', false)).toBe(false);
    expect(retriesWithoutAnswer('read', true)).toBe(true);
    expect(retriesWithoutAnswer('read', false)).toBe(true);
  });
});
