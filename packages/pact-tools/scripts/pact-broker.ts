/**
 * `pnpm pact:publish` and `pnpm pact:can-i-deploy`: this repo's committed pacts and the Pact
 * Broker, through @pact-foundation/pact-cli's `pact-broker`.
 *
 * publish: every pact under the root `pacts/` (the gateway's REST pact and the frontend's
 * GraphQL pact), as this commit on this branch. can-i-deploy: `connector-gateway`, which is
 * both the REST pact's consumer and the GraphQL pact's provider, so the one question covers both
 * sides of it. The credentials stay in the environment, where the CLI reads them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBrokerEnv } from '../src/broker/env.ts';
import { pacticipantVersion } from '../src/broker/pacticipant-version.ts';

/** The pacticipant this repo deploys. */
const GATEWAY = 'connector-gateway';
const PACTS_DIR = fileURLToPath(new URL('../../../pacts/', import.meta.url));

const command = process.argv[2];
if (command !== 'publish' && command !== 'can-i-deploy') {
  console.error('usage: tsx scripts/pact-broker.ts publish|can-i-deploy');
  process.exit(2);
}

const parsed = loadBrokerEnv();
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const env = parsed.value;
let version: ReturnType<typeof pacticipantVersion>;
try {
  version = pacticipantVersion(env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let args: string[];
if (command === 'publish') {
  const pacts = readdirSync(PACTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => `${PACTS_DIR}${file}`);
  if (pacts.length === 0) {
    console.error(`no pact under ${PACTS_DIR}: nothing to publish`);
    process.exit(1);
  }
  args = [
    'publish',
    ...pacts,
    '--broker-base-url',
    env.baseUrl,
    '--consumer-app-version',
    version.version,
    '--branch',
    version.branch,
  ];
} else {
  args = [
    'can-i-deploy',
    '--broker-base-url',
    env.baseUrl,
    '--pacticipant',
    GATEWAY,
    '--version',
    version.version,
    '--to-environment',
    env.environment,
  ];
}

const broker = fileURLToPath(new URL('../node_modules/.bin/pact-broker', import.meta.url));
console.log(`pact-broker ${args.join(' ')}`);
const run = spawnSync(broker, args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
