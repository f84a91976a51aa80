import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { nodeCommand } from './child-processes.ts';

const run = promisify(execFile);

/** The bench's own servers (floors, peers, upstream), bundled: `targets/serve.ts` as plain JS. */
export const SERVE_BUNDLE = fileURLToPath(new URL('../build/serve.mjs', import.meta.url));
const SERVE_ENTRY = fileURLToPath(new URL('./targets/serve.ts', import.meta.url));

/**
 * The gateway's production build, through its package's `exports`: the script the bench runs and
 * the bundle it writes. Loaded only when a gateway target is measured.
 */
export async function gatewayBuild(): Promise<{ script: string; bundle: string }> {
  const script = fileURLToPath(import.meta.resolve('@connectors/gateway/build'));
  const { GATEWAY_BUNDLE } = await import('@connectors/gateway/build');
  return { script, bundle: GATEWAY_BUNDLE };
}

/** A build that takes longer than this has hung. */
const BUILD_TIMEOUT_MS = 60_000;

/**
 * Builds what the bench runs, fresh for every run so it never measures a stale build: the
 * gateway as it is deployed (its own `build` script: one bundle, plain node, no tsx) and the
 * bench's servers the same way, so every server under test runs like for like, without tsx's
 * loader (about 48 MB of RSS and some start-up per process).
 * @param withGateway also build the gateway (when a gateway target is measured)
 */
export async function buildBundles(withGateway: boolean): Promise<void> {
  const builds: Promise<unknown>[] = [
    build({
      entryPoints: [SERVE_ENTRY],
      outfile: SERVE_BUNDLE,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      // CommonJS dependencies bundled into an ES module still `require` Node's builtins.
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
      // No `keepNames`: it costs graphql-yoga about a quarter of its throughput (see build.ts).
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ];
  if (withGateway) {
    const { command, args } = nodeCommand((await gatewayBuild()).script);
    builds.push(run(command, args, { timeout: BUILD_TIMEOUT_MS }));
  }
  await Promise.all(builds);
}
