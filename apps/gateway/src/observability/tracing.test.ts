/**
 * Contract: a caller's W3C trace continues through the gateway to the upstream and is exported
 * over OTLP/HTTP (docs/tracing.md). A real gateway (both request paths: the fast path for the
 * client's trusted document, yoga for the same query one space apart) in front of a real
 * fake-graph that throttles each call's first attempt, exporting through the real OTLP/HTTP
 * exporter to a receiver on 127.0.0.1. For each request the tree is: the caller's trace id, the
 * operation's server span (child of the caller's span, its `tracestate` kept), one client span
 * per upstream attempt under it (attempt number, status, `sent`), each attempt's verdict as an
 * event of the operation span; the `traceparent` fake-graph received names the attempt span as
 * parent; the log line carries the trace and span ids; no span carries the bearer token.
 */
import type { IncomingMessage } from 'node:http';
import { SEED } from '@connectors/domain';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { connectorMemberOfOperation } from '@connectors/gateway-client';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import {
  type OtlpReceiver,
  type ReceivedSpan,
  startOtlpReceiver,
} from '../../test/otlp-receiver.ts';
import { startTracing, type Tracing } from './tracing.ts';
import { ATTEMPT_EVENT, STATE_EVENT } from './upstream-attempt-spans.ts';

const TOKEN = 'Bearer tracing-test-token-0123456789';
const TRUSTED = connectorMemberOfOperation.text;
// Valid, and not the manifest's text: yoga serves it.
const UNTRUSTED = TRUSTED.replace('connectorMemberOf(', ' connectorMemberOf(');
const VARIABLES = { applicationId: SEED.applicationId, connectorId: SEED.connectorId };
const SPAN_KIND = { server: 2, client: 3 } as const;

interface Received {
  traceparent: string | undefined;
  tracestate: string | undefined;
}

