import { type LogLevel, Verifier, type VerifierOptions } from '@pact-foundation/pact';
import type { BrokerVerifierOptions } from '../broker/verification-source.ts';
import { type LoadedPact, readPactFile } from '../pact-file/pact-file.ts';
import { assertStateSetupsExist } from '../provider-states/missing-state-setups.ts';
import { ProviderStateError } from '../provider-states/provider-state-error.ts';
import { recordingStateHandlers } from '../provider-states/recording-state-handlers.ts';
import type { StateSetups } from '../provider-states/state-setup.ts';
import { describeVerificationFailure } from './verification-failure.ts';

/** Where the pacts come from: files (this repo's `pacts/`) or a Pact Broker. */
export type PactSource = { pactFiles: readonly string[] } | { broker: BrokerVerifierOptions };

/** Options of {@link verifyProvider}. */
export interface VerifyProviderOptions {
  /** The provider's name in the pacts, e.g. `connector-gateway`. */
  provider: string;
  /** Where the running provider listens, e.g. `http://127.0.0.1:1234`. */
  providerBaseUrl: string;
  source: PactSource;
  /** The state setups, by the exact state names the pacts use. */
  setups: StateSetups;
  /** Back to nothing before each interaction's first state, so states build from a known start. */
  reset: () => void | Promise<void>;
  /** The Pact core's log level; default `warn`. */
  logLevel?: LogLevel;
  /**
   * How requests are replayed, where a provider needs it (fake-graph: `changeOrigin` and a
   * `requestFilter` that rebases recorded `@odata.id`s onto itself).
   */
  verifierOptions?: Pick<VerifierOptions, 'changeOrigin' | 'requestFilter'>;
}

/**
 * Runs pact-js's `Verifier` against a running provider and fails, naming the state, when a
 * pact names a state with no setup (checked before anything is replayed, for files; recorded
 * during the run, for a broker) or when a setup throws (recorded, then failed after the run),
 * neither of which pact-js fails on by itself. Interactions the provider does not honour fail
 * with a {@link ProviderVerificationError} naming each one and its mismatches (the core also
 * prints its own report to stdout).
 */
export async function verifyProvider(options: VerifyProviderOptions): Promise<void> {
  let source: { pactUrls: string[] } | BrokerVerifierOptions;
  if ('pactFiles' in options.source) {
    const pacts = options.source.pactFiles.map(readPactFile);
    assertPactsFor(options.provider, pacts);
    assertStateSetupsExist(pacts, options.setups);
    source = { pactUrls: pacts.map(({ path }) => path) };
  } else {
    source = options.source.broker;
  }

  const states = recordingStateHandlers(options.setups);
  const verifier = new Verifier({
    provider: options.provider,
    providerBaseUrl: options.providerBaseUrl,
    ...source,
    stateHandlers: states.stateHandlers,
    beforeEach: async () => {
      await options.reset();
    },
    failIfNoPactsFound: true,
    logLevel: options.logLevel ?? 'warn',
    ...options.verifierOptions,
  });

  let failure: unknown;
  try {
    await verifier.verifyProvider();
  } catch (error) {
    failure = describeVerificationFailure(options.provider, error);
  }
  if (states.problems.length > 0) {
    const verdict =
      failure === undefined
        ? 'the interactions passed, but not from the states the consumers described'
        : `and the verification failed too: ${(failure as Error).message}`;
    throw new ProviderStateError(
      `${options.provider}: ${states.problems.length} provider state setup(s) failed (${verdict}):`,
      states.problems,
      { cause: failure },
    );
  }
  if (failure !== undefined) throw failure;
}

function assertPactsFor(provider: string, pacts: readonly LoadedPact[]): void {
  if (pacts.length === 0) throw new Error(`no pact file given to verify ${provider} against`);
  const others = pacts.filter(({ pact }) => pact.provider.name !== provider);
  if (others.length > 0) {
    throw new Error(
      `not pacts for ${provider}: ${others.map(({ path, pact }) => `${path} (provider ${pact.provider.name})`).join(', ')}`,
    );
  }
}
