/**
 * A side-by-side micro-benchmark (issue 11): the gateway's own body limit
 * (`apps/gateway/src/protection/body-limit.ts`: 413 by `Content-Length` when declared, a counting
 * stream only for a chunked body) against graphql-yoga's stock `maxRequestBodySize` (the same
 * `Content-Length` check, then every body piped through a counting `TransformStream`), now that
 * the hot path (the fast path, trusted documents) skips yoga and both plugins with it.
 *
 * Two production bundles of the gateway, built by its own `build` script: `ours` as committed,
 * and `stock`, the same with `create-gateway.ts` patched at build time (no `useBodyLimit`,
 * `maxRequestBodySize: MAX_REQUEST_BODY_BYTES`). Each runs with the fast path on and off
 * (`GATEWAY_FAST_PATH`), in front of the bench's upstream, under the bench's request and load
 * generator, pinned as the bench pins (server on core 0, load and upstream on core 1), rounds
 * interleaved. Before any load each variant must answer the bench request and refuse a 200 KiB
 * body with 413.
 *
 *   pnpm --filter @connectors/bench bench:body-limit [--duration 2] [--rounds 3] [--warmup 1]
 *
 * Short and bounded (about 30 s of load with the defaults, a hard timeout over it), loopback
 * only. Prints one line per target; decided figures are recorded in apps/gateway/README.md.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Plugin } from 'esbuild';
import { request } from 'undici';
import { z } from 'zod';
import { BENCH_BODY, BENCH_HEADERS, isSuccessPayload } from '../bench-request.ts';
import { buildBundles, gatewayBuild, SERVE_BUNDLE } from '../bundles.ts';
import { ChildProcesses } from '../child-processes.ts';
import { detectCpuPinning } from '../cpu-pinning.ts';
import { childEnv } from '../env.ts';
import { freePort } from '../free-port.ts';
import { LoadGenerator } from '../load-generator.ts';
import { clockTicksPerSecond, sampleProcess } from '../process-metrics.ts';
import { type ServerProcess, startServerProcess } from '../server-process.ts';

const Options = z.object({
  duration: z.coerce.number().min(0.5).max(10).default(2),
  rounds: z.coerce.number().int().min(1).max(5).default(3),
  warmup: z.coerce.number().min(0).max(5).default(1),
  connections: z.coerce.number().int().min(1).max(50).default(10),
});
const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    rounds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
  },
});
const parsed = Options.safeParse(values);
if (!parsed.success) {
  console.error(`body-limit: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const options = parsed.data;

const START_TIMEOUT_MS = 30_000;
const TARGETS = 4;
// Every load second planned, plus builds and starts: past this, something hung.
const HARD_TIMEOUT_MS =
  (TARGETS * (options.warmup + options.rounds * options.duration) + 120) * 1000;

const CREATE_GATEWAY = /[\\/]apps[\\/]gateway[\\/]src[\\/]create-gateway\.ts$/;
/** The stock variant: yoga's own limit in place of the gateway's plugin. */
const stockBodyLimit: Plugin = {
  name: 'stock-body-limit',
  setup(build) {
    build.onLoad({ filter: CREATE_GATEWAY }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source
        .replace(
          "import { useBodyLimit } from './protection/body-limit.ts';",
          "import { MAX_REQUEST_BODY_BYTES } from './protection/body-limit.ts';",
        )
        .replace('    useBodyLimit(),\n', '')
        .replace('maxRequestBodySize: false,', 'maxRequestBodySize: MAX_REQUEST_BODY_BYTES,');
      // A change to create-gateway.ts that moves these lines must fail here, not measure ours twice.
      if (
        patched.includes('useBodyLimit(') ||
        !patched.includes('maxRequestBodySize: MAX_REQUEST_BODY_BYTES,')
      ) {
        throw new Error('create-gateway.ts no longer has the lines this benchmark patches');
      }
      return { contents: patched, loader: 'ts' };
    });
  },
};

interface Target {
  name: string;
  server: ServerProcess;
  cpuMicros: number;
  successes: number;
  perSecond: number[];
}

