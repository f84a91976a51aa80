export { clientRequestIdFor } from './client-request-id.ts';
export { type ConnectorMoveOutcome, GraphClient } from './graph-client.ts';
export type { GraphFailure } from './result.ts';
export type { UpstreamCallEvent } from './upstream-call-event.ts';
