import { fileURLToPath } from 'node:url';
import { loadEnvOrExit } from '@connectors/env';
import { renderBanner } from './banner.ts';
import { type Child, describeExit, startChild, waitUntilHealthy } from './child.ts';
import { childEnvironment, fakeGraphBase, loadEnv } from './env.ts';

// `pnpm start` at the root: fake-graph, then the gateway pointed at it (docs/running.md). Each
// app's entry is found through its package's `exports`, as a dependency, never by a path.
const FAKE_GRAPH_MAIN = fileURLToPath(import.meta.resolve('@connectors/fake-graph/main'));
const GATEWAY_MAIN = fileURLToPath(import.meta.resolve('@connectors/gateway/main'));
// The gateway drains in-flight requests on SIGTERM; past this, a child is killed.
const STOP_GRACE_MS = 25_000;

const env = loadEnvOrExit(loadEnv);

const children: Child[] = [];
let stopping = false;

function isRunning(child: Child): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

/** Signals every running child, kills what is left after the grace period, waits for all. */
async function stopChildren(signal: NodeJS.Signals): Promise<boolean> {
  for (const child of children) if (isRunning(child)) child.process.kill(signal);
  const kill = setTimeout(() => {
    for (const child of children) {
      if (!isRunning(child)) continue;
      console.error(
        `local: ${child.name} did not stop within ${STOP_GRACE_MS / 1000} s: killing it`,
      );
      child.process.kill('SIGKILL');
    }
  }, STOP_GRACE_MS);
  const results = await Promise.all(children.map((child) => child.exited));
  clearTimeout(kill);
  return results.every((result) => result.code === 0 || result.signal === signal);
}

function fail(message: string): void {
  if (stopping) return;
  stopping = true;
  console.error(`local: ${message}; stopping the other apps`);
  void stopChildren('SIGTERM').then(() => process.exit(1));
}

function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  console.log(`local: ${signal}: stopping the apps`);
  void stopChildren(signal).then((clean) => process.exit(clean ? 0 : 1));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

function launch(name: string, entry: string, overrides: Record<string, string>): Child {
  const child = startChild(name, entry, childEnvironment(overrides));
  children.push(child);
  void child.exited.then((result) => fail(`${name} exited unexpectedly (${describeExit(result)})`));
  return child;
}

async function start(): Promise<void> {
  const fakeGraph = launch('fake-graph', FAKE_GRAPH_MAIN, {
    PORT: String(env.FAKE_GRAPH_PORT),
    HOST: env.HOST,
  });
  await waitUntilHealthy(fakeGraph, `http://localhost:${env.FAKE_GRAPH_PORT}/healthz`);

  if (stopping) return;
  const gateway = launch('gateway', GATEWAY_MAIN, {
    PORT: String(env.GATEWAY_PORT),
    UPSTREAM_URL: fakeGraphBase(env),
    UPSTREAM_API: env.UPSTREAM_API,
    HOST: env.HOST,
    SHUTDOWN_DELAY_MS: String(env.SHUTDOWN_DELAY_MS),
  });
  await waitUntilHealthy(gateway, `http://localhost:${env.GATEWAY_PORT}/healthz`);
  if (stopping) return;
  console.log(
    renderBanner({
      gatewayPort: env.GATEWAY_PORT,
      upstreamUrl: fakeGraphBase(env),
      upstreamApi: env.UPSTREAM_API,
    }),
  );
}

start().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
