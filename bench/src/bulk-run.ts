import { SEED } from '@connectors/domain';
import { everyNthWrite, type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { request } from 'undici';
import type { Log } from './bench-servers.ts';
import { bulkConnectors } from './bulk-size.ts';
import { gatewayBuild } from './bundles.ts';
import type { ChildProcesses } from './child-processes.ts';
import type { CpuPinning } from './cpu-pinning.ts';
import { childEnv } from './env.ts';
import { freePort } from './free-port.ts';
import type { BenchOptions } from './options.ts';
import { startServerProcess } from './server-process.ts';
import { gatewayUnavailableReason } from './targets/gateway.ts';

// A browser keeps 6 connections per host: a screen firing one mutation per connector gets that.
const SINGLE_CONCURRENCY = 6;
/** Graph's `Retry-After` is whole seconds; 1 is its least, and the scenario's throttle. */
export const BULK_RETRY_AFTER_SECONDS = 1;
// Each GraphQL round trip's bound: the throttled single adds wait out 429s within the gateway's
// 10 s retry budget, so an answer later than this means a hang.
const ROUND_TRIP_TIMEOUT_MS = 30_000;
const TARGET = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const TOKEN = 'Bearer bench-bulk-token';
const connectorId = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const MOVE = `mutation Move($input: MoveConnectorsInput!) {
  moveConnectors(input: $input) { results { connectorId outcome error { code } } userErrors { code } }
}`;
const ADD = `mutation Add($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) { connectorGroup { id } userErrors { code } }
}`;

/** One way of moving the connectors, against one fake-graph setting. */
export interface BulkRun {
  how: 'moveConnectors' | 'addConnectorMemberOf';
  throttled: boolean;
  /** GraphQL requests the caller sent. */
  roundTrips: number;
  /** HTTP requests fake-graph received (a `$batch` counts once). */
  upstreamRequests: number;
  /** Steps inside those `$batch`es, re-sent ones included. */
  batchSteps: number;
  wallMs: number;
  /** Connectors in the target group at the end. */
  moved: number;
}

/** The bulk scenario's outcome, beside the other scenarios' in `latest.json`. */
export type BulkReport =
  | { status: 'measured'; connectors: number; retryAfterSeconds: number; runs: BulkRun[] }
  | { status: 'unavailable' | 'failed'; connectors: number; reason: string };

async function graphql(url: string, query: string, variables: object): Promise<void> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: TOKEN },
    body: JSON.stringify({ query, variables }),
    headersTimeout: ROUND_TRIP_TIMEOUT_MS,
    bodyTimeout: ROUND_TRIP_TIMEOUT_MS,
  });
  const body = await response.body.text();
  // Per-connector failures are the scenario's subject (counted by `moved`); a refused request is not.
  if (response.statusCode !== 200) {
    throw new Error(`bulk: gateway answered ${response.statusCode}: ${body.slice(0, 300)}`);
  }
}

/**
 * Moves `ids` into one group through the gateway at `url`, both ways, each against fake-graph
 * unthrottled and then with every third write answered 429 + `Retry-After`.
 */
async function measureAll(
  graph: RunningFakeGraph,
  upstreamLines: string[],
  url: string,
  ids: string[],
  log: Log,
): Promise<BulkRun[]> {
  const reset = (throttled: boolean) => {
    graph.store.reset();
    graph.store.seed();
    graph.controls.reset();
    graph.store.createGroup(null, {
      id: TARGET,
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      name: 'Bulk target',
      region: 'eur',
    });
    for (const id of ids) {
      graph.store.addConnector(id);
      graph.store.addApplicationConnector(SEED.applicationId, id);
    }
    if (throttled) {
      graph.controls.writeThrottle = everyNthWrite(3, BULK_RETRY_AFTER_SECONDS);
    }
    upstreamLines.length = 0;
  };
  const ways: Record<BulkRun['how'], () => Promise<number>> = {
    moveConnectors: async () => {
      await graphql(url, MOVE, { input: { connectorIds: ids, connectorGroupId: TARGET } });
      return 1;
    },
    addConnectorMemberOf: async () => {
      const queue = [...ids];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          await graphql(url, ADD, {
            input: {
              applicationId: SEED.applicationId,
              connectorId: id,
              connectorGroup: {
                id: TARGET,
                connectorGroupType: 'APPLICATION_PROXY',
                isDefault: false,
                name: 'Bulk target',
                region: 'EUR',
              },
            },
          });
        }
      };
      await Promise.all(Array.from({ length: SINGLE_CONCURRENCY }, worker));
      return ids.length;
    },
  };
  const runs: BulkRun[] = [];
  for (const throttled of [false, true]) {
    for (const how of ['moveConnectors', 'addConnectorMemberOf'] as const) {
      log(`bench: bulk: ${ids.length} connectors by ${how}, ${throttled ? '' : 'not '}throttled`);
      reset(throttled);
      const started = performance.now();
      const roundTrips = await ways[how]();
      const wallMs = performance.now() - started;
      runs.push({
        how,
        throttled,
        roundTrips,
        upstreamRequests: upstreamLines.filter((line) => !line.startsWith('step ')).length,
        batchSteps: upstreamLines.filter((line) => line.startsWith('step ')).length,
        wallMs,
        moved: ids.filter((id) => graph.store.groupOf(id)?.id === TARGET).length,
      });
    }
  }
  return runs;
}

/**
 * The bulk scenario (issue 17): {@link bulkConnectors} connectors moved into one group through
 * the same gateway (its production bundle, `UPSTREAM_API=graph`, default limits, in its own
 * process) by one `moveConnectors` against one `addConnectorMemberOf` per connector (6 at a
 * time), each against fake-graph with no throttling and with every third write answered 429.
 * fake-graph runs in this process on a temp SQLite file, so its request log counts every
 * upstream request and every batch step. The gateway's bundle must have been built.
 */
export async function runBulk(
  options: BenchOptions,
  children: ChildProcesses,
  pinning: CpuPinning,
  log: Log,
): Promise<BulkReport> {
  const connectors = bulkConnectors(options);
  const unavailable = gatewayUnavailableReason();
  if (unavailable) return { status: 'unavailable', connectors, reason: unavailable };
  const ids = Array.from({ length: connectors }, (_, n) => connectorId(n + 1));
  // fake-graph's log, one line per request ("POST /beta/$batch 200 ...") and per step ("step ...").
  const upstreamLines: string[] = [];
  const keep = (line: string) => void upstreamLines.push(line);
  const graph = await startFakeGraph({
    logger: { error: log, warn: log, info: keep, debug: keep },
  });
  try {
    const port = await freePort();
    const { bundle } = await gatewayBuild();
    await startServerProcess(children, pinning, {
      name: 'bulk-gateway',
      script: bundle,
      env: childEnv({
        PORT: String(port),
        UPSTREAM_URL: `${graph.url}/beta`,
        UPSTREAM_API: 'graph',
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
      }),
      role: 'server',
      readiness: { kind: 'healthz', port },
      timeoutMs: 30_000,
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    const runs = await measureAll(graph, upstreamLines, url, ids, log);
    return { status: 'measured', connectors, retryAfterSeconds: BULK_RETRY_AFTER_SECONDS, runs };
  } catch (error) {
    return { status: 'failed', connectors, reason: (error as Error).message };
  } finally {
    await graph.close();
  }
}
