import { fileURLToPath } from 'node:url';

/** Consumer and provider names of the REST contract (API.md section 4). */
export const CONSUMER = 'connector-gateway';
export const PROVIDER = 'graph-api';

/** Generated files of this package (ignored by git). */
export const BUILD_DIR = fileURLToPath(new URL('../../build', import.meta.url));

/** Where the consumer test writes the pact. */
export const GENERATED_PACT_DIR = `${BUILD_DIR}/pacts`;
export const GENERATED_PACT = `${GENERATED_PACT_DIR}/${CONSUMER}-${PROVIDER}.json`;

/** The committed contract: what review sees, what the provider verifies. */
export const COMMITTED_PACT = fileURLToPath(
  new URL(`../../../../pacts/${CONSUMER}-${PROVIDER}.json`, import.meta.url),
);

/** The described API the pact must stay within (the domain's `openapi.json` export). */
export const OPENAPI_DOCUMENT = fileURLToPath(
  import.meta.resolve('@connectors/domain/openapi.json'),
);

interface PactDocument {
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A pact without what changes when nothing in the contract does: the versions of pact-js and
 * the Rust core that wrote it. The specification version stays, since it changes the meaning.
 * Rendered as indented JSON so that a difference reads as a line diff.
 */
export function stablePactText(pact: PactDocument): string {
  const { metadata, ...rest } = pact;
  const { 'pact-js': _pactJs, pactRust: _pactRust, ...stableMetadata } = metadata ?? {};
  return `${JSON.stringify({ ...rest, metadata: stableMetadata }, null, 2)}\n`;
}
