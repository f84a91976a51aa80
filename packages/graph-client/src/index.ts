export type { CallerOptions, CallerSignal } from './caller.ts';
export { clientRequestIdFor } from './client-request-id.ts';
export {
  type ConnectorMoveOutcome,
  type CreateConnectorGroupCall,
  type GetConnectorGroupRequest,
  GraphClient,
  type ListConnectorGroupsPageRequest,
  type ListConnectorsRequest,
} from './graph-client.ts';
export type { GraphFailure } from './result.ts';
export type { CallKind } from './throttle-gate.ts';
export type { UpstreamCallEvent } from './upstream-call-event.ts';
export type { UpstreamStateEvent, UpstreamStats } from './upstream-observations.ts';
