/**
 * `pnpm pact:verify`: the gateway verifies the frontend pacts the Pact Broker selects
 * (packages/pact-tools brokerVerifierOptions: main branch, deployed or released, matching branch,
 * pending and WIP on), or exactly the pact PACT_URL names (what a
 * `contract_requiring_verification_published` webhook hands the gateway's CI), against the real
 * gateway in front of fake-graph, as `pnpm test` verifies the committed files; CI=true publishes
 * the results as this version and branch.
 *
 * Run by pnpm, never by turbo: the broker's pacts are not inputs turbo could hash, so a cached
 * "success" would be a lie. Ends with one line on stderr when it fails (the Pact core's own report
 * goes to stdout above it).
 */
import { providerStateSetups, resetProviderState } from '@connectors/fake-graph';
import {
  brokerVerifierOptions,
  loadBrokerEnv,
  ProviderStateError,
  ProviderVerificationError,
  pacticipantVersion,
  verifyProvider,
} from '@connectors/pact-tools';
import { startProviderUnderTest } from '../src/contract/provider-under-test.ts';

const PROVIDER = 'connector-gateway';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const broker = loadBrokerEnv();
if (!broker.ok) fail(broker.message);
let source: ReturnType<typeof brokerVerifierOptions>;
try {
  source = brokerVerifierOptions(broker.value, pacticipantVersion(broker.value));
} catch (error) {
  fail((error as Error).message);
}

const provider = await startProviderUnderTest();
let failure: string | undefined;
try {
  await verifyProvider({
    provider: PROVIDER,
    providerBaseUrl: provider.url,
    source: { broker: source },
    setups: providerStateSetups(provider.graph.store, provider.graph.controls),
    reset: () => resetProviderState(provider.graph.store, provider.graph.controls),
    logLevel: 'error',
  });
} catch (error) {
  failure = oneLine(error);
} finally {
  await provider.close();
}
if (failure !== undefined) fail(failure);
const results = source.publishVerificationResult
  ? `results published as ${source.providerVersion} on ${source.providerVersionBranch}`
  : 'results not published (CI is not true)';
// Pending and WIP pacts' failures are in the core's report above and at the broker, not here:
// they are the consumer's to fix before its can-i-deploy lets it ship.
console.log(
  `${PROVIDER} honours ${broker.value.pactUrl ?? 'every non-pending pact the broker selected'}; ${results}`,
);

/** The failure as one line: each failed interaction, or what stopped the verification. */
function oneLine(error: unknown): string {
  const what =
    source.pactUrls?.[0] ??
    `the pacts the broker at ${broker.ok ? broker.value.baseUrl : '?'} selected`;
  if (error instanceof ProviderVerificationError) {
    return `pact:verify: ${PROVIDER} does not honour ${error.failures.length} interaction(s) of ${what}: ${error.failures.join(' | ')}. Fix the gateway, or talk to the consumer; the broker has the result.`;
  }
  if (error instanceof ProviderStateError) {
    return `pact:verify: ${error.message.split('\n')[0]}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `pact:verify: could not verify ${what}: ${brokerHint(message)}`;
}

function brokerHint(message: string): string {
  if (/401|unauthori[sz]ed/i.test(message)) {
    return 'the broker refused the credentials (HTTP 401): set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD';
  }
  if (/error sending request|connection refused|ECONNREFUSED|dns/i.test(message)) {
    return 'cannot reach the Pact Broker: check PACT_BROKER_BASE_URL and that it is running';
  }
  return message.split('\n')[0] ?? message;
}
