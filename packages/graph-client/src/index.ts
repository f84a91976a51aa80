export { clientRequestIdFor } from './client-request-id.ts';
export { type Clock, systemClock } from './clock.ts';
export {
  type AddConnectorMemberOfRequest,
  GraphClient,
  type GraphClientOptions,
  type ListConnectorMemberOfRequest,
} from './graph-client.ts';
export type * from './result.ts';
export {
  backoffDelayMs,
  DEFAULT_BACKOFF_BASE_MS,
  parseRetryAfter,
  RETRYABLE_STATUSES,
} from './retry-policy.ts';
export type { UpstreamCallEvent } from './upstream-call-event.ts';
