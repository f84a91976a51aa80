/**
 * Contract: the production bundle's own wiring of issue 19's settings, run as operators run it
 * (plain node on the bundle, nothing but the variables below): `METRICS_PORT` moves `/metrics` to
 * its own port (the main port answers 404 there), `HOST` picks the address, the start line
 * reports every security-relevant setting; and with `OTEL_EXPORTER_OTLP_ENDPOINT` set, the
 * OpenTelemetry SDK runs inside the esbuild bundle on this Node (20), continues a caller's
 * trace, stamps the log line with its ids and exports to a receiver on 127.0.0.1, flushed by the
 * SIGTERM shutdown.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from '@connectors/domain';
import { connectorMemberOfOperation } from '@connectors/gateway-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../scripts/build.ts';
import { graphqlBody } from '../test/gateway-harness.ts';
import { type Started, startMain, waitForLog } from '../test/main-process.ts';
import { type OtlpReceiver, startOtlpReceiver } from '../test/otlp-receiver.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../test/scripted-upstream.ts';
import { SHUTDOWN_EXPORT_BOUND_MS } from './observability/tracing.ts';

let bundle: string[] = [];
let bundleDir = '';
beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'gateway-production-'));
  bundle = [await buildGateway(join(bundleDir, 'main.mjs'))];
});
afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

let running: Started | undefined;
let upstream: ScriptedUpstream | undefined;
let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
  await upstream?.close();
  await receiver?.close();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const listeningLine = (started: Started) =>
  waitForLog(started, (line) => String(line.msg).startsWith('gateway listening'));

describe('the production bundle', () => {
  it('leaves out fast-json-stringify and ajv, which graphql-jit imports for an option never set', async () => {
    const text = await readFile(bundle[0] as string, 'utf8');
    expect(text).toContain('fast-json-stringify is not bundled');
    expect(text).not.toMatch(/node_modules\/(?:ajv|fast-json-stringify)\//);
    // graphql-jit itself is in, and compiles at start: every request of this file runs through it.
    expect(text).toMatch(/node_modules\/graphql-jit\//);
  });

  it('serves /metrics on METRICS_PORT only, listens on HOST, and reports its security settings at start', async () => {
    upstream = await startScriptedUpstream();
    const metricsPort = await freePort();
    running = startMain(bundle, {
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      UPSTREAM_URL: upstream.baseUrl,
      TRUSTED_DOCUMENTS_MODE: 'require',
      CORS_ORIGINS: 'https://admin.example',
    });
    const listening = await listeningLine(running);
    await waitForLog(running, (line) => line.msg === 'metrics listening');
    expect(listening).toMatchObject({
      nodeEnv: 'production',
      host: '127.0.0.1',
      graphiql: false,
      introspection: false,
      trustedDocumentsMode: 'require',
      corsOrigins: ['https://admin.example'],
      corsCredentials: false,
      metrics: `port ${metricsPort}`,
      tracesTo: 'off',
    });
    const main = `http://127.0.0.1:${listening.port}`;
    expect((await fetch(`${main}/healthz`)).status).toBe(200);
    const onMain = await fetch(`${main}/metrics`);
    expect(onMain.status).toBe(404);
    expect(await onMain.text()).not.toContain('gateway_');
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_cpu_seconds_total');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
  });

  it('exports the traces of a traced request over OTLP/HTTP, flushed at SIGTERM', async () => {
    upstream = await startScriptedUpstream((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json', 'request-id': 'upstream-1' })
        .end(JSON.stringify({ value: [] }));
    });
    receiver = await startOtlpReceiver();
    running = startMain(bundle, {
      PORT: '0',
      UPSTREAM_URL: upstream.baseUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'gateway-under-test',
    });
    const listening = await listeningLine(running);
    expect(listening.tracesTo).toBe(receiver.url);
    const traceId = '5c1e1b6e8f0a4d2b9c3d4e5f60718293';
    const response = await fetch(`http://127.0.0.1:${listening.port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer bundle-trace-token',
        traceparent: `00-${traceId}-1a2b3c4d5e6f7081-01`,
      },
      body: graphqlBody(connectorMemberOfOperation.text, {
        applicationId: SEED.applicationId,
        connectorId: SEED.connectorId,
      }),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const line = await waitForLog(running, (entry) => entry.msg === 'graphql request');
    expect(line.trace_id).toBe(traceId);
    // The upstream call carried the trace onward.
    expect(upstream.requests[0]?.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-`));

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const spans = receiver.spans.filter((span) => span.traceId === traceId);
    expect(spans.map((span) => [span.kind, span.service]).sort()).toEqual([
      [2, 'gateway-under-test'],
      [3, 'gateway-under-test'],
    ]);
    const server = spans.find((span) => span.kind === 2);
    expect(server?.spanId).toBe(line.span_id);
    for (const body of receiver.bodies) expect(body).not.toContain('bundle-trace-token');
  });

  it('says so in its log when the collector cannot be reached, and still exits 0 at once', async () => {
    upstream = await startScriptedUpstream();
    // A port nothing listens on: the export fails. Exports every 100 ms, given up after 1 s.
    const closed = await freePort();
    running = startMain(bundle, {
      PORT: '0',
      UPSTREAM_URL: upstream.baseUrl,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closed}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_EXPORTER_OTLP_TIMEOUT: '1000',
    });
    const listening = await listeningLine(running);
    const response = await fetch(`http://127.0.0.1:${listening.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: graphqlBody('{ __typename }'),
    });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const warning = await waitForLog(running, (line) =>
      String(line.msg).startsWith('opentelemetry:'),
    );
    expect(warning).toMatchObject({ level: 40 });
    // Not stamped with the request whose span's end triggered the export.
    expect(warning).not.toHaveProperty('trace_id');
    // One more span in the buffer, which the shutdown cannot export: it waits 2 s at most.
    await (
      await fetch(`http://127.0.0.1:${listening.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: graphqlBody('{ __typename }'),
      })
    ).arrayBuffer();
    const signalledAt = performance.now();
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(performance.now() - signalledAt).toBeLessThan(SHUTDOWN_EXPORT_BOUND_MS + 5_000);
  });
});
