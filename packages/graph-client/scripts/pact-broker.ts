/**
 * `pnpm pact:publish` and `pnpm pact:can-i-deploy`: the committed pact and the Pact Broker,
 * through @pact-foundation/pact-cli's `pact-broker`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { COMMITTED_PACT, CONSUMER } from '../src/contract/pact-file.ts';
import { loadBrokerEnv } from './env.ts';

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

function git(...args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8' }).trim();
}

const version = env.version ?? git('rev-parse', '--short=12', 'HEAD');
const branch = env.branch ?? git('rev-parse', '--abbrev-ref', 'HEAD');
const broker = fileURLToPath(new URL('../node_modules/.bin/pact-broker', import.meta.url));

const args =
  command === 'publish'
    ? [
        'publish',
        COMMITTED_PACT,
        '--broker-base-url',
        env.baseUrl,
        '--consumer-app-version',
        version,
        '--branch',
        branch,
      ]
    : [
        'can-i-deploy',
        '--broker-base-url',
        env.baseUrl,
        '--pacticipant',
        CONSUMER,
        '--version',
        version,
        '--to-environment',
        env.environment,
      ];

console.log(`pact-broker ${args.join(' ')}`);
const run = spawnSync(broker, args, { stdio: 'inherit' });
process.exit(run.status ?? 1);
