import type { UpstreamCallEvent } from '@connectors/graph-client';
import type { Tracer } from '@opentelemetry/api';
import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { upstreamAttemptHooks } from './upstream-attempt-spans.ts';

/** The service name spans carry unless `OTEL_SERVICE_NAME` (or `OTEL_RESOURCE_ATTRIBUTES`) says otherwise. */
export const DEFAULT_SERVICE_NAME = 'connector-gateway';

/** The process's tracing, on only when an OTLP endpoint is configured (docs/tracing.md). */
export interface Tracing {
  /** Opens the request spans (`request-span.ts`). */
  readonly tracer: Tracer;
  /** Records one upstream attempt's verdict (retry, or how the call ended) on the operation span. */
  onUpstreamCall(event: UpstreamCallEvent): void;
  /** Exports what is buffered, then stops: called once the last request is answered. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry for the process: the W3C trace-context propagator and an
 * AsyncLocalStorage context manager (both registered globally, as the SDK does), a span per
 * upstream attempt from undici's diagnostics channels (which the graph client's pool publishes,
 * so the client needs no change and the bundle no module hook), and a batched OTLP/HTTP export.
 *
 * The exporter and the batch processor read the standard variables themselves
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `_TRACES_ENDPOINT`, `_HEADERS`, `_TIMEOUT`, `OTEL_BSP_*`,
 * `OTEL_TRACES_SAMPLER`); `env.ts` only decides whether tracing is on, so with no endpoint none
 * of this is loaded into the request path at all.
 * @param options.exporter tests pass an in-memory one; production the OTLP/HTTP exporter
 */
export function startTracing(options: { exporter?: SpanExporter } = {}): Tracing {
  const resource = resourceFromAttributes({ 'service.name': DEFAULT_SERVICE_NAME }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(options.exporter ?? new OTLPTraceExporter())],
  });
  provider.register();
  const attempts = upstreamAttemptHooks();
  const deregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new UndiciInstrumentation({
        startSpanHook: attempts.startSpanHook,
        requestHook: attempts.requestHook,
      }),
    ],
  });
  attempts.subscribe();
  return {
    tracer: provider.getTracer('@connectors/gateway'),
    onUpstreamCall: attempts.onUpstreamCall,
    async shutdown() {
      attempts.unsubscribe();
      deregister();
      await provider.shutdown();
      trace.disable();
    },
  };
}
