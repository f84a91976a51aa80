/**
 * Contract: every variable the apps read reaches them through `pnpm start` (turbo runs it in
 * strict env mode, dropping whatever `passThroughEnv` does not list), and docs/running.md names
 * only variables the apps read. Today's failure, fixed here: turbo dropped `TRUSTED_DOCUMENTS`,
 * `TRUSTED_DOCUMENTS_MODE` and `HOST`, so `TRUSTED_DOCUMENTS_MODE=require pnpm start` silently
 * ran in `allow` and executed a mutation outside the manifest. The last test runs the real
 * `turbo run start` with it and sends such a mutation; and checks `pnpm start` binds loopback.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { homedir, networkInterfaces, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeGraphEnv } from '@connectors/fake-graph/env';
import { GatewayEnv } from '@connectors/gateway/env';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalEnv } from './env.ts';

const TURBO_JSON = fileURLToPath(new URL('../../../turbo.json', import.meta.url));
const RUNNING_MD = fileURLToPath(new URL('../../../docs/running.md', import.meta.url));
const ROOT = dirname(TURBO_JSON);
// Set by the launcher itself for each app, whatever the caller's environment says.
const SET_BY_LAUNCHER = new Set(['PORT', 'UPSTREAM_URL']);
const START_TIMEOUT_MS = 60_000;

const turbo = JSON.parse(readFileSync(TURBO_JSON, 'utf8')) as {
  tasks: Record<string, { passThroughEnv?: string[] }>;
};

/** Whether turbo passes `name` (its lists take `PREFIX_*` wildcards). */
function passes(list: readonly string[], name: string): boolean {
  return list.some((entry) =>
    entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : entry === name,
  );
}

const appVariables = [
  ...Object.keys(GatewayEnv.shape),
  ...Object.keys(FakeGraphEnv.shape),
  ...Object.keys(LocalEnv.shape),
].filter((name) => !SET_BY_LAUNCHER.has(name));

// The configuration table's rows: `| app | `VAR`, `VAR` | default | meaning |`.
function documentedVariables(): string[] {
  const doc = readFileSync(RUNNING_MD, 'utf8');
  const names = new Set<string>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (!['gateway', 'fake-graph', 'local'].includes(cells[1] ?? '')) continue;
    for (const match of (cells[2] ?? '').matchAll(/`([A-Z][A-Z0-9_]*\*?)`/g)) {
      names.add(match[1] as string);
    }
  }
  return [...names];
}

describe("pnpm start's environment", () => {
  it.each(['start', 'dev'])(
    "turbo's %s task passes every variable the apps' env schemas read",
    (task) => {
      const list = turbo.tasks[task]?.passThroughEnv ?? [];
      expect(appVariables.filter((name) => !passes(list, name))).toEqual([]);
    },
  );

  it('docs/running.md documents only variables the apps read, and turbo passes each', () => {
    const documented = documentedVariables();
    expect(documented).toContain('TRUSTED_DOCUMENTS_MODE');
    const read = new Set([...appVariables, ...SET_BY_LAUNCHER]);
    expect(documented.filter((name) => !name.startsWith('OTEL_') && !read.has(name))).toEqual([]);
    const list = turbo.tasks.start?.passThroughEnv ?? [];
    expect(documented.filter((name) => !SET_BY_LAUNCHER.has(name) && !passes(list, name))).toEqual(
      [],
    );
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until(check: () => Promise<boolean>, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not ready within ${boundMs} ms`);
}

/** Whether something accepts TCP connections at `host:port`. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('TRUSTED_DOCUMENTS_MODE=require pnpm start, through the real turbo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-pass-through-'));
  let run: ChildProcess | undefined;
  afterAll(() => {
    if (run?.pid !== undefined && run.exitCode === null) {
      try {
        process.kill(-run.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'refuses a mutation outside the manifest, and listens on loopback only',
    async () => {
      const gatewayPort = await freePort();
      const fakeGraphPort = await freePort();
      // This test may itself run under turbo: its variables would steer the inner run.
      const inherited = Object.fromEntries(
        // biome-ignore lint/style/noProcessEnv: the inner turbo starts as a user's would, from this environment (PATH above all).
        Object.entries(process.env).filter(([name]) => !name.startsWith('TURBO_')),
      );
      run = spawn(
        join(ROOT, 'node_modules/.bin/turbo'),
        ['run', 'start', '--filter=@connectors/local'],
        {
          cwd: ROOT,
          env: {
            ...inherited,
            HOME: inherited.HOME ?? homedir(),
            GATEWAY_PORT: String(gatewayPort),
            FAKE_GRAPH_PORT: String(fakeGraphPort),
            DATABASE_PATH: join(dir, 'fake-graph.db'),
            TRUSTED_DOCUMENTS_MODE: 'require',
            LOG_LEVEL: 'warn',
            TURBO_TELEMETRY_DISABLED: '1',
            DO_NOT_TRACK: '1',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        },
      );
      let output = '';
      run.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      run.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const gateway = `http://127.0.0.1:${gatewayPort}`;
      await until(
        async () => (await fetch(`${gateway}/healthz`)).ok,
        START_TIMEOUT_MS - 15_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; turbo said:\n${output}`);
      });

      const answer = await fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer local-dev-token' },
        body: JSON.stringify({
          query:
            'mutation { addConnectorMemberOf(input: { applicationId: "a", connectorId: "b", connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "G", region: EUR } }) { requestId } }',
        }),
      });
      const body = (await answer.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');

      // Loopback only: the machine's other addresses refuse the gateway's port.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((address) => address !== undefined && !address.internal && address.family === 'IPv4');
      if (external !== undefined) {
        expect(await accepts(external.address, gatewayPort)).toBe(false);
      }
      expect(await accepts('127.0.0.1', gatewayPort)).toBe(true);

      const exited = new Promise<void>((resolve) => run?.once('exit', () => resolve()));
      process.kill(-(run.pid as number), 'SIGTERM');
      await exited;
    },
    START_TIMEOUT_MS,
  );
});
