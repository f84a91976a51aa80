/**
 * `pnpm schema:release`: makes the current schema the released one, on purpose. It prints what
 * is being released (the schema guard's report against the old baseline), then writes
 * `schema.released.graphql`; committing that file is the release, reviewed as its diff. Pact
 * operations the schema breaks still fail the guard afterwards: a release does not fix a consumer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPactDir } from '@connectors/pact-tools';
import { guardSchema } from '@connectors/schema-guard';
import { printGatewaySchema } from '../src/schema/schema.ts';

const CURRENT = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const RELEASED = fileURLToPath(new URL('../schema.released.graphql', import.meta.url));
const PACTS_DIR = fileURLToPath(new URL('../../../pacts/', import.meta.url));

const current = readFileSync(CURRENT, 'utf8');
if (current !== printGatewaySchema()) {
  console.error(
    'apps/gateway/schema.graphql is stale: run `pnpm --filter ./apps/gateway schema` first, so the release is the schema the gateway serves',
  );
  process.exit(1);
}
const report = await guardSchema({
  released: { name: 'apps/gateway/schema.released.graphql', sdl: readFileSync(RELEASED, 'utf8') },
  current: { name: 'apps/gateway/schema.graphql', sdl: current },
  pacts: readPactDir(PACTS_DIR),
});
console.log(report.text);
if (report.changes.length === 0) {
  console.log('nothing to release: schema.released.graphql already equals schema.graphql');
  process.exit(0);
}
writeFileSync(RELEASED, current);
console.log(
  `released: apps/gateway/schema.released.graphql now equals schema.graphql; commit it with the change${
    report.invalid.length > 0
      ? ` (${report.invalid.length} consumer operation(s) above are still invalid and keep failing pnpm test)`
      : ''
  }`,
);
