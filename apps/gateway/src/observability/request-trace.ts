import { isDirectoryObjectId } from '@connectors/domain';
import type { GraphFailure } from '@connectors/graph-client';
import type { HeaderReader } from '../schema/context.ts';

/**
 * What one request did, filled in as it goes and written as its one log line. Lives on yoga's
 * server context, which is the same object as the GraphQL context.
 */
export interface RequestTrace {
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** The root field that ran (first one, when a document has several): a bounded metric label. */
  operation?: string;
  /** `ok`, a user error code or an error code. */
  outcome?: string;
  /** The `client-request-id` sent upstream. */
  clientRequestId?: string;
  upstream?: UpstreamTrace;
}

export interface UpstreamTrace {
  outcome: 'ok' | GraphFailure['kind'];
  status?: number;
  requestId?: string;
  /** The whole call, retries and waits included. */
  durationMs: number;
}

/** Starts a trace; cheap, as it runs for every request. */
export function startTrace(): RequestTrace {
  return { startedAt: performance.now() };
}

/**
 * The `client-request-id` to send upstream: the caller's when it is a GUID (so both sides can
 * correlate), else a fresh one. Chosen here rather than in the client so the log line has it.
 */
export function clientRequestIdFor(headers: HeaderReader): string {
  const sent = headers.get('client-request-id');
  return sent !== null && isDirectoryObjectId(sent) ? sent : crypto.randomUUID();
}

/** Records how an upstream call went, for the request's log line. */
export function recordUpstream(
  trace: RequestTrace,
  result: { ok: true; requestId?: string; status?: number } | GraphFailure,
  startedAt: number,
): void {
  trace.upstream = {
    outcome: result.ok ? 'ok' : result.kind,
    durationMs: Math.round((performance.now() - startedAt) * 100) / 100,
    ...(result.status === undefined ? {} : { status: result.status }),
    ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
  };
}
