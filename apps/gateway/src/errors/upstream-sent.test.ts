/**
 * Contract: docs/errors.md's `sent`, at the GraphQL edge, on both request paths (the fast path
 * and yoga alone): a call the gateway's own bound refused is `UPSTREAM_UNAVAILABLE` with
 * `sent: false` and `retryAfterSeconds`, and the upstream's own record agrees that it never got
 * it; a call it got and did not answer in time is `UPSTREAM_TIMEOUT` with `sent: true`.
 */
import { SEED } from '@connectors/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';

const MUTATION = `mutation($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) { requestId }
}`;
const input = {
  applicationId: SEED.applicationId,
  connectorId: SEED.connectorId,
  connectorGroup: {
    connectorGroupType: 'APPLICATION_PROXY',
    isDefault: false,
    name: 'West Europe connectors',
    region: 'EUR',
  },
};

interface Fault {
  message: string;
  extensions: Record<string, unknown>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  fastPath: boolean,
): Promise<{ harness: TestGateway; upstream: ScriptedUpstream }> {
  const upstream = await startScriptedUpstream();
  // One request in flight, none waiting: the second of two concurrent calls is refused unsent.
  const harness = createTestGateway({
    upstreamBaseUrl: upstream.baseUrl,
    fastPath,
    connections: 1,
    maxQueue: 0,
    timeoutMs: 300,
  });
  cleanups.push(upstream.close, harness.close);
  return { harness, upstream };
}

async function mutate(harness: TestGateway): Promise<Fault | undefined> {
  const response = await harness.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sent-test' },
    body: graphqlBody(MUTATION, { input }),
  });
  const body = (await response.json()) as { errors?: Fault[] };
  return body.errors?.[0];
}

describe.each([
  ['the fast path', true],
  ['yoga alone', false],
])('extensions.sent through %s', (_path, fastPath) => {
  it('a call refused by the in-flight bound: UPSTREAM_UNAVAILABLE, sent false, never at the upstream', async () => {
    const { harness, upstream } = await setUp(fastPath);
    // Answers 200 ms after the request arrived: the first call holds the one slot meanwhile.
    upstream.answer((_request, response) => {
      setTimeout(() => response.writeHead(204, { 'request-id': 'slow-204' }).end(), 200);
    });
    const first = mutate(harness);
    await expect.poll(() => upstream.requests.length).toBe(1);
    const refused = await mutate(harness);

    expect(await first).toBeUndefined();
    expect(refused?.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      retryAfterSeconds: 1,
      sent: false,
    });
    expect(refused?.message).toContain('nothing was changed');
    expect(upstream.requests).toHaveLength(1);
  });

  it('a call sent and not answered in time: UPSTREAM_TIMEOUT, sent true', async () => {
    const { harness, upstream } = await setUp(fastPath);
    upstream.answer(() => {
      // Never answers: the attempt's 300 ms end it.
    });
    const fault = await mutate(harness);

    expect(fault?.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', sent: true });
    expect(upstream.requests).toHaveLength(1);
  });
});
