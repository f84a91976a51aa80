import type {
  Goal,
  Ratio,
  RoundMeasurement,
  TargetOutcome,
  TargetSummary,
} from './bench-report.ts';
import type { TargetName } from './options.ts';

const MB = 1024 * 1024;

/** The middle value (mean of the two middle ones for an even count); `null` when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Per-target figures from its rounds. Throughput and latency percentiles are the median over
 * rounds (robust to one disturbed round); CPU per request is total CPU over total responses;
 * RSS is the largest seen after a round.
 */
export function summarizeRounds(rounds: readonly RoundMeasurement[]): TargetSummary {
  let cpuMicros = 0;
  let responses = 0;
  let sent = 0;
  let upstreamCalls = 0;
  let failures = 0;
  for (const { load, ...round } of rounds) {
    cpuMicros += round.cpuMicros;
    responses += load.responses;
    sent += load.sent;
    upstreamCalls += round.upstreamCalls;
    failures += load.failedBodies + load.errors;
  }
  const latencies = rounds.flatMap(({ load }) => (load.latencyMs ? [load.latencyMs] : []));
  return {
    requestsPerSecond: median(rounds.map(({ load }) => load.successes / load.durationSeconds)) ?? 0,
    p50Ms: median(latencies.map((latency) => latency.p50)),
    p99Ms: median(latencies.map((latency) => latency.p99)),
    cpuMicrosPerRequest: responses > 0 ? cpuMicros / responses : null,
    rssMb: Math.max(0, ...rounds.map((round) => round.rssBytes)) / MB,
    peakRssMb: Math.max(0, ...rounds.map((round) => round.peakRssBytes)) / MB,
    failures,
    // Per request sent: a request in flight when the round stops may still reach the upstream.
    upstreamCallsPerRequest: sent > 0 ? upstreamCalls / sent : null,
  };
}

function measured(targets: readonly TargetOutcome[], name: TargetName): TargetSummary | null {
  const target = targets.find((outcome) => outcome.name === name);
  return target?.status === 'measured' ? target.summary : null;
}

function divide(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || b === 0 ? null : a / b;
}

/** The pairs the issue asks about: the gateway against each floor. */
const RATIO_PAIRS: readonly [TargetName, TargetName][] = [
  ['gateway', 'floor'],
  ['gateway', 'yoga-floor'],
  ['yoga-floor', 'floor'],
  // What the fast path buys: the same gateway with it switched off.
  ['gateway', 'gateway-yoga'],
];

/** Ratios for each pair whose two targets were both measured. */
export function computeRatios(targets: readonly TargetOutcome[]): Ratio[] {
  return RATIO_PAIRS.flatMap(([numerator, denominator]) => {
    const top = measured(targets, numerator);
    const bottom = measured(targets, denominator);
    if (!top || !bottom) return [];
    return [
      {
        numerator,
        denominator,
        requestsPerSecond: divide(top.requestsPerSecond, bottom.requestsPerSecond),
        p99: divide(top.p99Ms, bottom.p99Ms),
        cpuPerRequest: divide(top.cpuMicrosPerRequest, bottom.cpuMicrosPerRequest),
      },
    ];
  });
}

// Three digits, so that 0.897 is not shown as a goal of 0.90 "not met".
const fixed3 = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** The goals, each checked against this run when its targets were measured. */
export function checkGoals(targets: readonly TargetOutcome[]): Goal[] {
  const gateway = measured(targets, 'gateway');
  const yogaFloor = measured(targets, 'yoga-floor');
  const floor = measured(targets, 'floor');
  const vsYoga = divide(gateway?.requestsPerSecond, yogaFloor?.requestsPerSecond);
  const p99VsYoga = divide(gateway?.p99Ms, yogaFloor?.p99Ms);
  const vsFloor = divide(gateway?.requestsPerSecond, floor?.requestsPerSecond);
  return [
    {
      description: 'gateway throughput >= 0.9 x yoga floor',
      met: vsYoga === null ? null : vsYoga >= 0.9,
      observed: fixed3(vsYoga),
    },
    {
      description: 'gateway p99 <= 1.5 x yoga floor p99',
      met: p99VsYoga === null ? null : p99VsYoga <= 1.5,
      observed: fixed3(p99VsYoga),
    },
    {
      description: 'gateway throughput >= 0.3 x floor',
      met: vsFloor === null ? null : vsFloor >= 0.3,
      observed: fixed3(vsFloor),
    },
    {
      description: 'gateway RSS after load < 200 MB',
      met: gateway ? gateway.rssMb < 200 : null,
      observed: gateway ? `${gateway.rssMb.toFixed(0)} MB` : 'n/a',
    },
  ];
}
