import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import { parseEnv } from '../env.ts';

/**
 * The retry budget the verified gateway runs with. The pacts' throttled state makes fake-graph
 * answer 429 with `Retry-After: 120`; a wait past the budget is not waited, so the gateway
 * answers RATE_LIMITED with retryAfterSeconds 120 at once (docs/rest-upstream.md) instead of
 * sleeping through the verification.
 */
export const VERIFIED_RETRY_BUDGET_MS = 1000;

/** The real gateway in front of the real fake-graph, as the pacts are verified against. */
export interface ProviderUnderTest {
  /** The gateway, e.g. `http://127.0.0.1:1234` (the pacts' paths start at `/graphql`). */
  url: string;
  graph: RunningFakeGraph;
  gateway: TestGateway;
  close(): Promise<void>;
}

/**
 * Starts fake-graph (a fresh SQLite file in a temp folder) and, in front of it, the gateway with
 * production settings: `NODE_ENV=production` and every other setting at `main`'s default (fast
 * path on, 3 retries, 10 s per attempt) except the retry budget above. Both on 127.0.0.1:0.
 */
export async function startProviderUnderTest(): Promise<ProviderUnderTest> {
  const graph = await startFakeGraph();
  const env = parseEnv({
    UPSTREAM_URL: graph.baseUrl,
    NODE_ENV: 'production',
    UPSTREAM_RETRY_BUDGET_MS: String(VERIFIED_RETRY_BUDGET_MS),
  });
  const gateway = createTestGateway({
    upstreamBaseUrl: env.UPSTREAM_URL,
    timeoutMs: env.UPSTREAM_TIMEOUT_MS,
    maxRetries: env.UPSTREAM_MAX_RETRIES,
    retryBudgetMs: env.UPSTREAM_RETRY_BUDGET_MS,
    production: env.NODE_ENV === 'production',
    fastPath: env.GATEWAY_FAST_PATH === 'on',
    logLevel: env.LOG_LEVEL,
  });
  let url: string;
  try {
    url = await gateway.listen();
  } catch (error) {
    await graph.close();
    throw error;
  }
  return {
    url,
    graph,
    gateway,
    async close() {
      await gateway.close();
      await graph.close();
    },
  };
}
