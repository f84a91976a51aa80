/**
 * `pnpm pact:publish`, `pnpm pact:can-i-deploy` and `pnpm pact:record-deployment`: the gateway's
 * side of the Pact Broker, through @pact-foundation/pact-cli's `pact-broker`.
 *
 * - publish: the pacts under the root `pacts/` whose consumer is `connector-gateway` (the REST
 *   pact), as this commit on this branch. The frontend pact there is this repo's own client test;
 *   the frontends publish theirs from their repositories, under their own versions.
 * - can-i-deploy: `connector-gateway` at this version to PACT_ENVIRONMENT, ignoring `graph-api`:
 *   Microsoft verifies no pact, so the REST pact is never verified at the broker (fake-graph's
 *   verification in `pnpm test` is this repo's check of it; docs/contracts.md).
 * - record-deployment: after a deploy, so the next can-i-deploy knows what runs there.
 *
 * Success prints the CLI's report. Any failure prints one line on stderr saying what to do
 * (explainBrokerFailure), never the CLI's or pnpm's noise; can-i-deploy's no names each failing
 * interaction, from the broker's verification results. The credentials stay in the environment.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { explainBrokerFailure } from '../src/broker/broker-failure.ts';
import { brokerAuthorization, loadBrokerEnv } from '../src/broker/env.ts';
import { failedInteractions } from '../src/broker/failed-interactions.ts';
import { pacticipantVersion } from '../src/broker/pacticipant-version.ts';
import { readPactDir } from '../src/pact-file/pact-file.ts';

/** The pacticipant this repo deploys. */
const GATEWAY = 'connector-gateway';
/** Microsoft Graph: a provider nobody verifies (docs/contracts.md, "graph-api at the broker"). */
const NEVER_VERIFIED = 'graph-api';
const PACTS_DIR = fileURLToPath(new URL('../../../pacts/', import.meta.url));
const COMMANDS = ['publish', 'can-i-deploy', 'record-deployment'] as const;
type Command = (typeof COMMANDS)[number];

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const command = process.argv[2] as Command;
if (!COMMANDS.includes(command)) {
  console.error(`usage: tsx scripts/pact-broker.ts ${COMMANDS.join('|')}`);
  process.exit(2);
}

const parsed = loadBrokerEnv();
if (!parsed.ok) fail(parsed.message);
const env = parsed.value;
let version: ReturnType<typeof pacticipantVersion>;
try {
  version = pacticipantVersion(env);
} catch (error) {
  fail((error as Error).message);
}

let args: string[];
if (command === 'publish') {
  const pacts = readPactDir(PACTS_DIR)
    .filter(({ pact }) => pact.consumer.name === GATEWAY)
    .map(({ path }) => path);
  if (pacts.length === 0) fail(`pact:publish: no pact under ${PACTS_DIR} has consumer ${GATEWAY}`);
  args = [
    'publish',
    ...pacts,
    '--consumer-app-version',
    version.version,
    '--branch',
    version.branch,
  ];
} else if (command === 'can-i-deploy') {
  args = [
    'can-i-deploy',
    '--pacticipant',
    GATEWAY,
    '--version',
    version.version,
    '--to-environment',
    env.environment,
    '--ignore',
    NEVER_VERIFIED,
  ];
} else {
  args = [
    'record-deployment',
    '--pacticipant',
    GATEWAY,
    '--version',
    version.version,
    '--environment',
    env.environment,
  ];
}

const broker = fileURLToPath(new URL('../node_modules/.bin/pact-broker', import.meta.url));
const run = spawnSync(broker, [...args, '--broker-base-url', env.baseUrl], {
  encoding: 'utf8',
  timeout: 120_000,
});
const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
if (run.status === 0) {
  console.log(output.trim());
  process.exit(0);
}
let line = explainBrokerFailure({ command, baseUrl: env.baseUrl, pacticipant: GATEWAY }, output);
if (command === 'can-i-deploy' && /Computer says no/.test(output)) {
  const failed = await failedInteractions({
    baseUrl: env.baseUrl,
    authorization: brokerAuthorization(),
    pacticipant: GATEWAY,
    version: version.version,
    environment: env.environment,
  }).catch(() => []);
  if (failed.length > 0) line += `; failing: ${failed.join(' | ')}`;
}
fail(line);
