import type { BenchOptions } from './options.ts';

/** Connectors moved per run: issue 17's 100; 5 in a smoke, enough to throttle one step. */
export function bulkConnectors(options: Pick<BenchOptions, 'smoke'>): number {
  return options.smoke ? 5 : 100;
}

/**
 * The scenario's share of the hard timeout. Four runs of 100 took 36 s on the busy machine of
 * 2026-12-06 (the throttled single mutations 25 s of it); a smoke's four runs of 5, about 4 s.
 */
export function bulkBudgetSeconds(options: Pick<BenchOptions, 'smoke'>): number {
  return options.smoke ? 30 : 150;
}
