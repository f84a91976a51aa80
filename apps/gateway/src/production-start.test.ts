/**
 * Contract: the production start the READMEs document is the gateway's own node process
 * (docs/running.md), so the SIGTERM a supervisor sends reaches it, it drains, and it exits 0. Every
 * documented production command (a shell line in either README that sets `NODE_ENV=production`)
 * is run as written, its env overridden only for the port and the upstream: each step before the
 * last (the build) must succeed, the last must serve a request, and SIGTERM to the process it
 * started must end it with exit code 0; it also runs a trusted document by its hash, from the
 * client's manifest the bundle carries (docs/contracts.md#trusted-documents). Under `pnpm --filter ./apps/gateway start`, the process a
 * supervisor signals is pnpm, which exits 1 though the gateway drained cleanly.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED } from '@connectors/domain';
import { addConnectorMemberOfOperation } from '@connectors/gateway-client';
import { afterEach, describe, expect, it } from 'vitest';
import { buildGateway } from '../scripts/build.ts';
import { graphqlBody } from '../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../test/scripted-upstream.ts';

// What a README command needs of the shell it is pasted into: tools on PATH, a HOME for pnpm.
// Nothing else of this environment reaches the child.
const SHELL_ENV = {
  // biome-ignore lint/style/noProcessEnv: the shell's PATH, so pnpm and node are found as a reader's shell finds them.
  PATH: process.env.PATH ?? '',
  // biome-ignore lint/style/noProcessEnv: pnpm needs a HOME for its store and config.
  HOME: process.env.HOME ?? '',
};

// The root README's commands run from the root, as a reader pastes them there.
const ROOT_README = fileURLToPath(new URL('../../../README.md', import.meta.url));
const REPO_ROOT = dirname(ROOT_README);
const READMES = ['README.md', 'apps/gateway/README.md'];
// Loose bounds: a build and a start on a machine busy with other suites.
const BUILD_BOUND_MS = 120_000;
const START_BOUND_MS = 30_000;
const EXIT_BOUND_MS = 20_000;

interface Step {
  env: Record<string, string>;
  argv: string[];
}

/** A documented command, `A && B`, as steps of `NAME=value ... program args`. */
interface Documented {
  readme: string;
  line: string;
  steps: Step[];
}

/** Every line of a `sh` block in `readme` that starts the gateway for production. */
function documentedProductionStarts(readme: string): Documented[] {
  const text = readFileSync(`${REPO_ROOT}/${readme}`, 'utf8');
  const found: Documented[] = [];
  for (const block of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of (block[1] ?? '').split('\n')) {
      const line = raw.replace(/\s+#.*$/, '').trim();
      if (!/\bNODE_ENV=production\b/.test(line)) continue;
      const steps = line.split('&&').map((part): Step => {
        const tokens = part.trim().split(/\s+/);
        const env: Record<string, string> = {};
        while (/^[A-Z_]+=/.test(tokens[0] ?? '')) {
          const [name, ...value] = (tokens.shift() as string).split('=');
          env[name as string] = value.join('=');
        }
        return { env, argv: tokens };
      });
      found.push({ readme, line, steps });
    }
  }
  return found;
}

const DOCUMENTED = READMES.flatMap(documentedProductionStarts);

interface Started {
  child: ChildProcess;
  lines: string[];
  output: () => string;
  exited: Promise<number | null>;
}

function start(step: Step, env: Record<string, string>): Started {
  const [program = '', ...args] = step.argv;
  // `node` in a README is this Node; anything else (pnpm, npx) is looked up on PATH as a shell would.
  const command = program === 'node' ? process.execPath : program;
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      ...SHELL_ENV,
      ...step.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so cleanup can reach whatever it started (pnpm's child, say).
    detached: true,
  });
  const lines: string[] = [];
  let output = '';
  let partial = '';
  const collect = (chunk: string) => {
    output += chunk;
    const split = (partial + chunk).split('\n');
    partial = split.pop() ?? '';
    lines.push(...split);
    child.emit('line');
  };
  child.stdout?.setEncoding('utf8').on('data', collect);
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  return { child, lines, output: () => output, exited };
}

