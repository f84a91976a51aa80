/**
 * `pnpm --filter @connectors/gateway-client version:schema`: after codegen from a changed gateway
 * schema, derives this package's version from the change (deriveVersion: major after a schema
 * release, minor otherwise) and records the schema's stamp in package.json. A test fails while
 * the stamp is not the schema's, so a published client always says which schema it speaks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deriveVersion } from './schema-version/derive-version.ts';
import { currentSchemaStamp, type SchemaStamp } from './schema-version/schema-stamp.ts';

const PACKAGE_JSON = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as {
  version: string;
  gatewaySchema?: SchemaStamp;
};
const current = currentSchemaStamp();
const version =
  manifest.gatewaySchema === undefined
    ? manifest.version
    : deriveVersion(manifest.version, manifest.gatewaySchema, current);
writeFileSync(
  PACKAGE_JSON,
  `${JSON.stringify({ ...manifest, version, gatewaySchema: current }, null, 2)}\n`,
);
console.log(
  version === manifest.version
    ? `@connectors/gateway-client stays ${version}`
    : `@connectors/gateway-client ${manifest.version} -> ${version}`,
);
