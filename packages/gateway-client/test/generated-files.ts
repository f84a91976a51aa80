import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CodegenConfig, generate } from '@graphql-codegen/cli';

/** The command that rewrites `src/generated/`. */
export const CODEGEN_COMMAND = 'pnpm --filter @connectors/gateway-client codegen';

/**
 * What `graphql-codegen --check` decides, with the files named: each file codegen would write
 * that differs from (or is missing in) the folder, and each file in the folder it would not write.
 * Runs in process and writes nothing.
 */
export async function staleGeneratedFiles(
  config: CodegenConfig,
  packageDir: string,
  generatedDir: string,
): Promise<string[]> {
  const outputs: { filename: string; content: string }[] = await generate(
    { ...config, cwd: packageDir, silent: true },
    false,
  );
  const written = new Set(
    outputs.map((output) => relative(packageDir, join(packageDir, output.filename))),
  );
  const stale = outputs
    .filter((output) => {
      const path = join(packageDir, output.filename);
      return !existsSync(path) || readFileSync(path, 'utf8') !== output.content;
    })
    .map((output) => relative(packageDir, join(packageDir, output.filename)));
  const extra = readdirSync(join(packageDir, generatedDir))
    .map((name) => join(generatedDir, name))
    .filter((path) => !written.has(path));
  return [...stale, ...extra].sort();
}
