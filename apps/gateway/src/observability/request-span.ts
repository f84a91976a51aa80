import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  trace as otelTrace,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
} from '@opentelemetry/api';
import type { RequestTrace } from './request-trace.ts';

/**
 * Opens the request's span, continuing the caller's W3C `traceparent`/`tracestate` (or starting
 * a trace), and keeps it in the request's trace for both paths. The gateway's front door calls
 * this before either path takes the request, so the fast path and yoga's produce the same span;
 * `logGraphQLRequest` (shared too) names it after the operation, and the response's `close` ends
 * it, whatever answered. Nothing of the request is recorded but its method and path: no header,
 * no variable, never the token.
 */
export function openRequestSpan(
  tracer: Tracer,
  request: IncomingMessage,
  response: ServerResponse,
  trace: RequestTrace,
  path: string,
): void {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const method = request.method ?? 'GET';
  const span = tracer.startSpan(
    `${method} ${path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': method, 'url.path': path },
    },
    parent,
  );
  trace.span = span;
  trace.context = otelTrace.setSpan(parent, span);
  response.once('close', () => {
    span.setAttribute('http.response.status_code', response.statusCode);
    if (!response.writableFinished) span.setAttribute('gateway.client_disconnected', true);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}

/**
 * Runs `fn` inside the request's trace context, so spans started under it (the upstream
 * attempts) and log lines written from it carry the request's trace; with tracing off, just
 * calls it. For callbacks the request's own events run (a body's `end`), which Node starts
 * outside the context the handler was called in.
 */
export function inRequestContext<T>(trace: RequestTrace, fn: () => T): T {
  return trace.context === undefined ? fn() : context.with(trace.context, fn);
}

/**
 * Names the request span after its GraphQL operation (OpenTelemetry's GraphQL conventions:
 * `mutation AddConnectorMemberOf`), with the outcome the log line gives. Shared by both paths.
 */
export function recordOperation(
  trace: RequestTrace,
  operationName: string | undefined,
  outcome: string,
): void {
  const span = trace.span;
  if (span === undefined) return;
  const type = trace.operationType ?? 'operation';
  span.updateName(operationName === undefined ? type : `${type} ${operationName}`);
  span.setAttributes({
    'graphql.operation.type': type,
    'gateway.outcome': outcome,
    ...(operationName === undefined ? {} : { 'graphql.operation.name': operationName }),
    ...(trace.operation === undefined ? {} : { 'gateway.root_field': trace.operation }),
  });
  // How the upstream call ended, attempts or none: a call the gate or the admission refused
  // before sending has no attempt span, only this (`sent: false`).
  const upstream = trace.upstream;
  if (upstream !== undefined) {
    span.setAttributes({
      'upstream.outcome': upstream.outcome,
      'upstream.duration_ms': upstream.durationMs,
      // A success was sent by definition; a failure says (API.md section 8).
      'upstream.sent': upstream.sent ?? upstream.outcome === 'ok',
    });
  }
}

/** The ids a log line carries of a span (`trace_id`, `span_id`, as OpenTelemetry's log model names them). */
export function spanIds(span: Span): { trace_id: string; span_id: string } {
  const ids = span.spanContext();
  return { trace_id: ids.traceId, span_id: ids.spanId };
}

/**
 * pino's mixin with tracing on: every line written inside a traced request (yoga's masked
 * errors, the upstream attempts' debug lines) carries the ids of the span it was written under.
 */
export function activeSpanIds(): { trace_id: string; span_id: string } | Record<string, never> {
  const span = otelTrace.getSpan(context.active());
  return span === undefined ? {} : spanIds(span);
}
