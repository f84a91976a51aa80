/**
 * Throttling of individual writes, as Graph throttles a tenant's writes: a write (a POST, PUT,
 * PATCH or DELETE, whether sent alone or as one step of a JSON batch) is answered 429 with its
 * own `Retry-After` while the others go through. Reads are never counted or throttled, and
 * neither is the `$batch` POST itself: only its steps. Set through {@link Controls}, never
 * over HTTP.
 */
export interface WriteThrottle {
  /**
   * Asks to run one write now. Returns the whole seconds to wait when it is throttled, else
   * undefined (and the write counts).
   */
  admit(nowMs: number): number | undefined;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * Every `n`th write (the `n`th, `2n`th, ... since this throttle was set, throttled ones
 * included) is answered 429 with `Retry-After: retryAfterSeconds`. Deterministic, so a test can
 * predict exactly which steps of a batch fail and how many re-sends follow.
 */
export function everyNthWrite(n: number, retryAfterSeconds: number): WriteThrottle {
  positiveInteger('n', n);
  if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
    throw new RangeError(`retryAfterSeconds must be a whole number, got ${retryAfterSeconds}`);
  }
  let count = 0;
  return {
    admit() {
      count += 1;
      return count % n === 0 ? retryAfterSeconds : undefined;
    },
  };
}

/**
 * Graph's write quota: at most `writes` writes in any `windowSeconds`-long sliding window. A
 * write past it is answered 429 with `Retry-After` the whole seconds until the oldest write in
 * the window leaves it (at least 1), and does not count.
 */
export function writeQuota(options: { writes: number; windowSeconds: number }): WriteThrottle {
  const writes = positiveInteger('writes', options.writes);
  const windowMs = positiveInteger('windowSeconds', options.windowSeconds) * 1000;
  // Times of the admitted writes still in the window, oldest first; never more than `writes`.
  const admitted: number[] = [];
  return {
    admit(nowMs) {
      while (admitted.length > 0 && (admitted[0] as number) <= nowMs - windowMs) admitted.shift();
      if (admitted.length < writes) {
        admitted.push(nowMs);
        return undefined;
      }
      const freeAt = (admitted[0] as number) + windowMs;
      return Math.max(1, Math.ceil((freeAt - nowMs) / 1000));
    },
  };
}
