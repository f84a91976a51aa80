/**
 * `pnpm --filter @connectors/graph-client measure:overload`: issue 15's four fault classes against
 * the client alone, on loopback, with the scripted upstream (its own record of requests, most in
 * flight and connections): what docs/rest-upstream.md ("Measured") quotes. About 15 s; traffic to
 * 127.0.0.1 only, every scenario bounded. The gateway-level suite and `pnpm bench` measure the
 * same through the whole gateway.
 */
import { ConnectorGroupInput, parseValid, SEED } from '@connectors/domain';
import { GraphClient } from '../src/graph-client.ts';
import type { GraphFailure } from '../src/result.ts';
import { type ScriptedReply, startScriptedUpstream } from '../test/scripted-upstream.ts';

const AUTHORIZATION = 'Bearer measure-overload-token';
const group = parseValid(ConnectorGroupInput, {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
});

type Call = (graph: GraphClient) => Promise<{ ok: true } | GraphFailure>;
const write: Call = (graph) =>
  graph.addConnectorMemberOf({
    applicationId: SEED.applicationId,
    connectorId: SEED.connectorId,
    connectorGroup: group,
    authorization: AUTHORIZATION,
  });
const read: Call = (graph) => graph.listConnectorGroups({ authorization: AUTHORIZATION });

async function scenario(
  name: string,
  options: { callers: number; call: Call; timeoutMs: number; onState?: () => void },
  script: (index: number) => ScriptedReply,
) {
  const server = await startScriptedUpstream(script);
  const graph = new GraphClient({
    baseUrl: `${server.origin}/v1.0`,
    timeoutMs: options.timeoutMs,
    ...(options.onState === undefined ? {} : { onUpstreamState: options.onState }),
  });
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: options.callers }, () => options.call(graph)),
  );
  const seconds = (performance.now() - started) / 1000;
  const outcomes = new Map<string, number>();
  for (const result of results) {
    const key = result.ok ? 'ok' : `${result.kind} sent=${result.sent}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  console.log(
    JSON.stringify({
      name,
      callers: options.callers,
      upstreamCalls: server.requests.length,
      callsPerRequest: Number((server.requests.length / options.callers).toFixed(2)),
      maxInFlight: server.maxInFlight(),
      connectionsOpened: server.connections(),
      outcomes: Object.fromEntries(outcomes),
      seconds: Number(seconds.toFixed(1)),
      stats: graph.stats(),
    }),
  );
  await graph.close();
  await server.close();
  return { server, results };
}

const emptyList = { status: 200, body: { value: [] } };
await scenario('reads, 2.5 s upstream', { callers: 150, call: read, timeoutMs: 3000 }, () => ({
  ...emptyList,
  delayMs: 2500,
}));
await scenario('writes, 1 s upstream', { callers: 400, call: write, timeoutMs: 3000 }, () => ({
  status: 204,
  delayMs: 1000,
}));
await scenario('writes, permanent 503', { callers: 400, call: write, timeoutMs: 3000 }, () => ({
  status: 503,
  headers: { 'retry-after': '0' },
}));
// A 429 with Retry-After: 2 on the first call. The upstream notes when each request arrives and
// the client when its gate closed (its state event): nothing may arrive in the 2 s after that.
const arrivals: number[] = [];
let gateClosedAt = Number.NaN;
const throttled = await scenario(
  'writes, 429 Retry-After: 2 first',
  {
    callers: 100,
    call: write,
    timeoutMs: 3000,
    onState: () => {
      gateClosedAt = performance.now();
    },
  },
  (index) => {
    arrivals.push(performance.now());
    return index === 0 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 204 };
  },
);
// Client and upstream share one event loop: the first wave's requests, all sent before the 429
// came back, are read by the upstream just after the client saw it. They all arrive within a few
// milliseconds of the closing; anything sent after it arrives 2 s later at the earliest.
const since = arrivals.map((at) => at - gateClosedAt);
console.log(
  JSON.stringify({
    name: 'writes, 429 Retry-After: 2 first',
    firstWave: since.filter((ms) => ms < 100).length,
    between100msAnd2s: since.filter((ms) => ms >= 100 && ms < 2000).length,
    after2s: since.filter((ms) => ms >= 2000).length,
    firstAfterTheWaveMs: Math.round(Math.min(...since.filter((ms) => ms >= 100))),
    served: throttled.server.requests.length,
  }),
);
