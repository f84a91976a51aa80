import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED } from '@connectors/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exampleRequestBody } from './banner.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
// Two apps start through tsx; a slow CI machine gets ample room. Nothing waits a fixed time.
const START_TIMEOUT_MS = 45_000;

/** A port that was free a moment ago: listen on 0, read it, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dir: string;
const launched = new Set<ChildProcess>();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-launcher-'));
});
afterEach(() => {
  // A failed test must not leave the launcher's apps running; its group holds them all.
  for (const child of launched) {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  launched.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    // biome-ignore lint/style/noProcessEnv: the launcher starts as a user's would, inheriting this environment (PATH, HOME); the test's settings go on top.
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_PATH: join(dir, 'fake-graph.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so afterEach can stop the launcher and its apps together.
    detached: true,
  });
  launched.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const banner = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no banner:\n${stdout}\n${stderr}`)),
      START_TIMEOUT_MS - 5_000,
    );
    child.stdout?.on('data', () => {
      if (stdout.includes('Ctrl+C stops everything.')) {
        clearTimeout(timer);
        resolve(stdout);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`launcher exited before its banner:\n${stdout}\n${stderr}`));
    });
  });
  banner.catch(() => {});
  return { child, exited, banner, output: () => ({ stdout, stderr }) };
}

describe('the local launcher (pnpm start)', () => {
  it(
    'starts fake-graph and the gateway, prints the banner, and stops cleanly on SIGTERM',
    async () => {
      const gatewayPort = await freePort();
      const fakeGraphPort = await freePort();
      const run = launch({
        GATEWAY_PORT: String(gatewayPort),
        FAKE_GRAPH_PORT: String(fakeGraphPort),
        // The gateway's shutdown line is at info.
        LOG_LEVEL: 'info',
      });
      const banner = await run.banner;

      expect(banner).toContain(`http://localhost:${fakeGraphPort}/v1.0`);
      expect(banner).toContain(SEED.applicationId);
      expect(banner).toContain(SEED.connectorId);
      expect(banner).toContain('UPSTREAM_URL=https://graph.microsoft.com/beta UPSTREAM_API=graph');
      expect(banner).toMatch(/UPSTREAM_API +seed/);
      const health = await fetch(`http://127.0.0.1:${fakeGraphPort}/healthz`);
      expect(health.status).toBe(200);

      expect(banner).toContain(`http://localhost:${gatewayPort}/graphql`);
      expect((await fetch(`http://localhost:${gatewayPort}/healthz`)).status).toBe(200);
      // The banner's example, sent as printed: it must work on a fresh database.
      const answer = await fetch(`http://localhost:${gatewayPort}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer local-dev-token' },
        body: exampleRequestBody(),
      });
      const { data } = (await answer.json()) as {
        data: { addConnectorMemberOf: { connectorGroup: { name: string }; userErrors: [] } };
      };
      expect(data.addConnectorMemberOf.userErrors).toEqual([]);
      expect(data.addConnectorMemberOf.connectorGroup.name).toBe('West Europe connectors');
      expect(banner).toContain(exampleRequestBody());

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      // Both apps are gone with it, the gateway without a shutdown delay: nothing balances it.
      await expect(fetch(`http://127.0.0.1:${fakeGraphPort}/healthz`)).rejects.toThrow();
      expect(run.output().stdout).toContain('"shutdownDelayMs":0');
    },
    START_TIMEOUT_MS,
  );

  it(
    "UPSTREAM_API=graph: the gateway on fake-graph's /beta, under the graph profile",
    async () => {
      const gatewayPort = await freePort();
      const fakeGraphPort = await freePort();
      const run = launch({
        GATEWAY_PORT: String(gatewayPort),
        FAKE_GRAPH_PORT: String(fakeGraphPort),
        UPSTREAM_API: 'graph',
        // Its own database: the first test's add moved the seeded connector in the shared one.
        DATABASE_PATH: join(dir, 'fake-graph-graph.db'),
      });
      const banner = await run.banner;
      expect(banner).toContain(`http://localhost:${fakeGraphPort}/beta`);
      expect(banner).toMatch(/UPSTREAM_API +graph/);

      const post = async (body: string) => {
        const answer = await fetch(`http://localhost:${gatewayPort}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer local-dev-token' },
          body,
        });
        return (await answer.json()) as { data: Record<string, Record<string, unknown>> };
      };
      // The banner's example, sent as printed: the tenant's groups.
      expect(banner).toContain(exampleRequestBody('graph'));
      const groups = await post(exampleRequestBody('graph'));
      expect(groups.data.connectorGroups).toMatchObject({
        connectorGroups: [{ id: SEED.defaultGroup.id, name: 'Default' }],
        userErrors: [],
      });
      // The graph profile for real: an add by a name no group has creates nothing.
      const add = JSON.parse(exampleRequestBody('seed')) as { query: string; variables: unknown };
      const added = await post(JSON.stringify(add));
      expect(added.data.addConnectorMemberOf).toMatchObject({
        connectorGroup: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'connectorGroup', 'name'] }],
      });

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    },
    START_TIMEOUT_MS,
  );

  it(
    'exits non-zero with a clear message when an app dies (fake-graph: port taken)',
    async () => {
      // Drops each connection at once: the launcher's health checks must not hold close() open.
      const blocker: Server = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const takenPort = (blocker.address() as { port: number }).port;
      try {
        const run = launch({
          GATEWAY_PORT: String(await freePort()),
          FAKE_GRAPH_PORT: String(takenPort),
        });
        expect(await run.exited).toBe(1);
        expect(run.output().stderr).toMatch(/fake-graph exited/);
        expect(run.output().stdout).not.toContain('Ctrl+C stops everything.');
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'stops fake-graph and exits non-zero when the gateway dies (its port taken)',
    async () => {
      const blocker: Server = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve) => blocker.listen(0, resolve));
      const takenPort = (blocker.address() as { port: number }).port;
      const fakeGraphPort = await freePort();
      try {
        const run = launch({
          GATEWAY_PORT: String(takenPort),
          FAKE_GRAPH_PORT: String(fakeGraphPort),
        });
        expect(await run.exited).toBe(1);
        expect(run.output().stderr).toMatch(/gateway exited/);
        await expect(fetch(`http://127.0.0.1:${fakeGraphPort}/healthz`)).rejects.toThrow();
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    'exits non-zero naming the variable when a port override is bad',
    async () => {
      const run = launch({ FAKE_GRAPH_PORT: 'forty' });
      expect(await run.exited).toBe(1);
      expect(run.output().stderr).toMatch(/FAKE_GRAPH_PORT/);
      const profile = launch({
        UPSTREAM_API: 'beta',
        GATEWAY_PORT: String(await freePort()),
        FAKE_GRAPH_PORT: String(await freePort()),
      });
      expect(await profile.exited).toBe(1);
      expect(profile.output().stderr).toMatch(/UPSTREAM_API/);
    },
    START_TIMEOUT_MS,
  );
});
