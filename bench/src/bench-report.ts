import type { BulkReport } from './bulk-run.ts';
import type { LoadResult } from './load-protocol.ts';
import type { BenchOptions, TargetName } from './options.ts';
import type { OverloadReport } from './overload-run.ts';

/** One measured round of one target. */
export interface RoundMeasurement {
  round: number;
  load: LoadResult;
  /** CPU time the server process spent during the round (utime + stime), microseconds. */
  cpuMicros: number;
  /** VmRSS right after the round, bytes. */
  rssBytes: number;
  /** VmHWM (peak RSS since start) after the round, bytes. */
  peakRssBytes: number;
  /** `$ref` POSTs the upstream accepted during the round. */
  upstreamCalls: number;
}

/** Per-target figures over all rounds (see summary.ts for how each is derived). */
export interface TargetSummary {
  requestsPerSecond: number;
  p50Ms: number | null;
  p99Ms: number | null;
  cpuMicrosPerRequest: number | null;
  rssMb: number;
  peakRssMb: number;
  /** Responses that were not the success payload, plus connection errors and timeouts. */
  failures: number;
  upstreamCallsPerRequest: number | null;
}

/** What happened to one requested target. */
export type TargetOutcome =
  | { name: TargetName; status: 'measured'; summary: TargetSummary; rounds: RoundMeasurement[] }
  /** Could not be started in this checkout (the gateway before it exists). */
  | { name: TargetName; status: 'unavailable'; reason: string }
  /** Started but failed to start, to answer the success payload, or died during load. */
  | { name: TargetName; status: 'failed'; reason: string };

/** `numerator / denominator` for throughput, p99 and CPU per request. */
export interface Ratio {
  numerator: TargetName;
  denominator: TargetName;
  requestsPerSecond: number | null;
  p99: number | null;
  cpuPerRequest: number | null;
}

/** One of the goals, checked against this run (never asserted in tests). */
export interface Goal {
  description: string;
  /** `null` when a target it needs was not measured. */
  met: boolean | null;
  observed: string;
}

/** Everything a run produced: what `latest.json` holds and the table and chart are drawn from. */
export interface BenchReport {
  generatedAt: string;
  machine: { node: string; platform: string; cpus: number; cpuModel: string };
  pinning: string;
  clockTicksPerSecond: number;
  options: Omit<BenchOptions, 'outDir'>;
  targets: TargetOutcome[];
  ratios: Ratio[];
  goals: Goal[];
  /** The overload scenario: floor and gateway in front of a slow upstream (`overload-run.ts`). */
  overload?: OverloadReport;
  /** The bulk scenario: moveConnectors against one mutation per connector (`bulk-run.ts`). */
  bulk?: BulkReport;
}
