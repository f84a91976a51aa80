/** Starting the bench's processes and measuring a round: shared by the main run and the overload scenario. */
import { request } from 'undici';
import type { RoundMeasurement } from './bench-report.ts';
import { SERVE_BUNDLE } from './bundles.ts';
import type { ChildProcesses } from './child-processes.ts';
import type { CpuPinning } from './cpu-pinning.ts';
import { childEnv } from './env.ts';
import type { LoadGenerator } from './load-generator.ts';
import type { TargetName } from './options.ts';
import { sampleProcess } from './process-metrics.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { startGateway } from './targets/gateway.ts';
import { UPSTREAM_BASE_PATH, UPSTREAM_COUNT_PATH } from './targets/upstream.ts';

/** Start-up allowance per server; several start at once on two cores. */
export const START_TIMEOUT_MS = 30_000;

/** Writes progress for the operator; stdout is kept for the table. */
export type Log = (line: string) => void;

/** The upstream process, and its counts of `$ref` POSTs. */
export interface Upstream {
  base: string;
  /** Accepted (answered 2xx). */
  calls(): Promise<number>;
  /** Received, shed ones included. */
  received(): Promise<number>;
}

/** Starts the bench's upstream (`slow-upstream`: the overload scenario's) on the load core. */
export async function startUpstream(
  children: ChildProcesses,
  pinning: CpuPinning,
  kind: 'upstream' | 'slow-upstream' = 'upstream',
): Promise<Upstream> {
  const server = await startServerProcess(children, pinning, {
    name: kind,
    script: SERVE_BUNDLE,
    args: [kind],
    env: childEnv({ NODE_ENV: 'production' }),
    // On the load core: the server under test must not share its core with anything.
    role: 'load',
    readiness: { kind: 'port-line' },
    timeoutMs: START_TIMEOUT_MS,
  });
  const origin = `http://127.0.0.1:${server.port}`;
  const counts = async () => {
    const response = await request(`${origin}${UPSTREAM_COUNT_PATH}`);
    return (await response.body.json()) as { calls: number; received: number };
  };
  return {
    base: `${origin}${UPSTREAM_BASE_PATH}`,
    calls: async () => (await counts()).calls,
    received: async () => (await counts()).received,
  };
}

/** Starts one target in its own process on the server core, in front of `upstream`. */
export function startTarget(
  name: TargetName,
  children: ChildProcesses,
  pinning: CpuPinning,
  upstream: Upstream,
): Promise<ServerProcess> {
  if (name === 'gateway' || name === 'gateway-yoga') {
    return startGateway(children, pinning, upstream.base, START_TIMEOUT_MS, name === 'gateway');
  }
  return startServerProcess(children, pinning, {
    name,
    script: SERVE_BUNDLE,
    args: [name, '--upstream', upstream.base],
    env: childEnv({ NODE_ENV: 'production' }),
    role: 'server',
    readiness: { kind: 'port-line' },
    timeoutMs: START_TIMEOUT_MS,
  });
}

/** Where a target serves GraphQL. */
export function graphqlUrl(server: ServerProcess): string {
  return `http://127.0.0.1:${server.port}/graphql`;
}

/**
 * One round of load on one target: its CPU and memory from `/proc`, and the upstream calls
 * `countCalls` tells apart before and after.
 */
export async function measureRound(
  round: number,
  server: ServerProcess,
  spec: { connections: number; durationSeconds: number },
  load: LoadGenerator,
  countCalls: () => Promise<number>,
  ticksPerSecond: number,
): Promise<RoundMeasurement> {
  const callsBefore = await countCalls();
  const before = sampleProcess(server.pid);
  const result = await load.run({ url: graphqlUrl(server), ...spec });
  const after = sampleProcess(server.pid);
  return {
    round,
    load: result,
    cpuMicros: ((after.cpuTicks - before.cpuTicks) / ticksPerSecond) * 1e6,
    rssBytes: after.rssBytes,
    peakRssBytes: after.peakRssBytes,
    upstreamCalls: (await countCalls()) - callsBefore,
  };
}
