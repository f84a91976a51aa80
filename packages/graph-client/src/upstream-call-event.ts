import type { GraphFailureKind } from './result.ts';

/**
 * One attempt of one call, for metrics and logs. Carries no header, body or token.
 */
export interface UpstreamCallEvent {
  /**
   * The client method, or `lookupConnectorGroup` for the group-name lookup that the `graph`
   * profile's add makes before its POST.
   */
  operation:
    | 'addConnectorMemberOf'
    | 'listConnectorMemberOf'
    | 'listConnectorGroups'
    | 'lookupConnectorGroup'
    | 'listConnectors'
    | 'getConnectorGroup'
    | 'createConnectorGroup'
    // One `$batch` POST of up to 20 connector moves (its steps are not events of their own).
    | 'moveConnectorsBatch';
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** `retry` when another attempt follows, else how the call ended. */
  outcome: 'ok' | GraphFailureKind | 'retry';
  durationMs: number;
  requestId?: string;
}
