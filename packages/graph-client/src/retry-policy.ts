/**
 * When a call may be tried again, and how long to wait first (docs/rest-upstream.md).
 *
 * Only answers that say "nothing was done, try later" are retried: a POST that got any other
 * answer, or none in time, may have landed, and a second one would not be safe.
 */

/**
 * Which failures without an answer a call retries.
 * - `postSafe` (every write, and every call of the `seed` profile as it shipped): only a refused
 *   connection, where no byte was sent. After a timeout or a reset the POST may have landed.
 * - `read` (the `graph` profile's GETs and the group list under both profiles): also a timeout,
 *   a reset and any other transport failure, since repeating a safe GET (RFC 9110 section 9.2.1)
 *   changes nothing.
 * Both retry the same statuses ({@link RETRYABLE_STATUSES}) within the same count and budget.
 */
export type RetryRules = 'postSafe' | 'read';

/** Whether a call under `rules` retries a failure that brought no answer. */
export function retriesWithoutAnswer(rules: RetryRules, refused: boolean): boolean {
  return rules === 'read' || refused;
}

/** Statuses that are retried: throttled, unavailable, gateway timeout. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/** First backoff step when the upstream gave no `Retry-After`. */
export const DEFAULT_BACKOFF_BASE_MS = 200;

const DELAY_SECONDS = /^\d+$/;
// IMF-fixdate, RFC 850 and asctime dates all start with a day name; checking it keeps Date.parse
// from reading "-1" or "2025" as a date.
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i;

/**
 * Reads `Retry-After` as delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
 * @returns the wait in milliseconds (0 for a date in the past), or undefined when absent or
 *   unreadable, in which case the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (DELAY_SECONDS.test(trimmed)) return Number(trimmed) * 1000;
  if (!HTTP_DATE.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Exponential backoff with jitter: retry `n` (0-based) waits between `base * 2^n` and
 * `1.5 * base * 2^n`, so concurrent callers spread out instead of retrying in step.
 * @param random a number in [0, 1)
 */
export function backoffDelayMs(retryIndex: number, baseMs: number, random: number): number {
  const step = baseMs * 2 ** retryIndex;
  return Math.round(step * (1 + random / 2));
}

/** A wait as whole seconds, rounded up, for `retryAfterSeconds`. */
export function toRetryAfterSeconds(waitMs: number): number {
  return Math.ceil(waitMs / 1000);
}
