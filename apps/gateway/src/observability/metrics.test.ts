/**
 * Contract: `/metrics` serves Prometheus text with requests by operation and outcome, and a
 * histogram of upstream attempts by operation, outcome and status.
 */
import { GRAPH_ERROR_CODES, SEED } from '@connectors/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import {
  graphError,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';

const MUTATION = `mutation($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) { requestId }
}`;
const input = {
  applicationId: SEED.applicationId,
  connectorId: SEED.connectorId,
  connectorGroup: {
    connectorGroupType: 'APPLICATION_PROXY',
    isDefault: false,
    name: 'G',
    region: 'EUR',
  },
};

describe('/metrics', () => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl });
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });

  async function mutate(headers: Record<string, string> = { authorization: 'Bearer m' }) {
    const response = await harness.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: graphqlBody(MUTATION, { input }),
    });
    await response.text();
  }

  it('counts requests by operation and outcome and observes upstream attempts', async () => {
    await mutate();
    await mutate();
    upstream.answer(graphError(404, GRAPH_ERROR_CODES.notFound, 'missing'));
    await mutate();
    await mutate({});

    const response = await harness.fetch('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain(
      'gateway_graphql_requests_total{operation="addConnectorMemberOf",outcome="ok"} 2',
    );
    expect(text).toContain(
      'gateway_graphql_requests_total{operation="addConnectorMemberOf",outcome="NOT_FOUND"} 1',
    );
    expect(text).toContain(
      'gateway_graphql_requests_total{operation="addConnectorMemberOf",outcome="UNAUTHENTICATED"} 1',
    );
    expect(text).toContain(
      'gateway_upstream_call_duration_seconds_count{operation="addConnectorMemberOf",outcome="ok",status="204"} 2',
    );
    expect(text).toContain(
      'gateway_upstream_call_duration_seconds_count{operation="addConnectorMemberOf",outcome="notFound",status="404"} 1',
    );
  });

  it("counts callers' connections closed at MAX_CONNECTIONS, by reason", async () => {
    harness.metrics.recordConnectionLimit('evicted');
    harness.metrics.recordConnectionLimit('evicted');
    harness.metrics.recordConnectionLimit('refused');
    const text = await (await harness.fetch('/metrics')).text();
    expect(text).toContain('gateway_connections_closed_total{reason="evicted"} 2');
    expect(text).toContain('gateway_connections_closed_total{reason="refused"} 1');
  });

  it("exposes the upstream's protections, and logs a gate closing once with Graph's headers", async () => {
    const throttle = {
      'x-ms-throttle-scope': 'Tenant_Application/Directory/Write',
      'x-ms-throttle-information': 'CPULimitExceeded',
    };
    upstream.answer(
      graphError(429, GRAPH_ERROR_CODES.tooManyRequests, 'slow down', {
        'retry-after': '60',
        ...throttle,
      }),
    );
    const before = upstream.requests.length;
    const linesBefore = harness.logs().length;
    await mutate();
    // The write gate is closed for 60 s: refused unsent, and not logged again.
    await mutate();
    expect(upstream.requests.length - before).toBe(1);

    const text = await (await harness.fetch('/metrics')).text();
    expect(text).toContain('gateway_upstream_in_flight 0');
    expect(text).toContain('gateway_upstream_queued 0');
    expect(text).toContain('gateway_upstream_refused_total{reason="gate_closed"} 1');
    expect(text).toContain('gateway_upstream_refused_total{reason="queue_full"} 0');
    expect(text).toMatch(/^gateway_upstream_connections_opened_total [1-4]$/m);
    expect(text).toContain('gateway_upstream_retries_total 0');
    expect(text).toContain('gateway_upstream_gate_closed_seconds_total{kind="read"} 0');
    const closed = /^gateway_upstream_gate_closed_seconds_total\{kind="write"\} (\S+)$/m.exec(text);
    expect(Number(closed?.[1])).toBeGreaterThan(0);
    expect(Number(closed?.[1])).toBeLessThanOrEqual(60);
    expect(text).toContain('gateway_upstream_throttle_limit_ratio{kind="write"} 0');

    const gateLines = harness
      .logs()
      .slice(linesBefore)
      .filter((line) => line.upstreamState !== undefined);
    expect(gateLines).toEqual([
      expect.objectContaining({
        // pino's number for warn
        level: 40,
        msg: 'upstream throttle gate closed: no call of this kind is sent until Retry-After passes',
        upstreamState: {
          type: 'gateClosed',
          kind: 'write',
          operation: 'addConnectorMemberOf',
          status: 429,
          retryAfterSeconds: 60,
          throttle,
        },
      }),
    ]);
    expect(JSON.stringify(gateLines)).not.toContain('Bearer');
  });
});
