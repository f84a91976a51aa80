/**
 * Bundles the gateway for production: `src/main.ts` and everything it imports (workspace
 * packages and third-party code alike) into one ES module, `build/main.mjs`, run with plain
 * `node` (no tsx, whose loader alone costs about 48 MB of RSS per process; issue 6).
 *
 * `pnpm --filter ./apps/gateway build`, then `node apps/gateway/build/main.mjs`. An optional
 * argument writes the bundle elsewhere (the tests build into a temporary folder).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Where `pnpm --filter ./apps/gateway build` writes the bundle. */
export const GATEWAY_BUNDLE = fileURLToPath(new URL('../build/main.mjs', import.meta.url));
const ENTRY = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/**
 * graphql-jit imports fast-json-stringify (and with it ajv, about 780 KB of the bundle and 8 MB of
 * RSS at start, measured) for its `customJSONSerializer` option alone, which the gateway never
 * sets: the answer's JSON is yoga's `processRegularResult` on both paths. The bundle gets a module
 * in its place that says so if it is ever called.
 */
const WITHOUT_FAST_JSON_STRINGIFY: Plugin = {
  name: 'without-fast-json-stringify',
  setup(build) {
    build.onResolve({ filter: /^fast-json-stringify$/ }, () => ({
      path: 'fast-json-stringify',
      namespace: 'not-bundled',
    }));
    build.onLoad({ filter: /.*/, namespace: 'not-bundled' }, () => ({
      contents: `module.exports = function fastJsonStringify() {
  throw new Error('fast-json-stringify is not bundled: the gateway never sets the customJSONSerializer option of graphql-jit (apps/gateway/scripts/build.ts)');
};`,
      loader: 'js',
    }));
  },
};

/**
 * Writes the production bundle to `outfile`; resolves once it is on disk. The file is replaced
 * in one rename, never rewritten in place: `pnpm test` runs builds into `build/` (the bench
 * smoke, the production-start test) while other processes start from it, and a half-written
 * bundle would fail to load.
 * @param options.plugins esbuild plugins, for a measured variant of the gateway (the bench's
 *   micro-benchmarks patch one module); production passes none
 */
export async function buildGateway(
  outfile: string = GATEWAY_BUNDLE,
  options: { plugins?: Plugin[] } = {},
): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // GraphiQL's 9 MB renderer is imported on the first GraphiQL request only, never in
    // production: left out of the bundle, it is loaded from node_modules when needed.
    external: ['@graphql-yoga/render-graphiql'],
    // CommonJS dependencies bundled into an ES module still call `require` for Node's builtins.
    // The bundle is what production runs, so it defaults to NODE_ENV=production (no GraphiQL,
    // introspection or suggestions; graphql-js skips its development checks): forgetting the
    // variable must not open the schema. Set before any bundled module reads it; an explicit
    // value (even `development`) wins, and an empty one counts as unset, as env.ts counts it.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url); process.env.NODE_ENV ||= 'production';",
    },
    // No `keepNames`: it wraps every function esbuild defines, per-request closures included,
    // in a defineProperty call, which cost graphql-yoga about a quarter of its throughput.
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    plugins: [WITHOUT_FAST_JSON_STRINGIFY, ...(options.plugins ?? [])],
  });
  const [bundle] = result.outputFiles;
  if (bundle === undefined) throw new Error('esbuild wrote no bundle');
  await mkdir(dirname(outfile), { recursive: true });
  const partial = `${outfile}.${randomUUID()}.partial`;
  await writeFile(partial, bundle.contents);
  await rename(partial, outfile);
  return outfile;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await buildGateway(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`wrote ${written}\n`);
}