async function main(children: ChildProcesses): Promise<void> {
  const pinning = detectCpuPinning();
  const ticksPerSecond = clockTicksPerSecond();
  console.error(`body-limit: ${pinning.note}`);
  const dir = await mkdtemp(join(tmpdir(), 'body-limit-bench-'));
  try {
    const buildScript = (await gatewayBuild()).script;
    const { buildGateway } = await import('@connectors/gateway/build');
    const [ours, stock] = await Promise.all([
      buildGateway(join(dir, 'ours', 'main.mjs')),
      buildGateway(join(dir, 'stock', 'main.mjs'), { plugins: [stockBodyLimit] }),
      buildBundles(false),
    ]);
    const upstream = await startServerProcess(children, pinning, {
      name: 'upstream',
      script: SERVE_BUNDLE,
      args: ['upstream'],
      env: childEnv({ NODE_ENV: 'production' }),
      role: 'load',
      readiness: { kind: 'port-line' },
      timeoutMs: START_TIMEOUT_MS,
    });
    const upstreamUrl = `http://127.0.0.1:${upstream.port}/v1.0`;
    const gatewayDir = dirname(dirname(buildScript));
    const targets: Target[] = [];
    for (const [variant, bundle] of [
      ['ours', ours],
      ['stock', stock],
    ] as const) {
      for (const fastPath of ['on', 'off'] as const) {
        const port = await freePort();
        const server = await startServerProcess(children, pinning, {
          name: `${variant}, fast path ${fastPath}`,
          script: bundle,
          cwd: gatewayDir,
          env: childEnv({
            PORT: String(port),
            UPSTREAM_URL: upstreamUrl,
            NODE_ENV: 'production',
            LOG_LEVEL: 'warn',
            GATEWAY_FAST_PATH: fastPath,
          }),
          role: 'server',
          readiness: { kind: 'healthz', port },
          timeoutMs: START_TIMEOUT_MS,
        });
        await check(server);
        targets.push({ name: server.name, server, cpuMicros: 0, successes: 0, perSecond: [] });
      }
    }
    const load = LoadGenerator.start(children, pinning);
    const url = (target: Target) => `http://127.0.0.1:${target.server.port}/graphql`;
    for (const target of targets) {
      if (options.warmup > 0) {
        await load.run({
          url: url(target),
          connections: options.connections,
          durationSeconds: options.warmup,
        });
      }
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const target of targets) {
        const before = sampleProcess(target.server.pid);
        const result = await load.run({
          url: url(target),
          connections: options.connections,
          durationSeconds: options.duration,
        });
        const after = sampleProcess(target.server.pid);
        if (result.failedBodies + result.errors > 0) {
          throw new Error(
            `${target.name}: ${result.failedBodies} failed bodies, ${result.errors} errors`,
          );
        }
        target.cpuMicros += ((after.cpuTicks - before.cpuTicks) / ticksPerSecond) * 1e6;
        target.successes += result.successes;
        target.perSecond.push(result.successes / result.durationSeconds);
      }
    }
    console.log(
      `${options.rounds} interleaved round(s) of ${options.duration} s, ${options.connections} connections, after ${options.warmup} s warm-up`,
    );
    for (const target of targets) {
      const sorted = [...target.perSecond].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      console.log(
        `${target.name.padEnd(22)} ${Math.round(median).toLocaleString('en-US').padStart(6)} req/s (rounds ${target.perSecond.map((value) => Math.round(value)).join(', ')})  ${(target.cpuMicros / target.successes).toFixed(0).padStart(4)} CPU µs/req`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The bench request answered with the success payload, and a 200 KiB body refused with 413. */
async function check(server: ServerProcess): Promise<void> {
  const url = `http://127.0.0.1:${server.port}/graphql`;
  const ok = await request(url, { method: 'POST', headers: BENCH_HEADERS, body: BENCH_BODY });
  const body = await ok.body.text();
  if (ok.statusCode !== 200 || !isSuccessPayload(body)) {
    throw new Error(
      `${server.name}: the bench request answered ${ok.statusCode}: ${body.slice(0, 200)}`,
    );
  }
  const tooLarge = await request(url, {
    method: 'POST',
    headers: BENCH_HEADERS,
    body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200 * 1024) } }),
  });
  await tooLarge.body.dump();
  if (tooLarge.statusCode !== 413) {
    throw new Error(`${server.name}: a 200 KiB body answered ${tooLarge.statusCode}, not 413`);
  }
}

const children = new ChildProcesses();
const timer = setTimeout(() => {
  console.error(`body-limit: hard timeout after ${HARD_TIMEOUT_MS} ms`);
  children.killAllNow();
  process.exit(124);
}, HARD_TIMEOUT_MS);
process.once('SIGINT', () => {
  children.killAllNow();
  process.exit(130);
});
process.on('exit', () => children.killAllNow());
try {
  await main(children);
} finally {
  clearTimeout(timer);
  await children.stopAll();
}
