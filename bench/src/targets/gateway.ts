import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { GATEWAY_BUNDLE } from '../bundles.ts';
import type { ChildProcesses } from '../child-processes.ts';
import type { CpuPinning } from '../cpu-pinning.ts';
import { childEnv } from '../env.ts';
import { type ServerProcess, startServerProcess } from '../server-process.ts';

/** The gateway app's folder and entry; what runs is its production bundle, built from this. */
const GATEWAY_DIR = fileURLToPath(new URL('../../../apps/gateway/', import.meta.url));
export const GATEWAY_MAIN = `${GATEWAY_DIR}src/main.ts`;

/** Why the gateway cannot be benchmarked in this checkout, or `null` when it can. */
export function gatewayUnavailableReason(): string | null {
  return existsSync(GATEWAY_MAIN) ? null : 'apps/gateway/src/main.ts not found';
}

/**
 * A port free right now. The gateway takes `PORT` rather than printing what it bound, so the OS
 * picks one here; the short gap before the gateway binds it is harmless on loopback.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
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
  const port = await freePort();
  return startServerProcess(children, pinning, {
    name: fastPath ? 'gateway' : 'gateway-yoga',
    script: GATEWAY_BUNDLE,
    cwd: GATEWAY_DIR,
    env: childEnv({
      PORT: String(port),
      UPSTREAM_URL: upstreamUrl,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      GATEWAY_FAST_PATH: fastPath ? 'on' : 'off',
    }),
    role: 'server',
    readiness: { kind: 'healthz', port },
    timeoutMs,
  });
}
