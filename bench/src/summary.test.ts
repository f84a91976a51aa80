import { describe, expect, it } from 'vitest';
import type { RoundMeasurement, TargetOutcome, TargetSummary } from './bench-report.ts';
import type { LoadResult } from './load-protocol.ts';
import { checkGoals, computeRatios, median, summarizeRounds } from './summary.ts';

function round(overrides: Partial<LoadResult>, extra: Partial<RoundMeasurement> = {}) {
  const load: LoadResult = {
    durationSeconds: 2,
    successes: 1000,
    responses: 1000,
    sent: 1010,
    failedBodies: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    latencyMs: { p50: 1, p90: 2, p99: 3, max: 9, mean: 1.2 },
    ...overrides,
  };
  return {
    round: 1,
    load,
    cpuMicros: 200_000,
    rssBytes: 50 * 1024 * 1024,
    peakRssBytes: 60 * 1024 * 1024,
    upstreamCalls: 1010,
    ...extra,
  } satisfies RoundMeasurement;
}

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('summarizeRounds', () => {
  it('takes medians over rounds and totals for CPU per request', () => {
    const summary = summarizeRounds([
      round({ successes: 1000 }),
      round(
        {
          successes: 3000,
          responses: 3000,
          latencyMs: { p50: 5, p90: 6, p99: 7, max: 9, mean: 5 },
        },
        { cpuMicros: 400_000, rssBytes: 80 * 1024 * 1024 },
      ),
      round({ successes: 2000, responses: 2000 }),
    ]);
    expect(summary.requestsPerSecond).toBe(1000);
    expect(summary.p50Ms).toBe(1);
    expect(summary.p99Ms).toBe(3);
    expect(summary.cpuMicrosPerRequest).toBeCloseTo(800_000 / 6000, 10);
    expect(summary.rssMb).toBe(80);
    expect(summary.peakRssMb).toBe(60);
  });

  it('counts failed bodies and connection errors, and upstream calls per request sent', () => {
    const summary = summarizeRounds([
      round({ failedBodies: 2, errors: 3 }, { upstreamCalls: 2020 }),
    ]);
    expect(summary.failures).toBe(5);
    expect(summary.upstreamCallsPerRequest).toBe(2);
  });

  it('has no latency or CPU per request when nothing answered', () => {
    const summary = summarizeRounds([
      round({ successes: 0, responses: 0, sent: 0, latencyMs: null }),
    ]);
    expect(summary.p99Ms).toBeNull();
    expect(summary.cpuMicrosPerRequest).toBeNull();
    expect(summary.requestsPerSecond).toBe(0);
  });
});

function measured(
  name: 'floor' | 'yoga-floor' | 'gateway',
  summary: Partial<TargetSummary>,
): TargetOutcome {
  return {
    name,
    status: 'measured',
    rounds: [],
    summary: {
      requestsPerSecond: 1000,
      p50Ms: 1,
      p99Ms: 2,
      cpuMicrosPerRequest: 100,
      rssMb: 100,
      peakRssMb: 110,
      failures: 0,
      upstreamCallsPerRequest: 1,
      ...summary,
    },
  };
}

describe('computeRatios and checkGoals', () => {
  const targets = [
    measured('floor', { requestsPerSecond: 8000, p99Ms: 4, cpuMicrosPerRequest: 120 }),
    measured('yoga-floor', { requestsPerSecond: 1500, p99Ms: 20, cpuMicrosPerRequest: 600 }),
    measured('gateway', { requestsPerSecond: 1200, p99Ms: 40, rssMb: 150 }),
  ];

  it('divides the gateway by each floor', () => {
    const ratios = computeRatios(targets);
    const vsFloor = ratios.find(
      (ratio) => ratio.denominator === 'floor' && ratio.numerator === 'gateway',
    );
    expect(vsFloor?.requestsPerSecond).toBe(0.15);
    expect(vsFloor?.p99).toBe(10);
    const vsYoga = ratios.find((ratio) => ratio.denominator === 'yoga-floor');
    expect(vsYoga?.requestsPerSecond).toBe(0.8);
  });

  it('checks each goal against the run', () => {
    const goals = checkGoals(targets);
    expect(goals.map((goal) => goal.met)).toEqual([false, false, false, true]);
    expect(goals[0]?.observed).toBe('0.800');
  });

  it('leaves goals unjudged and ratios out when the gateway was not measured', () => {
    const withoutGateway: TargetOutcome[] = [
      ...targets.slice(0, 2),
      { name: 'gateway', status: 'unavailable', reason: 'absent' },
    ];
    expect(checkGoals(withoutGateway).every((goal) => goal.met === null)).toBe(true);
    expect(computeRatios(withoutGateway).map((ratio) => ratio.numerator)).toEqual(['yoga-floor']);
  });
});
