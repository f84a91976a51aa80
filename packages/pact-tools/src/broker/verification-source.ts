import type { VerifierOptions } from '@pact-foundation/pact';
import type { BrokerEnv } from './broker-env.ts';
import type { PacticipantVersion } from './pacticipant-version.ts';

/**
 * Which consumer versions a provider verifies from the broker: the consumers' main branch (what
 * is about to ship) and whatever is deployed or released (what runs now). Pact's recommended pair.
 */
export const CONSUMER_VERSION_SELECTORS = [
  { mainBranch: true },
  { deployedOrReleased: true },
] as const;

/** The Verifier options that fetch the pacts from the broker instead of from files. */
export type BrokerVerifierOptions = Pick<
  VerifierOptions,
  | 'pactBrokerUrl'
  | 'consumerVersionSelectors'
  | 'providerVersion'
  | 'providerVersionBranch'
  | 'publishVerificationResult'
>;

/** Verifier options for a broker: results are published from CI only. */
export function brokerVerifierOptions(
  env: BrokerEnv,
  version: PacticipantVersion,
): BrokerVerifierOptions {
  return {
    pactBrokerUrl: env.baseUrl,
    consumerVersionSelectors: CONSUMER_VERSION_SELECTORS.map((selector) => ({ ...selector })),
    providerVersion: version.version,
    providerVersionBranch: version.branch,
    publishVerificationResult: env.ci,
  };
}
