import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Which gateway schema a client version was generated from: the sha256 of the current schema and
 * of the last released one. Recorded in package.json as `gatewaySchema`, so it ships in the
 * tarball too (a frontend can see which schema its client speaks).
 */
export interface SchemaStamp {
  /** sha256 (hex) of apps/gateway/schema.graphql, which codegen reads. */
  schema: string;
  /** sha256 (hex) of apps/gateway/schema.released.graphql, which only a breaking release changes. */
  released: string;
}

// Build inputs, by path: the client is generated from them (tooling/boundaries BUILD_INPUTS).
const SCHEMA = fileURLToPath(new URL('../../../../apps/gateway/schema.graphql', import.meta.url));
const RELEASED = fileURLToPath(
  new URL('../../../../apps/gateway/schema.released.graphql', import.meta.url),
);

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The stamp of the schema files as they are in this checkout. */
export function currentSchemaStamp(): SchemaStamp {
  return { schema: sha256(SCHEMA), released: sha256(RELEASED) };
}