/** The port the gateway logged it listens on; rejects after the bound. */
function listeningPort(started: Started): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const raw of started.lines) {
        // A package manager in front prints lines of its own; only the gateway's are JSON.
        let line: { port?: unknown; msg?: unknown };
        try {
          line = JSON.parse(raw) as typeof line;
        } catch {
          continue;
        }
        if (typeof line.port === 'number' && String(line.msg).startsWith('gateway listening')) {
          clearTimeout(timer);
          started.child.off('line', check);
          resolve(line.port);
          return;
        }
      }
    };
    const timer = setTimeout(() => {
      started.child.off('line', check);
      reject(new Error(`not listening after ${START_BOUND_MS} ms; output:\n${started.output()}`));
    }, START_BOUND_MS);
    started.child.on('line', check);
    void started.exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening; output:\n${started.output()}`));
    });
    check();
  });
}

/** The gateway's `gateway listening` log line, parsed. */
function listeningLine(started: Started): Record<string, unknown> | undefined {
  for (const raw of started.lines) {
    try {
      const line = JSON.parse(raw) as Record<string, unknown>;
      if (String(line.msg).startsWith('gateway listening')) return line;
    } catch {
      // A package manager's own line.
    }
  }
  return undefined;
}

function withinBound<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms);
    }),
  ]);
}

let running: Started | undefined;
let upstream: ScriptedUpstream | undefined;
afterEach(async () => {
  const pid = running?.child.pid;
  if (pid !== undefined && running?.child.exitCode === null) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running = undefined;
  await upstream?.close();
  upstream = undefined;
});

// Build steps already run (both READMEs document the same line): each runs once.
const ran = new Set<string>();
let bundled: Promise<string> | undefined;

describe('the documented production start', () => {
  it('is documented in both READMEs', () => {
    expect(DOCUMENTED.map((documented) => documented.readme).sort()).toEqual(
      expect.arrayContaining(READMES),
    );
  });

  it.each(DOCUMENTED)(
    '$readme: `$line` runs the gateway itself; SIGTERM drains it and it exits 0',
    async ({ steps }) => {
      const run = steps.at(-1) as Step;
      // A run step documented without its build still needs the bundle it names.
      if (steps.length === 1) {
        bundled ??= buildGateway();
        await bundled;
      }
      for (const step of steps.slice(0, -1)) {
        const key = JSON.stringify(step);
        if (ran.has(key)) continue;
        ran.add(key);
        const [program = '', ...args] = step.argv;
        const built = spawnSync(program === 'node' ? process.execPath : program, args, {
          cwd: REPO_ROOT,
          env: { ...SHELL_ENV, ...step.env },
          encoding: 'utf8',
          timeout: BUILD_BOUND_MS,
        });
        expect(built.status, `${step.argv.join(' ')}: ${built.stderr}`).toBe(0);
      }

      upstream = await startScriptedUpstream();
      running = start(run, { PORT: '0', UPSTREAM_URL: upstream.baseUrl, LOG_LEVEL: 'info' });
      const port = await listeningPort(running);
      // The documented profile is the one running (the Microsoft Graph recipe sets `graph`).
      expect(listeningLine(running)).toMatchObject({ upstreamApi: run.env.UPSTREAM_API ?? 'seed' });
      // The bundle defaults to production (nothing here sets NODE_ENV); tsx runs the source as
      // development.
      const bundle = run.argv.some((arg) => arg.endsWith('.mjs'));
      const nodeEnv = run.env.NODE_ENV ?? (bundle ? 'production' : 'development');
      expect(listeningLine(running)).toMatchObject({
        nodeEnv,
        graphiql: nodeEnv !== 'production',
        introspection: nodeEnv !== 'production',
      });
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: graphqlBody('{ __typename }'),
        signal: AbortSignal.timeout(START_BOUND_MS),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
      // The client's mutation by its hash alone: the bundle carries the client's manifest. An id
      // that is not a GUID is answered INVALID_INPUT, without the upstream.
      const byHash = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer production-start' },
        body: JSON.stringify({
          documentId: addConnectorMemberOfOperation.hash,
          variables: {
            input: {
              applicationId: 'not-a-guid',
              connectorId: SEED.connectorId,
              connectorGroup: {
                connectorGroupType: 'APPLICATION_PROXY',
                isDefault: false,
                name: 'G',
                region: 'EUR',
              },
            },
          },
        }),
        signal: AbortSignal.timeout(START_BOUND_MS),
      });
      expect(byHash.status).toBe(200);
      expect(JSON.stringify(await byHash.json())).toContain('"code":"INVALID_INPUT"');
      expect(upstream.requests).toEqual([]);

      // What a supervisor does: signal the process it started, and read its exit code.
      running.child.kill('SIGTERM');
      const code = await withinBound(running.exited, EXIT_BOUND_MS, 'exit after SIGTERM');
      expect(code, running.output()).toBe(0);
      expect(running.output()).toContain('shutdown complete');
    },
    BUILD_BOUND_MS + START_BOUND_MS + EXIT_BOUND_MS,
  );
});
