import type { CallKind } from './throttle-gate.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';

/**
 * A change in how the client treats its upstream, worth one log line each (not one per call).
 * `throttle` holds the answer's `x-ms-throttle-*` headers (Graph's scope, information and
 * limit-percentage), which carry no secret. Like {@link UpstreamCallEvent}, no token or body.
 * - `gateClosed`: a 429 or 503 with `Retry-After` closed the gate for its kind of call.
 * - `retryBudgetExhausted`: a retry was refused for want of retry budget (reported at most once
 *   per budget window).
 * - `throttleLimitReported`: Graph said the app used `percentage` of its limit (it sends
 *   `x-ms-throttle-limit-percentage` past 0.8); logged once until an answer comes without it.
 */
export type UpstreamStateEvent =
  | {
      type: 'gateClosed';
      kind: CallKind;
      operation: UpstreamCallEvent['operation'];
      status: number;
      retryAfterSeconds: number;
      throttle: Readonly<Record<string, string>>;
    }
  | {
      type: 'retryBudgetExhausted';
      operation: UpstreamCallEvent['operation'];
      status?: number;
      throttle: Readonly<Record<string, string>>;
    }
  | {
      type: 'throttleLimitReported';
      kind: CallKind;
      operation: UpstreamCallEvent['operation'];
      percentage: number;
      throttle: Readonly<Record<string, string>>;
    };

/**
 * The client's counters and gauges toward its upstream origin, read at scrape time
 * (docs/running.md names the metrics made of them). Totals count since the client was built.
 */
export interface UpstreamStats {
  /** Requests on a connection now (at most `maxInFlight`). */
  inFlight: number;
  /** Calls waiting for a slot now (at most `maxQueue`). */
  queued: number;
  /** Calls answered without sending, by reason. */
  refused: { queueFull: number; queueTimeout: number; gateClosed: number };
  /** Retries made (each drew on the retry budget). */
  retries: number;
  /** Retries not made for want of retry budget. */
  retriesDenied: number;
  /** Seconds each gate has been closed. */
  gateClosedSeconds: Record<CallKind, number>;
  /** TCP connections opened to the upstream. */
  connectionsOpened: number;
  /** The last `x-ms-throttle-limit-percentage` per kind of call, 0 when the last answer had none. */
  throttleLimitPercentage: Record<CallKind, number>;
}