describe('traces, from the caller through the gateway to fake-graph', () => {
  let receiver: OtlpReceiver;
  let fakeGraph: RunningFakeGraph;
  let tracing: Tracing;
  let harness: TestGateway;
  const received: Received[] = [];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    fakeGraph = await startFakeGraph();
    // Before fake-graph's own handler: records what it received, and throttles every first
    // attempt (odd requests) with Retry-After: 1, so each call makes two attempts.
    fakeGraph.server.prependListener('request', (request: IncomingMessage) => {
      received.push({
        traceparent: request.headers.traceparent as string | undefined,
        tracestate: request.headers.tracestate as string | undefined,
      });
      fakeGraph.controls.throttleSeconds = received.length % 2 === 1 ? 1 : undefined;
    });
    tracing = startTracing({
      exporter: new OTLPTraceExporter({ url: `${receiver.url}/v1/traces` }),
    });
    harness = createTestGateway({
      upstreamBaseUrl: fakeGraph.baseUrl,
      maxRetries: 2,
      retryBudgetMs: 5_000,
      timeoutMs: 5_000,
      tracing,
    });
  });
  afterAll(async () => {
    await harness?.close();
    await fakeGraph?.close();
    await receiver?.close();
  });

  const callers = {
    fast: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' },
    yoga: { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' },
  };

  it('continues the caller trace on both paths, one client span per attempt, exported over OTLP', async () => {
    for (const [path, query] of [
      ['fast', TRUSTED],
      ['yoga', UNTRUSTED],
    ] as const) {
      const caller = callers[path];
      const response = await harness.fetch('/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: TOKEN,
          traceparent: `00-${caller.traceId}-${caller.spanId}-01`,
          tracestate: 'vendor=caller',
        },
        body: graphqlBody(query, VARIABLES),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: { connectorMemberOf?: unknown } };
      expect(body.data?.connectorMemberOf).toMatchObject({ userErrors: [] });
    }
    expect(harness.gateway.fastPathStats.served).toBe(1);
    // Exports what the batch processor holds, and stops.
    await tracing.shutdown();

    const trees = Object.fromEntries(
      Object.entries(callers).map(([path, caller]) => {
        const spans = receiver.spans.filter((span) => span.traceId === caller.traceId);
        const server = spans.filter((span) => span.kind === SPAN_KIND.server);
        expect(server, path).toHaveLength(1);
        const operation = server[0] as ReceivedSpan;
        expect(operation.parentSpanId).toBe(caller.spanId);
        expect(operation.traceState).toBe('vendor=caller');
        const attempts = spans
          .filter((span) => span.parentSpanId === operation.spanId)
          .sort(
            (a, b) =>
              Number(a.attributes['upstream.attempt']) - Number(b.attributes['upstream.attempt']),
          );
        expect(spans).toHaveLength(1 + attempts.length);
        return [path, { operation, attempts }];
      }),
    ) as Record<keyof typeof callers, { operation: ReceivedSpan; attempts: ReceivedSpan[] }>;

    for (const [path, { operation, attempts }] of Object.entries(trees)) {
      expect(operation.name, path).toBe('query ConnectorMemberOf');
      expect(operation.service).toBe('connector-gateway');
      expect(operation.attributes).toMatchObject({
        'graphql.operation.type': 'query',
        'graphql.operation.name': 'ConnectorMemberOf',
        'gateway.outcome': 'ok',
        'http.response.status_code': 200,
        'upstream.outcome': 'ok',
        'upstream.sent': true,
      });
      // The 429's Retry-After closed the read gate: the decision is on the span of the request
      // whose answer caused it.
      expect(operation.events.filter((event) => event.name === STATE_EVENT)).toEqual([
        {
          name: STATE_EVENT,
          attributes: expect.objectContaining({
            'upstream.state': 'gateClosed',
            'upstream.call_kind': 'read',
            'upstream.retry_after_seconds': 1,
            'http.response.status_code': 429,
          }),
        },
      ]);
      expect(attempts.map((span) => span.kind)).toEqual([SPAN_KIND.client, SPAN_KIND.client]);
      expect(attempts.map((span) => span.attributes)).toEqual([
        expect.objectContaining({
          'upstream.attempt': 1,
          'upstream.sent': true,
          'http.response.status_code': 429,
        }),
        expect.objectContaining({
          'upstream.attempt': 2,
          'upstream.sent': true,
          'http.response.status_code': 200,
        }),
      ]);
      // One call: the same client-request-id on both attempts.
      expect(attempts[0]?.attributes['upstream.client_request_id']).toBe(
        attempts[1]?.attributes['upstream.client_request_id'],
      );
      // The verdicts: a retry, then the call's end.
      expect(
        operation.events
          .filter((event) => event.name === ATTEMPT_EVENT)
          .map((event) => [
            event.attributes['upstream.attempt'],
            event.attributes['upstream.outcome'],
          ]),
      ).toEqual([
        [1, 'retry'],
        [2, 'ok'],
      ]);
      // What fake-graph received: each attempt's own span as parent, in the caller's trace.
      for (const attempt of attempts) {
        expect(received).toContainEqual({
          traceparent: `00-${attempt.traceId}-${attempt.spanId}-01`,
          tracestate: 'vendor=caller',
        });
      }
    }

    // Both paths, the same tree: names, kinds and attribute names.
    const shape = ({
      operation,
      attempts,
    }: {
      operation: ReceivedSpan;
      attempts: ReceivedSpan[];
    }) => [
      operation.name,
      Object.keys(operation.attributes).sort(),
      operation.events.map((event) => event.name),
      attempts.map((span) => [span.name, span.kind, Object.keys(span.attributes).sort()]),
    ];
    expect(shape(trees.fast)).toEqual(shape(trees.yoga));

    // The log line of each request carries its trace and its operation span.
    const lines = harness.logs().filter((line) => line.msg === 'graphql request');
    expect(lines.map((line) => [line.trace_id, line.span_id])).toEqual([
      [callers.fast.traceId, trees.fast.operation.spanId],
      [callers.yoga.traceId, trees.yoga.operation.spanId],
    ]);
    // Never the token, in any export.
    const token = TOKEN.slice('Bearer '.length);
    for (const body of receiver.bodies) expect(body).not.toContain(token);
  });
});
