/**
 * Contract: a client that goes away before its answer is an everyday event, not a fault: on both
 * request paths the gateway logs the request's one line at `info` with the outcome
 * `CLIENT_DISCONNECTED`, no stack, and nothing at `error` (which pages someone); today's yoga
 * masking logged the client's abort as an unexpected error with its stack.
 */
import { request as httpRequest } from 'node:http';
import { SEED } from '@connectors/domain';
import { addConnectorMemberOfOperation } from '@connectors/gateway-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { CLIENT_DISCONNECTED } from '../schema/upstream-field.ts';

const VARIABLES = {
  input: {
    applicationId: SEED.applicationId,
    connectorId: SEED.connectorId,
    connectorGroup: {
      connectorGroupType: 'APPLICATION_PROXY',
      isDefault: false,
      name: 'G',
      region: 'EUR',
    },
  },
};

let upstream: ScriptedUpstream | undefined;
let harness: TestGateway | undefined;
afterEach(async () => {
  await harness?.close();
  await upstream?.close();
});

describe.each([
  { path: 'fast path', query: addConnectorMemberOfOperation.text },
  // The same mutation one space apart: not the manifest's text, so yoga serves it.
  { path: 'yoga', query: addConnectorMemberOfOperation.text.replace('{', '{ ') },
])('a client that disconnects, on the $path', ({ query }) => {
  it('is logged at info without a stack, never at error', async () => {
    let arrived!: () => void;
    const upstreamReached = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    // Never answers: only the client's leaving ends the request.
    upstream = await startScriptedUpstream(() => arrived());
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, timeoutMs: 5_000 });
    const url = new URL(await harness.listen());
    const body = graphqlBody(query, VARIABLES);
    const client = httpRequest({
      host: url.hostname,
      port: url.port,
      path: '/graphql',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: 'Bearer disconnect-token',
      },
    });
    client.on('error', () => {});
    client.end(body);
    await upstreamReached;
    client.destroy();

    const logs = harness.logs();
    const deadline = Date.now() + 5_000;
    while (!logs.some((line) => line.msg === 'graphql request') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      logs.splice(0, logs.length, ...harness.logs());
    }
    // The request's one line, at info, with the disconnect as its outcome.
    expect(logs).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'graphql request',
        operation: 'addConnectorMemberOf',
        outcome: CLIENT_DISCONNECTED,
      }),
    ]);
    expect(JSON.stringify(logs)).not.toMatch(/"stack"|at .*\.ts:\d+/);
    expect(logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
