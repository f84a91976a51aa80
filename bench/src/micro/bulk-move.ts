/**
 * The bulk scenario (issue 17): moving 100 connectors into one group through the same gateway,
 * by one `moveConnectors` (JSON batching, only throttled steps re-sent) against one
 * `addConnectorMemberOf` per connector (6 at a time, a browser's connections per host), each
 * against fake-graph with and without throttling (every third write answered 429 with
 * `Retry-After: 1`, as Graph's write quota answers each throttled request).
 *
 * The gateway runs as deployed (its production bundle, `UPSTREAM_API=graph`, default limits) in
 * its own process; fake-graph runs in this one, on a temp SQLite file, so its request log counts
 * every upstream request (a `$batch` and each of its steps apart). Per run: GraphQL round trips,
 * upstream requests and batch steps, wall time, connectors that ended in the group.
 *
 *   pnpm --filter @connectors/bench bench:bulk
 *
 * Loopback only, bounded: 4 runs of 100 moves, a hard timeout of 3 minutes. Figures are recorded
 * in bench/README.md ("Bulk moves").
 */
import { SEED } from '@connectors/domain';
import { everyNthWrite, type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { request } from 'undici';
import { buildBundles, gatewayBuild } from '../bundles.ts';
import { ChildProcesses } from '../child-processes.ts';
import { detectCpuPinning } from '../cpu-pinning.ts';
import { childEnv } from '../env.ts';
import { freePort } from '../free-port.ts';
import { startServerProcess } from '../server-process.ts';

const CONNECTORS = 100;
// A browser keeps 6 connections per host: a screen firing one mutation per connector gets that.
const SINGLE_CONCURRENCY = 6;
const RETRY_AFTER_SECONDS = 1;
const HARD_TIMEOUT_MS = 180_000;
const TARGET = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b';
const TOKEN = 'Bearer bench-bulk-token';
const connectorId = (n: number) => `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CONNECTOR_IDS = Array.from({ length: CONNECTORS }, (_, n) => connectorId(n + 1));

const MOVE = `mutation Move($input: MoveConnectorsInput!) {
  moveConnectors(input: $input) { results { connectorId outcome error { code } } userErrors { code } }
}`;
const ADD = `mutation Add($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) { connectorGroup { id } userErrors { code } }
}`;

interface Run {
  how: string;
  throttled: boolean;
  roundTrips: number;
  upstreamRequests: number;
  batchSteps: number;
  wallMs: number;
  moved: number;
}

const children = new ChildProcesses();
process.on('exit', () => children.killAllNow());
const hardTimeout = setTimeout(() => {
  console.error(`bench:bulk: hard timeout after ${HARD_TIMEOUT_MS / 1000} s`);
  children.killAllNow();
  process.exit(124);
}, HARD_TIMEOUT_MS);

// fake-graph's log, one line per request ("POST /beta/$batch 200 ...") and per batch step ("step ...").
const upstreamLines: string[] = [];
const keep = (line: string) => void upstreamLines.push(line);
let fakeGraph: RunningFakeGraph | undefined;

async function graphql(url: string, query: string, variables: object): Promise<unknown> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: TOKEN },
    body: JSON.stringify({ query, variables }),
  });
  return response.body.json();
}

function resetTenant(graph: RunningFakeGraph, throttled: boolean): void {
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
  for (const id of CONNECTOR_IDS) {
    graph.store.addConnector(id);
    graph.store.addApplicationConnector(SEED.applicationId, id);
  }
  if (throttled) graph.controls.writeThrottle = everyNthWrite(3, RETRY_AFTER_SECONDS);
  upstreamLines.length = 0;
}

async function measure(
  graph: RunningFakeGraph,
  how: string,
  throttled: boolean,
  send: () => Promise<number>,
): Promise<Run> {
  resetTenant(graph, throttled);
  const started = performance.now();
  const roundTrips = await send();
  const wallMs = performance.now() - started;
  const moved = CONNECTOR_IDS.filter((id) => graph.store.groupOf(id)?.id === TARGET).length;
  return {
    how,
    throttled,
    roundTrips,
    upstreamRequests: upstreamLines.filter((line) => !line.startsWith('step ')).length,
    batchSteps: upstreamLines.filter((line) => line.startsWith('step ')).length,
    wallMs,
    moved,
  };
}

// A markdown table, columns padded: what the README records.
function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

try {
  await buildBundles(true);
  const { bundle } = await gatewayBuild();
  fakeGraph = await startFakeGraph({
    logger: { error: console.error, warn: console.error, info: keep, debug: keep },
  });
  const graph = fakeGraph;
  const port = await freePort();
  await startServerProcess(children, detectCpuPinning(), {
    name: 'gateway',
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

  const bulk = async () => {
    await graphql(url, MOVE, { input: { connectorIds: CONNECTOR_IDS, connectorGroupId: TARGET } });
    return 1;
  };
  const single = async () => {
    const queue = [...CONNECTOR_IDS];
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
    return CONNECTORS;
  };

  const runs: Run[] = [];
  for (const throttled of [false, true]) {
    runs.push(await measure(graph, 'moveConnectors (one mutation)', throttled, bulk));
    runs.push(await measure(graph, `addConnectorMemberOf x ${CONNECTORS}`, throttled, single));
  }
  const table = renderTable(
    ['how', 'fake-graph', 'round trips', 'upstream requests', 'batch steps', 'wall time', 'moved'],
    runs.map((run) => [
      run.how,
      run.throttled ? `every 3rd write 429, Retry-After ${RETRY_AFTER_SECONDS} s` : 'no throttling',
      String(run.roundTrips),
      String(run.upstreamRequests),
      String(run.batchSteps),
      `${(run.wallMs / 1000).toFixed(2)} s`,
      `${run.moved}/${CONNECTORS}`,
    ]),
  );
  process.stdout.write(`${table}\n`);
} catch (error) {
  console.error(`bench:bulk: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  clearTimeout(hardTimeout);
  await children.stopAll();
  await fakeGraph?.close();
}
