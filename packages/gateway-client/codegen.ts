/**
 * GraphQL Code Generator: types and document strings for `src/operations/*.graphql`, from the
 * gateway's committed schema. `pnpm --filter @connectors/gateway-client codegen` rewrites
 * `src/generated/`; a test fails while it is stale.
 */
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  // The gateway's printed schema, through its package export: a build input, not source.
  schema: fileURLToPath(import.meta.resolve('@connectors/gateway/schema.graphql')),
  documents: ['src/operations/*.graphql'],
  // Relative imports between generated files end in .ts, as everything else here
  // (allowImportingTsExtensions, no build step).
  importExtension: '.ts',
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        // Plain strings, not DocumentNode: what is sent is exactly the text that is hashed.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        // A frontend never sees the schema's scalars other than these.
        strictScalars: true,
        scalars: { ID: 'string' },
      },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
