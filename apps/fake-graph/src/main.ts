import { loadEnvOrExit } from '@connectors/env';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { SEED } from './seed.ts';
import { startFakeGraph } from './start.ts';

// Starts fake-graph from its environment (README: Configuration).
const env = loadEnvOrExit(loadEnv);

const logger = createLogger(env.LOG_LEVEL);
let running: Awaited<ReturnType<typeof startFakeGraph>>;
try {
  running = await startFakeGraph({
    port: env.PORT,
    host: env.HOST,
    databasePath: env.DATABASE_PATH,
    ...(env.FAKE_GRAPH_TOKEN === undefined ? {} : { token: env.FAKE_GRAPH_TOKEN }),
    logger,
  });
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`fake-graph: cannot start on ${env.HOST}:${env.PORT}: ${reason}`);
  process.exit(1);
}

console.log(`fake-graph listening on ${running.url}
  Graph base URL   ${running.baseUrl}   (also ${running.url}/beta)
  database         ${env.DATABASE_PATH}
  bearer tokens    ${env.FAKE_GRAPH_TOKEN === undefined ? 'any non-empty token' : 'only FAKE_GRAPH_TOKEN'}
  seeded ids
    application    ${SEED.applicationId}
    Default group  ${SEED.defaultGroup.id} (${SEED.defaultGroup.region}, isDefault true)
    connector      ${SEED.connectorId} (member of Default)`);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal}: closing`);
  running.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('fake-graph: error while closing', error);
      process.exit(1);
    },
  );
}
// `on`, not `once`: a terminal's Ctrl+C and a launcher's forwarded signal may both arrive, and a
// second signal must not kill the process halfway through closing the database.
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
