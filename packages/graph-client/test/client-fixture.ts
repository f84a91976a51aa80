import { afterEach } from 'vitest';
import { GraphClient, type GraphClientOptions } from '../src/graph-client.ts';
import type { UpstreamCallEvent } from '../src/upstream-call-event.ts';
import { manualClock } from './manual-clock.ts';
import { startScriptedUpstream } from './scripted-upstream.ts';

/**
 * A test file's scripted upstreams and clients on a manual clock, closed after each test.
 * Call it once at the top of the file; `defaults` says which base path and profile its clients
 * use (`/v1.0` and seed, `/beta` and graph).
 */
export function clientFixture(defaults: { basePath: string } & Partial<GraphClientOptions>) {
  const { basePath, ...options } = defaults;
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    /** Runs `cleanup` after the current test, after the ones registered later. */
    onCleanup(cleanup: () => Promise<void>) {
      cleanups.push(cleanup);
    },
    async upstream(script: Parameters<typeof startScriptedUpstream>[0]) {
      const server = await startScriptedUpstream(script);
      cleanups.push(server.close);
      return server;
    },
    client(server: { origin: string }, overrides: Partial<GraphClientOptions> = {}) {
      const events: UpstreamCallEvent[] = [];
      const manual = manualClock();
      const graph = new GraphClient({
        baseUrl: `${server.origin}${basePath}`,
        ...options,
        clock: manual.clock,
        onUpstreamCall: (event) => events.push(event),
        ...overrides,
      });
      cleanups.push(() => graph.close());
      return { graph, events, sleeps: manual.sleeps };
    },
  };
}
