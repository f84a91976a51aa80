import { loadBrokerTestEnv } from './env.ts';
import { installGems } from './install-gems.ts';
import { rubyToolchain } from './ruby-toolchain.ts';
import { type RunningBroker, startBroker } from './start-broker.ts';

/** The broker the tests use, as the commands see it, or why there is none. */
export type BrokerTarget =
  | {
      ok: true;
      url: string;
      /** PACT_BROKER_BASE_URL and its credentials: the environment every broker command gets. */
      env: Record<string, string>;
      /** Started by these tests from the Gemfile (a fresh database), not one pointed at. */
      local: boolean;
    }
  | { ok: false; reason: string };

/** What a test run without Ruby says, naming what would run it. */
export function skipReason(why: string): string {
  return `the real Pact Broker cannot run here (${why}): it needs Ruby 3.1+ and Bundler (apt-get install ruby-full; Bundler comes with it), or set PACT_BROKER_BASE_URL (with PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD or PACT_BROKER_TOKEN) to any running broker, e.g. docker run -p 9292:9292 pactfoundation/pact-broker`;
}

/**
 * The broker for this test run: the one PACT_BROKER_BASE_URL names, else the real Pact Broker
 * installed (cached in .cache/) and started from this package's Gemfile, else why neither.
 */
export async function brokerTarget(): Promise<{ target: BrokerTarget; started?: RunningBroker }> {
  const { external } = loadBrokerTestEnv();
  if (external !== undefined) {
    return {
      target: {
        ok: true,
        url: external.url,
        env: { PACT_BROKER_BASE_URL: external.url, ...external.credentials },
        local: false,
      },
    };
  }
  const ruby = rubyToolchain();
  if (!ruby.ok) return { target: { ok: false, reason: skipReason(ruby.reason) } };
  installGems();
  const started = await startBroker();
  return {
    started,
    target: {
      ok: true,
      url: started.url,
      env: {
        PACT_BROKER_BASE_URL: started.url,
        PACT_BROKER_USERNAME: started.credentials.username,
        PACT_BROKER_PASSWORD: started.credentials.password,
      },
      local: true,
    },
  };
}
