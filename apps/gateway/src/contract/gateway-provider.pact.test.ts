/**
 * Contract: provider verification of the gateway (provider `connector-gateway`): the real gateway,
 * with production settings and the fast path on, in front of the real fake-graph (a temp SQLite
 * file), honours every interaction of every frontend pact under `pacts/` whose provider is
 * `connector-gateway` (today `connector-admin-web`'s, written by packages/gateway-client). The
 * same verification against the pacts a Pact Broker selects is `pnpm pact:verify`
 * (scripts/pact-verify.ts), outside turbo; turbo hides the broker variables from this run.
 *
 * What it protects: a frontend's tests run against Pact's mock server, which answers exactly what
 * the pact says; this proves the gateway answers the same, so the chain frontend -> gateway ->
 * REST upstream is checked end to end in one run (fake-graph is verified against the REST pact in
 * its own package). The states are fake-graph's own provider states, the same names as the REST
 * pact's, seeding fake-graph directly; the throttled state uses fake-graph's fault controls. A
 * state with no handler, a handler that throws, or an interaction not honoured fails the run,
 * naming the state or (in the verifier's printed report) the interaction.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDER_STATES, providerStateSetups, resetProviderState } from '@connectors/fake-graph';
import { ProviderVerificationError, pactSourceFor, verifyProvider } from '@connectors/pact-tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProviderUnderTest, startProviderUnderTest } from './provider-under-test.ts';

const PROVIDER = 'connector-gateway';
const PACTS_DIR = fileURLToPath(new URL('../../../../pacts/', import.meta.url));
// The verifier starts a proxy and replays every interaction; generous, never a fixed wait.
const VERIFY_TIMEOUT_MS = 60_000;

let provider: ProviderUnderTest;
beforeAll(async () => {
  provider = await startProviderUnderTest();
});
afterAll(() => provider.close());

function verify(source: Parameters<typeof verifyProvider>[0]['source']) {
  return verifyProvider({
    provider: PROVIDER,
    providerBaseUrl: provider.url,
    source,
    setups: providerStateSetups(provider.graph.store, provider.graph.controls),
    // Before each interaction's first state (stateless ones too): fake-graph empty, controls off,
    // and the gateway's memory of the upstream gone (the throttled state's 120 s gate would
    // otherwise refuse, unsent, every write of the interactions after it).
    reset: () => {
      resetProviderState(provider.graph.store, provider.graph.controls);
      provider.gateway.client.resetUpstreamState();
    },
  });
}

describe('the frontend pacts', () => {
  it(
    'are honoured by the gateway in front of fake-graph, interaction by interaction',
    async () => {
      const source = pactSourceFor(PROVIDER, { pactsDir: PACTS_DIR });
      const servedBefore = provider.gateway.gateway.fastPathStats.served;
      await verify(source);
      if ('pactFiles' in source) {
        // A document yoga validated once is served by the fast path after: the pacts repeat
        // their operations, so production's fast path was verified, not only yoga.
        expect(provider.gateway.gateway.fastPathStats.served).toBeGreaterThan(servedBefore);
      }
    },
    VERIFY_TIMEOUT_MS,
  );
});

/**
 * A hand-written V4 GraphQL pact, shaped as pact-js's `addGraphQLInteraction` writes one (the
 * body's `query` is the exact text; the verifier replays it), to prove this verification can
 * fail: the same chain and states as the real throttled interaction (which passes above), with
 * an expectation the gateway does not meet.
 */
const APPLICATION = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR = 'e98f0710-0710-e98f-1007-8fe910078fe9';
const MEMBER_OF = `query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {
    connectorGroups { id name }
    userErrors { code field }
    requestId
  }
}`;

function throttledInteraction(description: string, retryAfterSeconds: number) {
  return {
    type: 'Synchronous/HTTP',
    description,
    providerStates: [
      {
        name: PROVIDER_STATES.hasConnector,
        params: { applicationId: APPLICATION, connectorId: CONNECTOR },
      },
      { name: PROVIDER_STATES.throttled, params: { retryAfterSeconds: 120 } },
    ],
    pending: false,
    request: {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': ['application/json'], authorization: ['Bearer a-token'] },
      body: {
        contentType: 'application/json',
        encoded: false,
        content: {
          operationName: 'ConnectorMemberOf',
          query: MEMBER_OF,
          variables: { applicationId: APPLICATION, connectorId: CONNECTOR },
        },
      },
    },
    response: {
      status: 200,
      body: {
        contentType: 'application/json',
        encoded: false,
        content: { errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }] },
      },
    },
  };
}

describe('a hand-written GraphQL pact', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gateway-pact-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function writePact(name: string, interactions: unknown[]): string {
    const path = join(dir, `${name}.json`);
    const pact = {
      consumer: { name: 'hand-written-web' },
      provider: { name: PROVIDER },
      interactions,
      metadata: { pactSpecification: { version: '4.0' } },
    };
    writeFileSync(path, JSON.stringify(pact, null, 2));
    return path;
  }

  it(
    'fails where it does not, naming the interaction, its states and the mismatch',
    async () => {
      const pact = writePact('dishonoured', [
        throttledInteraction('a throttled upstream says to wait 60 s', 60),
      ]);
      const failure = await verify({ pactFiles: [pact] }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ProviderVerificationError);
      expect((failure as ProviderVerificationError).failures).toEqual([
        `hand-written-web: "a throttled upstream says to wait 60 s" given "${PROVIDER_STATES.hasConnector}" and "${PROVIDER_STATES.throttled}": $.errors[0].extensions.retryAfterSeconds: Expected 120 (Integer) to be equal to 60 (Integer)`,
      ]);
    },
    VERIFY_TIMEOUT_MS,
  );
});
