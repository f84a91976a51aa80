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
});
