import { interactionStates, type LoadedPact } from '../pact-file/pact-file.ts';
import { ProviderStateError } from './provider-state-error.ts';
import type { StateSetups } from './state-setup.ts';

/** One place a pact names a state. */
export interface StateUse {
  state: string;
  consumer: string;
  interaction: string;
  pactFile: string;
}

/** Every use of a state that has no setup, in pact and interaction order. */
export function missingStateSetups(pacts: readonly LoadedPact[], setups: StateSetups): StateUse[] {
  return pacts.flatMap(({ path, pact }) =>
    pact.interactions.flatMap((interaction) =>
      interactionStates(interaction)
        .filter((state) => !Object.hasOwn(setups, state.name))
        .map((state) => ({
          state: state.name,
          consumer: pact.consumer.name,
          interaction: interaction.description,
          pactFile: path,
        })),
    ),
  );
}

/**
 * Throws a {@link ProviderStateError} listing every state the pacts name that has no setup,
 * with the consumer and interaction that need it; run before verification, so nothing is
 * replayed against a provider that cannot be put in the described state.
 */
export function assertStateSetupsExist(pacts: readonly LoadedPact[], setups: StateSetups): void {
  const missing = missingStateSetups(pacts, setups);
  if (missing.length === 0) return;
  throw new ProviderStateError(
    `${missing.length} provider state use(s) have no state handler; add one per state (known: ${Object.keys(setups).length}):`,
    missing.map(
      (use) =>
        `no handler for state "${use.state}" (consumer ${use.consumer}, interaction "${use.interaction}", ${use.pactFile})`,
    ),
  );
}
