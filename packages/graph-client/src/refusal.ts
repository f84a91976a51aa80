import type { GraphFailure } from './result.ts';
import { toRetryAfterSeconds } from './retry-policy.ts';

/** Why a call was answered without sending anything: see {@link refusalFailure}. */
export type Refusal =
  | { reason: 'queueFull' | 'queueTimeout' }
  | { reason: 'gateClosed'; retryAfterMs: number };

// A full queue drains as the calls in flight are answered: about one upstream latency, which is
// under a second for a healthy Graph. A caller told 1 s comes back when there is room.
const QUEUE_RETRY_AFTER_SECONDS = 1;

const MESSAGES: Record<Refusal['reason'], string> = {
  queueFull: 'too many calls to the upstream are waiting already; nothing was sent',
  queueTimeout:
    'no call to the upstream could be started within this call’s budget; nothing was sent',
  gateClosed:
    'the upstream asked for a pause (Retry-After) that this call cannot wait out; nothing was sent',
};

/**
 * The failure of a call refused before anything was sent: `unavailable` for the gateway's own
 * bounds, `rateLimited` for a closed throttle gate; always `sent: false` with the wait to retry.
 */
export function refusalFailure(refusal: Refusal): GraphFailure {
  if (refusal.reason === 'gateClosed') {
    return {
      ok: false,
      kind: 'rateLimited',
      message: MESSAGES.gateClosed,
      sent: false,
      retryAfterSeconds: Math.max(1, toRetryAfterSeconds(refusal.retryAfterMs)),
    };
  }
  return {
    ok: false,
    kind: 'unavailable',
    message: MESSAGES[refusal.reason],
    sent: false,
    retryAfterSeconds: QUEUE_RETRY_AFTER_SECONDS,
  };
}
