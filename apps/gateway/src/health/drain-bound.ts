import type { GatewayEnv } from '../env.ts';

/**
 * How long a drain may take after the listener closes: the longest a request can take, its last
 * attempt's timeout after the retry waits' budget. Past it, the remaining connections are closed.
 * A supervisor's grace period must exceed `SHUTDOWN_DELAY_MS` plus this (deploy/'s manifests are
 * checked against it).
 */
export function drainBoundMs(
  env: Pick<GatewayEnv, 'UPSTREAM_TIMEOUT_MS' | 'UPSTREAM_RETRY_BUDGET_MS'>,
): number {
  return env.UPSTREAM_TIMEOUT_MS + env.UPSTREAM_RETRY_BUDGET_MS;
}
