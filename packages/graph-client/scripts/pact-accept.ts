/**
 * `pnpm pact:accept`: makes the pact the consumer test just wrote the committed contract.
 * The package script regenerates it first (the interaction tests only), so a stale build folder
 * is never accepted.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { COMMITTED_PACT, GENERATED_PACT } from '../src/contract/pact-file.ts';

// Paths are shown from the repository root, where `pacts/` is.
const root = dirname(dirname(COMMITTED_PACT));

if (!existsSync(GENERATED_PACT)) {
  console.error(
    `No generated pact at ${relative(root, GENERATED_PACT)}: run pnpm --filter @connectors/graph-client pact:accept (it generates it first).`,
  );
  process.exit(1);
}
mkdirSync(dirname(COMMITTED_PACT), { recursive: true });
copyFileSync(GENERATED_PACT, COMMITTED_PACT);
console.log(
  `Accepted ${relative(root, GENERATED_PACT)} as ${relative(root, COMMITTED_PACT)}: review git diff pacts/ and commit it.`,
);
