/**
 * Provider verification of the REST contract: fake-graph honours every interaction that the
 * gateway's client (packages/graph-client) recorded in `pacts/connector-gateway-graph-api.json`.
 *
 * What it protects: the consumer's tests run against Pact's mock server, which answers exactly
 * what the pact says; this test proves a working Graph stand-in answers the same, state by state,
 * so neither side can drift alone. It runs after graph-client's tests (turbo:
 * `@connectors/fake-graph#test` depends on `@connectors/graph-client#test`), which write the pact.
 * A mismatch, a missing pact or a state this provider does not know fails the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Verifier, type VerifierOptions } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebaseReferencesTo } from './pact-request-filter.ts';
import { PROVIDER_STATES, providerStateSetups, resetProviderState } from './provider-states.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

const PACT_FILE = fileURLToPath(
  new URL('../../../pacts/connector-gateway-graph-api.json', import.meta.url),
);
// The verifier starts a proxy and replays every interaction; generous, never a fixed wait.
const VERIFY_TIMEOUT_MS = 60_000;

interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  metadata: { pactSpecification: { version: string } };
  interactions: { description: string; providerStates?: { name: string }[] }[];
}

function readPact(): PactFile {
  if (!existsSync(PACT_FILE)) {
    throw new Error(
      `${PACT_FILE} is missing: it is written by graph-client's consumer tests (pnpm --filter @connectors/graph-client test) and committed`,
    );
  }
  return JSON.parse(readFileSync(PACT_FILE, 'utf8')) as PactFile;
}

let graph: RunningFakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
});
afterAll(() => graph.close());

describe('the graph-api pact', () => {
  it('is the V4 contract between connector-gateway and graph-api, using only agreed states', () => {
    const pact = readPact();
    expect(pact.consumer.name).toBe('connector-gateway');
    expect(pact.provider.name).toBe('graph-api');
    expect(pact.metadata.pactSpecification.version).toMatch(/^4\./);
    expect(pact.interactions.length).toBeGreaterThan(0);
    const known: ReadonlySet<string> = new Set(Object.values(PROVIDER_STATES));
    const used = pact.interactions.flatMap((interaction) =>
      (interaction.providerStates ?? []).map((state) => state.name),
    );
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });

  it(
    'is honoured by fake-graph, interaction by interaction',
    async () => {
      readPact();
      const stateErrors: string[] = [];
      const stateHandlers: NonNullable<VerifierOptions['stateHandlers']> = {};
      for (const [name, setup] of Object.entries(
        providerStateSetups(graph.store, graph.controls),
      )) {
        stateHandlers[name] = async (params?: unknown) => {
          try {
            setup(params);
          } catch (error) {
            // pact-js logs a failing state handler and carries on; this makes it fail the test.
            stateErrors.push(`${name} ${JSON.stringify(params)}: ${(error as Error).message}`);
            throw error;
          }
        };
      }
      const verifier = new Verifier({
        provider: 'graph-api',
        providerBaseUrl: graph.url,
        pactUrls: [PACT_FILE],
        stateHandlers,
        // Runs before the first state of each interaction: the states then build from nothing.
        beforeEach: async () => resetProviderState(graph.store, graph.controls),
        // An @odata.id must name fake-graph itself: its own Host, and recorded bases rebased to it.
        changeOrigin: true,
        requestFilter: rebaseReferencesTo(graph.url),
        failIfNoPactsFound: true,
        logLevel: 'warn',
      });
      await expect(verifier.verifyProvider()).resolves.toBeDefined();
      expect(stateErrors).toEqual([]);
    },
    VERIFY_TIMEOUT_MS,
  );
});
