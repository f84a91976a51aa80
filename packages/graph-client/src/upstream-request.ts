import type { Caller } from './caller.ts';
import type { RetryRules } from './retry-policy.ts';
import type { CallKind } from './throttle-gate.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';

/**
 * One REST request an operation asks the upstream for: what to send, and how it may be retried.
 * Every operation builds one and hands it to `Upstream.send`, which runs admission, attempts and
 * retries the same way for all of them.
 */
export interface UpstreamRequest extends Caller {
  /** The operation's name, in events, metrics and logs. */
  operation: UpstreamCallEvent['operation'];
  method: 'GET' | 'POST';
  /** The path under the origin, base path included, sent as is (`$ref` stays literal). */
  path: string;
  /** A JSON body, sent with `content-type: application/json`. */
  body?: string;
  /** What is retried when no answer came: see {@link RetryRules}. */
  retry: RetryRules;
  /** Which throttle gate it passes: by default a GET is a `read`, anything else a `write`. */
  kind?: CallKind;
}
