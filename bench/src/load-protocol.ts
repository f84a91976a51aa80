import { z } from 'zod';

/**
 * One load run, sent as a JSON line to the load generator's stdin. The request itself is always
 * the bench request (bench-request.ts), so only where and how hard are configurable.
 */
export const LoadSpec = z.object({
  url: z.url({ protocol: /^http$/, hostname: /^127\.0\.0\.1$/ }),
  connections: z.int().min(1).max(1000),
  durationSeconds: z.number().positive().max(600),
});
export type LoadSpec = z.infer<typeof LoadSpec>;

/** Latency percentiles of one run, in milliseconds (exact, from every response). */
export const LatencySummary = z.object({
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
  mean: z.number(),
});
export type LatencySummary = z.infer<typeof LatencySummary>;

/** The outcome of one load run, printed as a JSON line on the load generator's stdout. */
export const LoadResult = z.object({
  /** Measured by autocannon, in seconds. */
  durationSeconds: z.number(),
  /** Responses whose body was the success payload. */
  successes: z.int(),
  /** Responses received, whatever their status or body. */
  responses: z.int(),
  /** Requests sent, including those still in flight when the run stopped. */
  sent: z.int(),
  /** Responses that were not the success payload (non-2xx included). */
  failedBodies: z.int(),
  non2xx: z.int(),
  /** Connection errors, timeouts included. */
  errors: z.int(),
  timeouts: z.int(),
  /** `null` when nothing answered. */
  latencyMs: LatencySummary.nullable(),
});
export type LoadResult = z.infer<typeof LoadResult>;
