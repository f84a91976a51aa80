import type { VerifierOptions } from '@pact-foundation/pact';
import type { BrokerEnv } from './broker-env.ts';
import type { PacticipantVersion } from './pacticipant-version.ts';

/**
 * Which consumer versions a provider verifies from the broker (Pact's recommended set): the
 * consumers' main branch (what is about to ship), whatever is deployed or released (what runs
 * now), and the consumer branch named like the provider's (a feature built on both sides at once).
 */
export const CONSUMER_VERSION_SELECTORS = [
  { mainBranch: true },
  { deployedOrReleased: true },
  { matchingBranch: true },
] as const;

/**
 * Work-in-progress pacts (a consumer's new pact on any branch, not yet verified) are verified from
 * this date on, always as pending: their failure is reported to the broker but fails no build.
 * A fixed date, not "now": the broker counts a pact as WIP only when it was published after it.
 */
export const WIP_PACTS_SINCE = '2026-01-01';

/** The Verifier options that fetch the pacts from the broker instead of from files. */
export type BrokerVerifierOptions = Pick<
  VerifierOptions,
  | 'pactBrokerUrl'
  | 'pactUrls'
  | 'consumerVersionSelectors'
  | 'enablePending'
  | 'includeWipPactsSince'
  | 'providerVersion'
  | 'providerVersionBranch'
  | 'publishVerificationResult'
>;

/**
 * Verifier options for a broker: the selectors above with pending and WIP pacts on (WIP only ever
 * with pending: a WIP pact that could fail the build would block the provider on a consumer's
 * branch), or exactly the pact PACT_URL names (a webhook's verification). Results are published
 * from CI only, as this version on this branch.
 */
export function brokerVerifierOptions(
  env: BrokerEnv,
  version: PacticipantVersion,
): BrokerVerifierOptions {
  const results = {
    providerVersion: version.version,
    providerVersionBranch: version.branch,
    publishVerificationResult: env.ci,
  };
  // Without pactBrokerUrl: given one, pact-js also fetches the broker's own selection (measured
  // with 17.1.4: the webhook's job verified main's pact too). The result still goes to the
  // broker, through the pact's own publish link.
  if (env.pactUrl !== undefined) return { pactUrls: [env.pactUrl], ...results };
  return {
    pactBrokerUrl: env.baseUrl,
    consumerVersionSelectors: CONSUMER_VERSION_SELECTORS.map((selector) => ({ ...selector })),
    enablePending: true,
    includeWipPactsSince: WIP_PACTS_SINCE,
    ...results,
  };
}
