import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memberOfPath, memberOfRefPath } from '@connectors/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
// Starting a process through tsx takes about a second; a slow CI machine gets ample room.
const START_TIMEOUT_MS = 20_000;

let dir: string;
const children = new Set<ChildProcess>();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-graph-main-'));
});
afterEach(() => {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    // biome-ignore lint/style/noProcessEnv: the child starts as a user's would, inheriting this environment (PATH, HOME); the test's settings go on top.
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
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
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no banner: ${stdout}${stderr}`)),
      START_TIMEOUT_MS,
    );
    const check = () => {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url !== undefined && stdout.includes(SEED.connectorId)) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout?.on('data', check);
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening: ${stderr}`));
    });
  });
  // The caller may await only one of them.
  listening.catch(() => {});
  return { child, exited, listening, output: () => ({ stdout, stderr }) };
}

describe('main.ts', () => {
  it(
    'exits non-zero naming the variable when the environment is bad',
    async () => {
      const started = run({ PORT: 'not-a-port' });
      expect(await started.exited).toBe(1);
      expect(started.output().stderr).toMatch(/PORT/);
    },
    START_TIMEOUT_MS,
  );

  it(
    'prints the seeded ids, stops cleanly on SIGTERM, and keeps its data across a restart',
    async () => {
      const databasePath = join(dir, 'restart', 'fake-graph.db');
      const headers = { authorization: 'Bearer t', 'content-type': 'application/json' };
      const first = run({ DATABASE_PATH: databasePath });
      const url = await first.listening;
      expect(first.output().stdout).toContain(SEED.applicationId);
      expect(first.output().stdout).toContain(SEED.defaultGroup.id);
      const created = await fetch(
        `${url}/v1.0${memberOfRefPath(SEED.applicationId, SEED.connectorId)}`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({
            connectorGroupType: 'applicationProxy',
            isDefault: false,
            name: 'Survives restarts',
            region: 'aus',
          }),
        },
      );
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = run({ DATABASE_PATH: databasePath });
      const secondUrl = await second.listening;
      const listed = await fetch(
        `${secondUrl}/v1.0${memberOfPath(SEED.applicationId, SEED.connectorId)}`,
        { headers },
      );
      const { value } = (await listed.json()) as { value: { id: string; name: string }[] };
      expect(value.map((group) => [group.id, group.name])).toEqual([
        [SEED.defaultGroup.id, 'Default'],
        [id, 'Survives restarts'],
      ]);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    },
    3 * START_TIMEOUT_MS,
  );
});
