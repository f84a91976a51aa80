import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import { parse } from 'graphql';

/** The committed output of {@link renderSchemaTypes}: what the peers' resolvers are typed with. */
export const SCHEMA_TYPES_FILE = new URL('./schema.generated.ts', import.meta.url);

const HEADER = `// Generated from @connectors/gateway/schema.graphql by \`pnpm --filter @connectors/bench schema-types\`.
// Do not edit: schema.test.ts fails when this is stale.
`;

/**
 * The TypeScript types of `sdl`'s types, arguments and enums, for the peers' resolvers: enums as
 * string unions (the values the peers send), no `__typename`, every output field present so a
 * payload cannot leave one out.
 */
export async function renderSchemaTypes(sdl: string): Promise<string> {
  const output = await codegen({
    filename: 'schema.generated.ts',
    schema: parse(sdl),
    documents: [],
    plugins: [{ typescript: {} }],
    pluginMap: { typescript: typescriptPlugin },
    config: {
      enumsAsTypes: true,
      skipTypename: true,
      avoidOptionals: { field: true, object: true, inputValue: false, defaultValue: false },
      scalars: { ID: 'string' },
      useTypeImports: true,
    },
  });
  return `${HEADER}${output.trimEnd()}\n`;
}
