import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { createGateway, createLogger, createMetrics, GRAPHQL_PATH } from '@connectors/gateway';
import { GraphClient } from '@connectors/graph-client';

/** The real gateway in front of a real fake-graph (a temp SQLite file), both on 127.0.0.1:0. */
export interface InProcessGateway {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:1234/graphql`. */
  url: string;
  fakeGraph: RunningFakeGraph;
  close(): Promise<void>;
}

/** Wired as the gateway's `main` wires it, with production settings and the fast path on. */
export async function startInProcessGateway(): Promise<InProcessGateway> {
  const fakeGraph = await startFakeGraph();
  const client = new GraphClient({
    baseUrl: fakeGraph.baseUrl,
    timeoutMs: 5000,
    maxRetries: 0,
    retryBudgetMs: 1000,
    connections: 4,
  });
  const gateway = createGateway({
    client,
    // biome-ignore lint/style/noProcessEnv: GWC_LOG is a debugging switch for this test harness only (default silent); no product code reads it.
    logger: createLogger({ level: (process.env.GWC_LOG as 'silent') ?? 'silent' }),
    metrics: createMetrics(),
    production: true,
    fastPath: true,
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${GRAPHQL_PATH}`,
    fakeGraph,
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
