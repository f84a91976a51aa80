import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { UpstreamCallEvent, UpstreamStateEvent } from '@connectors/graph-client';
import { type Attributes, context, type Span, trace } from '@opentelemetry/api';

/** What undici publishes of a request on its diagnostics channels (the fields read here). */
interface UndiciRequest {
  method: string;
  /** undici 7: `[name, value, name, value, ...]`; older lines: one `name: value\r\n` string. */
  headers: string | (string | string[])[];
}

/** Attributes of an attempt span beside instrumentation-undici's HTTP ones. */
export const ATTEMPT_ATTRIBUTES = {
  /** 1 for the first attempt of a call, 2 for its first retry, and so on. */
  attempt: 'upstream.attempt',
  /** The call's `client-request-id`, the same on every attempt: Graph's support quotes it. */
  clientRequestId: 'upstream.client_request_id',
  /** Whether the request's headers were written to a connection (API.md section 8's `sent`). */
  sent: 'upstream.sent',
} as const;

/** The event each attempt's verdict adds to the operation span (the attempt span has ended by then). */
export const ATTEMPT_EVENT = 'upstream.attempt';

/** The event a change of the upstream's state (a gate closing, the retry budget spent) adds. */
export const STATE_EVENT = 'upstream.state';

const SEND_HEADERS = 'undici:client:sendHeaders';

function clientRequestIdOf(request: UndiciRequest): string | undefined {
  const { headers } = request;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name = headers[i];
      const value = headers[i + 1];
      if (typeof name === 'string' && name.toLowerCase() === 'client-request-id') {
        return typeof value === 'string' ? value : value?.[0];
      }
    }
    return undefined;
  }
  return /(?:^|\r\n)client-request-id: *([^\r\n]*)/i.exec(headers)?.[1];
}

/**
 * The hooks that make instrumentation-undici's span of each upstream request an attempt span:
 * the attempt number (counted per `client-request-id` under the operation span, which the graph
 * client keeps across the retries of one call), the call's `client-request-id`, and `sent`
 * (false until undici writes the request's headers to a socket: a request refused before it,
 * by a closed connection or a timeout in the pool's queue, never reached the upstream). The
 * retry verdict arrives from the graph client's `onUpstreamCall` after the attempt span ended,
 * so it becomes an event of the operation span. Nothing of a header but the request id is read:
 * the bearer token is never near a span.
 */
export function upstreamAttemptHooks() {
  // Keyed by the operation span, so a request's counts go when it does.
  const attemptsByParent = new WeakMap<Span, Map<string, number>>();
  const spans = new WeakMap<object, Span>();
  const onSendHeaders = (message: unknown) => {
    const request = (message as { request?: object }).request;
    if (request !== undefined) spans.get(request)?.setAttribute(ATTEMPT_ATTRIBUTES.sent, true);
  };
  return {
    startSpanHook(request: UndiciRequest): Attributes {
      const clientRequestId = clientRequestIdOf(request);
      const parent = trace.getSpan(context.active());
      if (clientRequestId === undefined || parent === undefined) return {};
      let counts = attemptsByParent.get(parent);
      if (counts === undefined) {
        counts = new Map();
        attemptsByParent.set(parent, counts);
      }
      const attempt = (counts.get(clientRequestId) ?? 0) + 1;
      counts.set(clientRequestId, attempt);
      return {
        [ATTEMPT_ATTRIBUTES.attempt]: attempt,
        [ATTEMPT_ATTRIBUTES.clientRequestId]: clientRequestId,
      };
    },
    requestHook(span: Span, request: object): void {
      span.setAttribute(ATTEMPT_ATTRIBUTES.sent, false);
      spans.set(request, span);
    },
    subscribe(): void {
      subscribe(SEND_HEADERS, onSendHeaders);
    },
    unsubscribe(): void {
      unsubscribe(SEND_HEADERS, onSendHeaders);
    },
    onUpstreamCall(event: UpstreamCallEvent): void {
      const span = trace.getSpan(context.active());
      if (span === undefined) return;
      span.addEvent(ATTEMPT_EVENT, {
        'upstream.operation': event.operation,
        [ATTEMPT_ATTRIBUTES.attempt]: event.attempt,
        // `retry`: another attempt follows; otherwise how the call ended.
        'upstream.outcome': event.outcome,
        'upstream.duration_ms': event.durationMs,
        ...(event.status === undefined ? {} : { 'http.response.status_code': event.status }),
        ...(event.requestId === undefined ? {} : { 'upstream.request_id': event.requestId }),
      });
    },
    /**
     * The gate and budget decisions a call's answer caused (reported once per change, on the
     * call that caused it): an event of that request's span.
     */
    onUpstreamState(event: UpstreamStateEvent): void {
      const span = trace.getSpan(context.active());
      if (span === undefined) return;
      span.addEvent(STATE_EVENT, {
        'upstream.state': event.type,
        'upstream.operation': event.operation,
        ...('kind' in event ? { 'upstream.call_kind': event.kind } : {}),
        ...(event.type === 'gateClosed'
          ? { 'upstream.retry_after_seconds': event.retryAfterSeconds }
          : {}),
        ...('status' in event && event.status !== undefined
          ? { 'http.response.status_code': event.status }
          : {}),
        ...(event.type === 'throttleLimitReported'
          ? { 'upstream.throttle_limit_percentage': event.percentage }
          : {}),
      });
    },
  };
}
