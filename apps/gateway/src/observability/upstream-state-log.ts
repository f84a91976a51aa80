import type { UpstreamStateEvent } from '@connectors/graph-client';
import type { Logger } from 'pino';

const MESSAGES: Record<UpstreamStateEvent['type'], string> = {
  gateClosed:
    'upstream throttle gate closed: no call of this kind is sent until Retry-After passes',
  retryBudgetExhausted: 'upstream retry budget spent: failed calls are not retried for now',
  throttleLimitReported:
    'upstream reports its throttling limit nearing (x-ms-throttle-limit-percentage)',
};

/**
 * The one log line for a change in how the gateway treats its upstream (wire it to the
 * GraphClient's `onUpstreamState`): a warning when a gate closes or the retry budget runs out,
 * information when Graph reports its limit nearing, each with Graph's `x-ms-throttle-*` headers.
 * The client reports each change once, not once per call, so a storm makes a few lines.
 */
export function logUpstreamState(logger: Logger, event: UpstreamStateEvent): void {
  const level = event.type === 'throttleLimitReported' ? 'info' : 'warn';
  logger[level]({ upstreamState: event }, MESSAGES[event.type]);
}
