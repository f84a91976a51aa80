/**
 * `pnpm pact:accept` (this package's part): makes the GraphQL pact the consumer test just wrote
 * the committed contract. The package script regenerates it first, so a stale build folder is
 * never accepted.
 */
import { acceptPact } from '@connectors/graph-client/contract';
import { GRAPHQL_PACT } from '../src/contract/pact-files.ts';

try {
  console.log(acceptPact(GRAPHQL_PACT));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
