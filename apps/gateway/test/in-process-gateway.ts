import type { AddressInfo } from 'node:net';
import type { UpstreamApi } from '@connectors/domain';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { GraphClient } from '@connectors/graph-client';
import { createGateway, GRAPHQL_PATH } from '../src/create-gateway.ts';
import { createGatewayServer, DEFAULT_SERVER_LIMITS } from '../src/http/gateway-server.ts';
import { createLogger } from '../src/observability/logger.ts';
import { createMetrics } from '../src/observability/metrics.ts';

/** The real gateway in front of a real fake-graph (a temp SQLite file), both on 127.0.0.1:0. */
export interface InProcessGateway {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:1234/graphql`. */
  url: string;
  fakeGraph: RunningFakeGraph;
  /**
   * Back to fake-graph's seed and default controls, the client's throttle gates open. Under
   * Graph's semantics an add moves the connector, so each test starts from here rather than from
   * where the last one left it.
   */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Wired as the gateway's `main` wires it, with production settings and the fast path on. Under
 * `api: 'graph'` the client calls Graph's documented routes on fake-graph's `/beta`, as
 * `UPSTREAM_API=graph pnpm start` does.
 */
export async function startInProcessGateway({
  api = 'seed',
}: {
  api?: UpstreamApi;
} = {}): Promise<InProcessGateway> {
  const fakeGraph = await startFakeGraph();
  const client = new GraphClient({
    baseUrl: api === 'graph' ? `${fakeGraph.url}/beta` : fakeGraph.baseUrl,
    api,
    timeoutMs: 5000,
    maxRetries: 0,
    retryBudgetMs: 1000,
    connections: 4,
  });
  const logger = createLogger({ level: 'silent' });
  const health = { draining: false };
  const gateway = createGateway({
    client,
    logger,
    metrics: createMetrics(),
    health,
    production: true,
    fastPath: true,
    upstreamApi: api,
  });
  const server = createGatewayServer(gateway, { limits: DEFAULT_SERVER_LIMITS, health, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
    fakeGraph,
    reset() {
      // The client remembers what the upstream said (a throttled test closes its write gate).
      client.resetUpstreamState();
      fakeGraph.controls.reset();
      fakeGraph.store.reset();
      fakeGraph.store.seed();
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await client.close();
      await fakeGraph.close();
    },
  };
}
