import type { GraphFailure } from '@connectors/graph-client';
import type { Context, Span } from '@opentelemetry/api';

/**
 * What one request did, filled in as it goes and written as its one log line. Started by the
 * gateway's node handler when the request arrives and handed to whichever path serves it: it is
 * part of the request's context (`src/context.ts`), complete before any plugin runs.
 */
export interface RequestTrace {
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** The root field that ran (first one, when a document has several): a bounded metric label. */
  operation?: string;
  /** What the resolver recorded: a user error code (the log line's outcome when no error). */
  outcome?: string;
  /** The executed operation's name; client-chosen, so logged (capped) but never a metric label. */
  operationName?: string;
  /** Set once a GraphQL result was produced (the request counts as a GraphQL request). */
  graphqlOutcome?: string;
  /** The `client-request-id` sent upstream. */
  clientRequestId?: string;
  upstream?: UpstreamTrace;
  /** The executed operation's type (`query`, `mutation`), for the span's name. */
  operationType?: string;
  /** The request's span, when tracing is on (`request-span.ts`). */
  span?: Span;
  /** The context holding {@link span}, which both paths run the request in. */
  context?: Context;
}

export interface UpstreamTrace {
  outcome: 'ok' | GraphFailure['kind'];
  status?: number;
  requestId?: string;
  /** On a failure: whether any attempt reached the upstream (docs/errors.md). */
  sent?: boolean;
  /** The whole call, retries and waits included. */
  durationMs: number;
}

/** Starts a trace; cheap, as it runs for every request. */
export function startTrace(): RequestTrace {
  return { startedAt: performance.now() };
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
    ...(result.ok ? {} : { sent: result.sent }),
  };
}
