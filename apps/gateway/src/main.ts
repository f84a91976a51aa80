import { loadEnvOrExit } from '@connectors/env';
import { GraphClient } from '@connectors/graph-client';
import { pino } from 'pino';
import { createGateway, GRAPHQL_PATH } from './create-gateway.ts';
import { gatewayEnvError, loadEnv } from './env.ts';
import { createHealthState } from './health/health.ts';
import { createGatewayServer, serverLimits } from './http/gateway-server.ts';
import { createLogger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { logUpstreamState } from './observability/upstream-state-log.ts';
import { InvalidTrustedDocumentError } from './trusted-documents/trusted-documents.ts';

const env = loadEnvOrExit(loadEnv);

const destination = pino.destination({ dest: 1, sync: false });
const logger = createLogger({ level: env.LOG_LEVEL, destination });
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
  onUpstreamState: (event) => logUpstreamState(logger, event),
  onUpstreamCall: (event) => {
    metrics.observeUpstreamCall(event);
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

server.listen(env.PORT, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  logger.info(
    {
      port,
      graphql: `http://localhost:${port}${GRAPHQL_PATH}`,
      upstream: env.UPSTREAM_URL,
      upstreamApi: env.UPSTREAM_API,
      nodeEnv: env.NODE_ENV,
    },
    env.NODE_ENV === 'production'
      ? 'gateway listening'
      : `gateway listening: GraphiQL at http://localhost:${port}${GRAPHQL_PATH}`,
  );
});

// The longest a request can take: its last attempt's timeout after the retry waits' budget.
const drainBoundMs = env.UPSTREAM_TIMEOUT_MS + env.UPSTREAM_RETRY_BUDGET_MS;
let shuttingDown = false;

function shutdown(signal: NodeJS.Signals): void {
  if (shuttingDown) return;
  shuttingDown = true;
  health.draining = true;
  logger.info({ signal, drainBoundMs }, 'shutdown started: draining in-flight requests');
  const forceClose = setTimeout(() => {
    logger.warn({ drainBoundMs }, 'drain bound reached: closing the remaining connections');
    server.closeAllConnections();
  }, drainBoundMs);
  forceClose.unref();
  // A keep-alive connection whose request was in flight turns idle once answered; closing idle
  // ones every 100 ms lets `close` finish then, not when the client's keep-alive times out.
  const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
  closeIdle.unref();
  server.close(() => {
    clearTimeout(forceClose);
    clearInterval(closeIdle);
    void client.close().finally(() => {
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
