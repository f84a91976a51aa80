/** Writes `src/targets/schema.generated.ts` from the gateway's committed `schema.graphql`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GATEWAY_SDL } from '../src/targets/schema.ts';
import { renderSchemaTypes, SCHEMA_TYPES_FILE } from '../src/targets/schema-types.ts';

writeFileSync(SCHEMA_TYPES_FILE, await renderSchemaTypes(GATEWAY_SDL));
process.stdout.write(`wrote ${fileURLToPath(SCHEMA_TYPES_FILE)}\n`);
