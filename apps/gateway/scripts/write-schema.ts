/** Writes `schema.graphql` from the code-first schema; `schema.test.ts` fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { printGatewaySchema } from '../src/schema/schema.ts';

const target = new URL('../schema.graphql', import.meta.url);
writeFileSync(target, printGatewaySchema());
process.stdout.write(`wrote ${target.pathname}\n`);
