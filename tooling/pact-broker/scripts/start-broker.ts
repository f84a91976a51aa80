/**
 * `pnpm --filter @connectors/pact-broker start`: the same broker the tests use, for trying the
 * commands by hand. Prints the settings to export; Ctrl-C stops it and deletes its database.
 */
import { installGems } from '../src/install-gems.ts';
import { rubyToolchain } from '../src/ruby-toolchain.ts';
import { startBroker } from '../src/start-broker.ts';

const ruby = rubyToolchain();
if (!ruby.ok) {
  console.error(`cannot run the Pact Broker: ${ruby.reason}; it needs Ruby 3.1+ and Bundler`);
  process.exit(1);
}
installGems();
const broker = await startBroker();
console.log(
  `export PACT_BROKER_BASE_URL=${broker.url} PACT_BROKER_USERNAME=${broker.credentials.username} PACT_BROKER_PASSWORD=${broker.credentials.password}`,
);
process.once('SIGINT', () => void broker.close().then(() => process.exit(0)));
process.once('SIGTERM', () => void broker.close().then(() => process.exit(0)));
