import { loadEnvOrExit } from '@connectors/env';
import { GraphClient } from '@connectors/graph-client';
import { pino } from 'pino';
import { createGateway, GRAPHQL_PATH } from './create-gateway.ts';
import { gatewayEnvError, loadEnv, tracingEnabled } from './env.ts';
import { drainBoundMs } from './health/drain-bound.ts';
import { createHealthState } from './health/health.ts';
import { createGatewayServer, serverLimits } from './http/gateway-server.ts';
import { createLogger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { createMetricsServer } from './observability/metrics-endpoint.ts';
import { activeSpanIds } from './observability/request-span.ts';
import { startTracing } from './observability/tracing.ts';
import { logUpstreamState } from './observability/upstream-state-log.ts';
import { securitySettings } from './security-settings.ts';
import { InvalidTrustedDocumentError } from './trusted-documents/trusted-documents.ts';

const env = loadEnvOrExit(loadEnv);

const destination = pino.destination({ dest: 1, sync: false });
const logger = createLogger({
  level: env.LOG_LEVEL,
  destination,
  ...(tracingEnabled(env) ? { mixin: activeSpanIds } : {}),
});
const tracing = tracingEnabled(env) ? startTracing({ logger }) : undefined;
const metrics = createMetrics({ defaultMetrics: true });
const client = new GraphClient({
  baseUrl: env.UPSTREAM_URL,
  api: env.UPSTREAM_API,
  timeoutMs: env.UPSTREAM_TIMEOUT_MS,
  maxRetries: env.UPSTREAM_MAX_RETRIES,
  retryBudgetMs: env.UPSTREAM_RETRY_BUDGET_MS,
  connections: env.UPSTREAM_MAX_IN_FLIGHT,
  maxQueue: env.UPSTREAM_MAX_QUEUE,
  retryBudget: { ratio: env.UPSTREAM_RETRY_RATIO_PERCENT / 100 },
  onUpstreamState: (event) => {
    logUpstreamState(logger, event);
    tracing?.onUpstreamState(event);
  },
  onUpstreamCall: (event) => {
    metrics.observeUpstreamCall(event);
    tracing?.onUpstreamCall(event);
    if (logger.isLevelEnabled('debug')) logger.debug({ upstreamCall: event }, 'upstream attempt');
  },
});
metrics.watchUpstream(() => client.stats());
const health = createHealthState();
// A trusted document that does not validate is a bad TRUSTED_DOCUMENTS: reported and exited as
// one, naming the document's hash.
const gateway = loadEnvOrExit(() => {
  try {
    return createGateway({
      client,
      logger,
      metrics,
      health,
      production: env.NODE_ENV === 'production',
      fastPath: env.GATEWAY_FAST_PATH === 'on',
      upstreamApi: env.UPSTREAM_API,
      trustedDocuments: env.TRUSTED_DOCUMENTS,
      trustedDocumentsMode: env.TRUSTED_DOCUMENTS_MODE,
      maxUpstreamFields: env.MAX_UPSTREAM_FIELDS,
      cors: { origins: env.CORS_ORIGINS, credentials: env.CORS_CREDENTIALS },
      metricsEndpoint: env.METRICS_PORT === undefined,
      ...(tracing === undefined ? {} : { tracer: tracing.tracer }),
    });
  } catch (error) {
    if (!(error instanceof InvalidTrustedDocumentError)) throw error;
    throw gatewayEnvError('TRUSTED_DOCUMENTS', error.message);
  }
});

const server = createGatewayServer(gateway, {
  limits: serverLimits(env),
  health,
  logger,
  onConnectionLimit: (action) => metrics.recordConnectionLimit(action),
});

const metricsServer = env.METRICS_PORT === undefined ? undefined : createMetricsServer(metrics);
metricsServer?.listen(env.METRICS_PORT, env.HOST, () => {
  const address = metricsServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.METRICS_PORT;
  logger.info({ metricsPort: port }, 'metrics listening');
});

server.listen(env.PORT, env.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  logger.info(
    {
      port,
      graphql: `http://localhost:${port}${GRAPHQL_PATH}`,
      upstream: env.UPSTREAM_URL,
      upstreamApi: env.UPSTREAM_API,
      nodeEnv: env.NODE_ENV,
      ...securitySettings(env),
    },
    env.NODE_ENV === 'production'
      ? 'gateway listening'
      : `gateway listening: GraphiQL at http://localhost:${port}${GRAPHQL_PATH}`,
  );
});

const drainBound = drainBoundMs(env);
let shuttingDown = false;
let drainStarted = false;
let delay: NodeJS.Timeout | undefined;

// SIGTERM first turns `/readyz` 503 and keeps serving for SHUTDOWN_DELAY_MS: endpoints and load
// balancers take a moment to stop sending (docs/running.md#shutdown), and a listener closed at once
// would meet their last requests with refused connections. A second signal drains at once.
function shutdown(signal: NodeJS.Signals): void {
  if (shuttingDown) {
    if (!drainStarted) {
      clearTimeout(delay);
      drain(signal);
    }
    return;
  }
  shuttingDown = true;
  health.draining = true;
  logger.info(
    { signal, shutdownDelayMs: env.SHUTDOWN_DELAY_MS, drainBoundMs: drainBound },
    'shutdown started: /readyz answers 503, still serving until the delay ends',
  );
  delay = setTimeout(() => drain(signal), env.SHUTDOWN_DELAY_MS);
}

function drain(signal: NodeJS.Signals): void {
  drainStarted = true;
  logger.info(
    { signal, drainBoundMs: drainBound },
    'draining: new connections refused, in-flight requests finishing',
  );
  const forceClose = setTimeout(() => {
    logger.warn(
      { drainBoundMs: drainBound },
      'drain bound reached: closing the remaining connections',
    );
    server.closeAllConnections();
  }, drainBound);
  forceClose.unref();
  // A keep-alive connection whose request was in flight turns idle once answered; closing idle
  // ones every 100 ms lets `close` finish then, not when the client's keep-alive times out.
  const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
  closeIdle.unref();
  server.close(() => {
    clearTimeout(forceClose);
    clearInterval(closeIdle);
    metricsServer?.close();
    void Promise.allSettled([client.close(), tracing?.shutdown()]).finally(() => {
      logger.info('shutdown complete');
      try {
        destination.flushSync();
      } catch {
        // Nothing buffered to flush, or stdout already gone: exiting is all that is left.
      }
      process.exit(0);
    });
  });
  server.closeIdleConnections();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
