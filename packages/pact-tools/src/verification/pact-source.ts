import { NO_BROKER_MESSAGE, type parseBrokerEnv } from '../broker/broker-env.ts';
import { loadBrokerEnv } from '../broker/env.ts';
import { type Git, pacticipantVersion } from '../broker/pacticipant-version.ts';
import { brokerVerifierOptions } from '../broker/verification-source.ts';
import { readPactDir } from '../pact-file/pact-file.ts';
import type { PactSource } from './verify-provider.ts';

/** Options of {@link pactSourceFor}. */
export interface PactSourceOptions {
  /** The broker settings; default this process's ({@link loadBrokerEnv}). */
  broker?: ReturnType<typeof parseBrokerEnv>;
  /** Where the committed pacts are, used when there is no broker. */
  pactsDir: string;
  /** For tests; default the real git in the current directory. */
  git?: Git;
}

/**
 * Where a provider's verification reads its pacts: the broker when PACT_BROKER_BASE_URL is set
 * (main-branch and deployed-or-released consumers, results published from CI only), else every
 * pact under `pactsDir` whose provider is `provider`. A broker setting that is wrong, or no pact
 * for the provider at all, is an error naming what to fix, never a verification of nothing.
 */
export function pactSourceFor(provider: string, options: PactSourceOptions): PactSource {
  const broker = options.broker ?? loadBrokerEnv();
  if (broker.ok) {
    return {
      broker: brokerVerifierOptions(broker.value, pacticipantVersion(broker.value, options.git)),
    };
  }
  if (broker.message !== NO_BROKER_MESSAGE) throw new Error(broker.message);
  const pactFiles = readPactDir(options.pactsDir, { provider }).map(({ path }) => path);
  if (pactFiles.length === 0) {
    throw new Error(
      `no pact under ${options.pactsDir} has provider ${provider}, and PACT_BROKER_BASE_URL is not set: nothing to verify ${provider} against`,
    );
  }
  return { pactFiles };
}
