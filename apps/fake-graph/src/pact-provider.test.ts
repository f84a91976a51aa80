/**
 * Contract: provider verification of the REST contract: fake-graph honours every interaction that
 * the gateway's client (packages/graph-client) recorded in `pacts/connector-gateway-graph-api.json`.
 *
 * What it protects: the consumer's tests run against Pact's mock server, which answers exactly
 * what the pact says; this test proves a working Graph stand-in answers the same, state by state,
 * so neither side can drift alone. It runs after graph-client's tests (turbo:
 * `@connectors/fake-graph#test` depends on `@connectors/graph-client#test`), which write the pact.
 * A mismatch, a missing pact, a state with no handler here (checked before anything is replayed)
 * or a handler that throws (pact-js would only log it) fails the run, naming what failed.
 *
 * Always from the committed file, never from a broker: fake-graph stands in for Graph, so its
 * results are no evidence about the real graph-api and must not be published as such.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPactFile, verifyProvider } from '@connectors/pact-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebaseReferencesTo } from './pact-request-filter.ts';
import { providerStateSetups, resetProviderState } from './provider-states.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

const PACT_FILE = fileURLToPath(
  new URL('../../../pacts/connector-gateway-graph-api.json', import.meta.url),
);
// The verifier starts a proxy and replays every interaction; generous, never a fixed wait.
const VERIFY_TIMEOUT_MS = 60_000;

let graph: RunningFakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
});
afterAll(() => graph.close());

describe('the graph-api pact', () => {
  it('is the committed V4 contract between connector-gateway and graph-api', () => {
    expect(
      existsSync(PACT_FILE),
      `${PACT_FILE} is missing: it is written by graph-client's consumer tests (pnpm --filter @connectors/graph-client test) and committed`,
    ).toBe(true);
    const { pact } = readPactFile(PACT_FILE);
    expect(pact.consumer.name).toBe('connector-gateway');
    expect(pact.provider.name).toBe('graph-api');
    expect(pact.metadata?.pactSpecification).toMatchObject({
      version: expect.stringMatching(/^4\./),
    });
    expect(pact.interactions.length).toBeGreaterThan(0);
  });

  it(
    'is honoured by fake-graph, interaction by interaction',
    async () => {
      await verifyProvider({
        provider: 'graph-api',
        providerBaseUrl: graph.url,
        source: { pactFiles: [PACT_FILE] },
        setups: providerStateSetups(graph.store, graph.controls),
        // Runs before the first state of each interaction, stateless ones too: states build
        // from nothing.
        reset: () => resetProviderState(graph.store, graph.controls),
        // An @odata.id must name fake-graph itself: its own Host, and recorded bases rebased to it.
        verifierOptions: { changeOrigin: true, requestFilter: rebaseReferencesTo(graph.url) },
      });
    },
    VERIFY_TIMEOUT_MS,
  );
});
