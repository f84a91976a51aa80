/**
 * `pnpm pact:accept`: makes the pact the consumer test just wrote the committed contract.
 * The package script regenerates it first (the interaction tests only), so a stale build folder
 * is never accepted.
 */
import { acceptPact, REST_PACT } from '../src/contract/pact-file.ts';

try {
  console.log(
    acceptPact({
      ...REST_PACT,
      acceptCommand: 'pnpm --filter @connectors/graph-client pact:accept',
    }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
