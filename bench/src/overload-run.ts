import type { RoundMeasurement, TargetOutcome } from './bench-report.ts';
import { graphqlUrl, type Log, measureRound, startTarget, startUpstream } from './bench-servers.ts';
import type { ChildProcesses } from './child-processes.ts';
import type { CpuPinning } from './cpu-pinning.ts';
import type { LoadGenerator } from './load-generator.ts';
import { type BenchOptions, OVERLOAD_TARGETS, type TargetName } from './options.ts';
import type { ServerProcess } from './server-process.ts';
import { median, summarizeRounds } from './summary.ts';
import { gatewayUnavailableReason } from './targets/gateway.ts';
import { SLOW_UPSTREAM, type UpstreamLimits } from './targets/upstream.ts';

/**
 * Concurrent callers offered to the slow upstream: 8 times its 32 slots, so with every call
 * taking 100 ms the demand is far past its 320 calls/s, whatever each target answers.
 */
export const OVERLOAD_CONNECTIONS = 256;

/** The overload scenario's outcome, beside the main table's in `latest.json`. */
export interface OverloadReport {
  upstream: UpstreamLimits;
  connections: number;
  targets: TargetOutcome[];
  /** Requests offered per second (sent / duration, median over rounds), per measured target. */
  offeredPerSecond: Partial<Record<TargetName, number>>;
}

/** The targets of `options` the overload scenario runs. */
export function overloadTargets(options: BenchOptions): TargetName[] {
  return OVERLOAD_TARGETS.filter((name) => options.targets.includes(name));
}

/**
 * The overload scenario: the floor and the gateway, each in a fresh process, in front of one slow
 * upstream (`SLOW_UPSTREAM`) and under {@link OVERLOAD_CONNECTIONS} callers, in interleaved
 * rounds like the main run. Every request the upstream received counts as a call, the shed ones
 * included, so calls per request shows how much each target adds to an upstream's overload;
 * req/s counts only successes (goodput). No pre-load check: the point is what happens when calls
 * fail. The bundles must have been built.
 */
export async function runOverload(
  options: BenchOptions,
  children: ChildProcesses,
  pinning: CpuPinning,
  load: LoadGenerator,
  ticksPerSecond: number,
  log: Log,
): Promise<OverloadReport> {
  const upstream = await startUpstream(children, pinning, 'slow-upstream');
  const outcomes = new Map<TargetName, TargetOutcome>();
  const servers = new Map<TargetName, ServerProcess>();
  // Started together, as the main run starts its targets: each is alone on its core only under load.
  await Promise.all(
    overloadTargets(options).map(async (name) => {
      const unavailable = name === 'gateway' ? gatewayUnavailableReason() : null;
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
  const spec = { connections: OVERLOAD_CONNECTIONS, durationSeconds: options.durationSeconds };
  if (options.warmupSeconds > 0) {
    for (const [name, server] of servers) {
      log(`bench: overload: warming up ${name} for ${options.warmupSeconds} s`);
      await load.run({ ...spec, url: graphqlUrl(server), durationSeconds: options.warmupSeconds });
    }
  }
  const rounds = new Map<TargetName, RoundMeasurement[]>();
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const [name, server] of servers) {
      log(`bench: overload round ${round}/${options.rounds}: ${name}`);
      try {
        const measured = await measureRound(
          round,
          server,
          spec,
          load,
          upstream.received,
          ticksPerSecond,
        );
        rounds.set(name, [...(rounds.get(name) ?? []), measured]);
      } catch (error) {
        outcomes.set(name, {
          name,
          status: 'failed',
          reason: `died during load: ${(error as Error).message}; ${server.stderr()}`,
        });
        servers.delete(name);
      }
    }
  }
  const offeredPerSecond: Partial<Record<TargetName, number>> = {};
  for (const [name, measured] of rounds) {
    if (!servers.has(name)) continue;
    outcomes.set(name, {
      name,
      status: 'measured',
      summary: summarizeRounds(measured),
      rounds: measured,
    });
    offeredPerSecond[name] =
      median(measured.map(({ load: run }) => run.sent / run.durationSeconds)) ?? 0;
  }
  return {
    upstream: SLOW_UPSTREAM,
    connections: OVERLOAD_CONNECTIONS,
    targets: overloadTargets(options).flatMap((name) => {
      const outcome = outcomes.get(name);
      return outcome ? [outcome] : [];
    }),
    offeredPerSecond,
  };
}
