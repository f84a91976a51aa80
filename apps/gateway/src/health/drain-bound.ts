import type { GatewayEnv } from '../env.ts';

/**
 * How long a drain may take after the listener closes: the longest a request can take, the waits'
 * budget (queue, throttle gate, retry backoff) then its last attempt's connect and its answer, each
 * bounded by the timeout (a connect is not part of the attempt's timer, which starts at writing).
 * Past it, the remaining connections are closed.
 * A supervisor's grace period must exceed `SHUTDOWN_DELAY_MS` plus this (deploy/'s manifests are
 * checked against it).
 */
export function drainBoundMs(
  env: Pick<GatewayEnv, 'UPSTREAM_TIMEOUT_MS' | 'UPSTREAM_RETRY_BUDGET_MS'>,
): number {
  return 2 * env.UPSTREAM_TIMEOUT_MS + env.UPSTREAM_RETRY_BUDGET_MS;
}
