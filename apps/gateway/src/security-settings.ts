import type { GatewayEnv } from './env.ts';

/**
 * What the start line says of every setting that changes what a caller can reach or learn, so an
 * operator reads from the first log line that `TRUSTED_DOCUMENTS_MODE=require` (or any other
 * setting) took effect, rather than finding out from a request. Values only, never a secret: an
 * OTLP endpoint is reduced to its origin (a collector's URL may carry a key in its path).
 */
export function securitySettings(env: GatewayEnv): Record<string, unknown> {
  const otlp = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return {
    host: env.HOST ?? 'all interfaces',
    graphiql: env.NODE_ENV !== 'production',
    introspection: env.NODE_ENV !== 'production',
    trustedDocumentsMode: env.TRUSTED_DOCUMENTS_MODE,
    trustedDocuments: env.TRUSTED_DOCUMENTS.length,
    corsOrigins: [...env.CORS_ORIGINS],
    corsCredentials: env.CORS_CREDENTIALS,
    metrics: env.METRICS_PORT === undefined ? 'main port' : `port ${env.METRICS_PORT}`,
    fastPath: env.GATEWAY_FAST_PATH,
    tracesTo: otlp === undefined ? 'off' : new URL(otlp).origin,
    maxConnections: env.MAX_CONNECTIONS,
    maxHeaderBytes: env.MAX_HEADER_BYTES,
  };
}
