import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatewayBuild } from '../bundles.ts';
import type { ChildProcesses } from '../child-processes.ts';
import type { CpuPinning } from '../cpu-pinning.ts';
import { childEnv } from '../env.ts';
import { freePort } from '../free-port.ts';
import { type ServerProcess, startServerProcess } from '../server-process.ts';

/**
 * The gateway's entry, through its package's `exports`; what runs is its production bundle, built
 * from this. `undefined` when this checkout has no gateway to resolve.
 */
function resolveGatewayMain(): string | undefined {
  try {
    return fileURLToPath(import.meta.resolve('@connectors/gateway/main'));
  } catch {
    return undefined;
  }
}
const GATEWAY_MAIN = resolveGatewayMain();

/** Why the gateway cannot be benchmarked in this checkout, or `null` when it can. */
export function gatewayUnavailableReason(): string | null {
  return GATEWAY_MAIN === undefined ? '@connectors/gateway/main does not resolve' : null;
}

/**
 * Starts the real gateway as production runs it (its bundle on plain node, `NODE_ENV=production`,
 * `LOG_LEVEL=warn`) in front of the bench upstream, and waits for `GET /healthz`. The bundle must
 * have been built (`buildBundles`).
 * @param fastPath false for the `gateway-yoga` row: `GATEWAY_FAST_PATH=off`
 */
export async function startGateway(
  children: ChildProcesses,
  pinning: CpuPinning,
  upstreamUrl: string,
  timeoutMs: number,
  fastPath = true,
): Promise<ServerProcess> {
  if (GATEWAY_MAIN === undefined) throw new Error(gatewayUnavailableReason() ?? 'no gateway');
  const port = await freePort();
  return startServerProcess(children, pinning, {
    name: fastPath ? 'gateway' : 'gateway-yoga',
    script: (await gatewayBuild()).bundle,
    // The gateway app's folder, as `pnpm --filter ./apps/gateway start` runs it.
    cwd: dirname(dirname(GATEWAY_MAIN)),
    env: childEnv({
      PORT: String(port),
      UPSTREAM_URL: upstreamUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      GATEWAY_FAST_PATH: fastPath ? 'on' : 'off',
      // No balancer in front to wait for: stop at once, within stopAll's grace.
      SHUTDOWN_DELAY_MS: '0',
    }),
    role: 'server',
    readiness: { kind: 'healthz', port },
    timeoutMs,
  });
}
