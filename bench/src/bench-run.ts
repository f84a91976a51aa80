import { cpus, platform } from 'node:os';
import { request } from 'undici';
import type { BenchReport, RoundMeasurement, TargetOutcome } from './bench-report.ts';
import { BENCH_BODY, BENCH_HEADERS, isSuccessPayload } from './bench-request.ts';
import {
  graphqlUrl,
  type Log,
  measureRound,
  startTarget,
  startUpstream,
  type Upstream,
} from './bench-servers.ts';
import { runBulk } from './bulk-run.ts';
import { buildBundles } from './bundles.ts';
import type { ChildProcesses } from './child-processes.ts';
import { detectCpuPinning } from './cpu-pinning.ts';
import { LoadGenerator } from './load-generator.ts';
import type { BenchOptions, TargetName } from './options.ts';
import { runOverload } from './overload-run.ts';
import { clockTicksPerSecond } from './process-metrics.ts';
import type { ServerProcess } from './server-process.ts';
import { checkGoals, computeRatios, summarizeRounds } from './summary.ts';
import { gatewayUnavailableReason } from './targets/gateway.ts';

export type { Log };

/**
 * One bench request before any load: the answer must be the success payload and the upstream
 * must have received exactly one call, so the load never measures errors or a shortcut.
 * @returns why the target is not fit to measure, or `null`.
 */
async function checkTarget(server: ServerProcess, upstream: Upstream): Promise<string | null> {
  const before = await upstream.calls();
  const response = await request(graphqlUrl(server), {
    method: 'POST',
    headers: BENCH_HEADERS,
    body: BENCH_BODY,
    headersTimeout: 10_000,
    bodyTimeout: 10_000,
  });
  const body = await response.body.text();
  const calls = (await upstream.calls()) - before;
  if (response.statusCode !== 200 || !isSuccessPayload(body)) {
    return `check request answered ${response.statusCode}: ${body.slice(0, 300)}`;
  }
  if (calls !== 1) return `check request made ${calls} upstream calls, expected 1`;
  return null;
}

/**
 * Runs the whole benchmark: upstream and load generator on the load core, each target in its
 * own process on the server core, a correctness check per target, warm-up, then interleaved
 * rounds (A B C, A B C, ...) so that drift on the machine spreads evenly over the targets; then
 * the overload scenario (`overload-run.ts`), then the bulk scenario (`bulk-run.ts`).
 * Leaves stopping the processes to the caller, who owns `children`.
 */
export async function runBench(
  options: BenchOptions,
  children: ChildProcesses,
  log: Log,
): Promise<BenchReport> {
  const pinning = detectCpuPinning();
  const ticksPerSecond = clockTicksPerSecond();
  log(`bench: ${pinning.note}`);
  const gatewayTargets: readonly TargetName[] = options.targets.filter(
    (name) => name === 'gateway' || name === 'gateway-yoga',
  );
  const withGateway = gatewayTargets.length > 0 && gatewayUnavailableReason() === null;
  log(
    `bench: building the bundles${withGateway ? ' (the gateway as deployed, and' : ' ('}the bench servers)`,
  );
  await buildBundles(withGateway);

  const upstream = await startUpstream(children, pinning);
  const load = LoadGenerator.start(children, pinning);

  const outcomes = new Map<TargetName, TargetOutcome>();
  const servers = new Map<TargetName, ServerProcess>();
  await Promise.all(
    options.targets.map(async (name) => {
      const unavailable = gatewayTargets.includes(name) ? gatewayUnavailableReason() : null;
      if (unavailable) {
        outcomes.set(name, { name, status: 'unavailable', reason: unavailable });
        return;
      }
      try {
        servers.set(name, await startTarget(name, children, pinning, upstream));
      } catch (error) {
        outcomes.set(name, { name, status: 'failed', reason: (error as Error).message });
      }
    }),
  );

  const fail = (name: TargetName, reason: string) => {
    log(`bench: ${name} failed: ${reason}`);
    outcomes.set(name, { name, status: 'failed', reason });
    servers.delete(name);
  };

  for (const name of options.targets) {
    const server = servers.get(name);
    if (!server) continue;
    const problem = await checkTarget(server, upstream).catch((error: Error) => error.message);
    if (problem) fail(name, problem);
  }

  if (options.warmupSeconds > 0) {
    for (const [name, server] of servers) {
      log(`bench: warming up ${name} for ${options.warmupSeconds} s`);
      await load.run({
        url: graphqlUrl(server),
        connections: options.connections,
        durationSeconds: options.warmupSeconds,
      });
    }
  }

  const rounds = new Map<TargetName, RoundMeasurement[]>();
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const name of options.targets) {
      const server = servers.get(name);
      if (!server) continue;
      log(`bench: round ${round}/${options.rounds}: ${name}`);
      try {
        const measurement = await measureRound(
          round,
          server,
          options,
          load,
          upstream.calls,
          ticksPerSecond,
        );
        rounds.set(name, [...(rounds.get(name) ?? []), measurement]);
      } catch (error) {
        fail(name, `died during load: ${(error as Error).message}; ${server.stderr()}`);
      }
    }
  }

  for (const [name, measured] of rounds) {
    if (!servers.has(name)) continue;
    outcomes.set(name, {
      name,
      status: 'measured',
      summary: summarizeRounds(measured),
      rounds: measured,
    });
  }
  const overload = await runOverload(options, children, pinning, load, ticksPerSecond, log);
  // The bulk scenario needs the gateway; the load generator is idle by then (round trips, not load).
  const bulk = gatewayTargets.includes('gateway')
    ? await runBulk(options, children, pinning, log)
    : undefined;
  const targets = options.targets.flatMap((name) => {
    const outcome = outcomes.get(name);
    return outcome ? [outcome] : [];
  });
  const { outDir: _outDir, ...shownOptions } = options;
  return {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${platform()} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    },
    pinning: pinning.note,
    clockTicksPerSecond: ticksPerSecond,
    options: shownOptions,
    targets,
    ratios: computeRatios(targets),
    goals: checkGoals(targets),
    overload,
    ...(bulk === undefined ? {} : { bulk }),
  };
}
