import type { UpstreamCallEvent, UpstreamStateEvent } from '@connectors/graph-client';
import {
  context,
  type DiagLogger,
  DiagLogLevel,
  diag,
  ROOT_CONTEXT,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Logger } from 'pino';
import { upstreamAttemptHooks } from './upstream-attempt-spans.ts';

/** The service name spans carry unless `OTEL_SERVICE_NAME` (or `OTEL_RESOURCE_ATTRIBUTES`) says otherwise. */
export const DEFAULT_SERVICE_NAME = 'connector-gateway';

/**
 * The most a shutdown waits for the last export. The exporter's own timeout is 10 s, with
 * retries; a collector that is down would otherwise hold every pod's exit that long, past what
 * the termination grace period allows for the drain.
 */
export const SHUTDOWN_EXPORT_BOUND_MS = 2_000;

/** The process's tracing, on only when an OTLP endpoint is configured (docs/tracing.md). */
export interface Tracing {
  /** Opens the request spans (`request-span.ts`). */
  readonly tracer: Tracer;
  /** Records one upstream attempt's verdict (retry, or how the call ended) on the operation span. */
  onUpstreamCall(event: UpstreamCallEvent): void;
  /** Records a gate or budget decision on the span of the request that caused it. */
  onUpstreamState(event: UpstreamStateEvent): void;
  /**
   * Exports what is buffered, then stops: called once the last request is answered. Resolves
   * within {@link SHUTDOWN_EXPORT_BOUND_MS} even when the collector does not answer.
   */
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
 * @param options.exporter default the OTLP/HTTP exporter, configured by the `OTEL_*` variables
 * @param options.logger where the SDK's own warnings go (an export the collector refused or
 *   never answered), at `warn`: by default OpenTelemetry says nothing, and a dead collector
 *   would go unnoticed
 */
export function startTracing(
  options: { exporter?: SpanExporter; logger?: Pick<Logger, 'warn'> } = {},
): Tracing {
  if (options.logger !== undefined) diag.setLogger(diagToLogger(options.logger), DiagLogLevel.WARN);
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
    onUpstreamState: attempts.onUpstreamState,
    async shutdown() {
      attempts.unsubscribe();
      deregister();
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([
        provider.shutdown().catch(() => {}),
        new Promise<void>((resolve) => {
          bound = setTimeout(resolve, SHUTDOWN_EXPORT_BOUND_MS);
          bound.unref();
        }),
      ]);
      clearTimeout(bound);
      trace.disable();
      diag.disable();
    },
  };
}

// The SDK's diagnostics at warn and above, as one log line each; below warn, nothing.
function diagToLogger(logger: Pick<Logger, 'warn'>): DiagLogger {
  // Outside any request's context: the export a span's end triggered is not that request's.
  const warn = (message: string, ...args: unknown[]) =>
    context.with(ROOT_CONTEXT, () =>
      logger.warn(
        { opentelemetry: args.map(String).join(' ').slice(0, 300) },
        `opentelemetry: ${message.slice(0, 300)}`,
      ),
    );
  const ignore = () => {};
  return { error: warn, warn, info: ignore, debug: ignore, verbose: ignore };
}
