/**
 * Contract: a trusted document graphql-jit cannot compile stops nothing. The gateway starts, says
 * at warn which document (and graphql-jit's reason), and the fast path still serves it, through
 * graphql-js `execute`, with the answer yoga alone gives.
 */

import { SEED } from '@connectors/domain';
import { addConnectorMemberOfOperation } from '@connectors/gateway-client';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { documentHash } from '../trusted-documents/manifest.ts';

// graphql-jit compiles every document the gateway has: the failure is made here, for the mutation.
vi.mock('graphql-jit', async (importOriginal) => {
  const jit = await importOriginal<typeof import('graphql-jit')>();
  return {
    ...jit,
    compileQuery: (...args: Parameters<typeof jit.compileQuery>) =>
      args[2] === 'AddConnectorMemberOf'
        ? { errors: [new GraphQLError('graphql-jit cannot compile this')] }
        : jit.compileQuery(...args),
  };
});

const body = JSON.stringify({
  query: addConnectorMemberOfOperation.text,
  variables: {
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
  },
});

describe('a trusted document graphql-jit cannot compile', () => {
  let upstream: ScriptedUpstream;
  let fast: TestGateway;
  let yogaOnly: TestGateway;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    fast = createTestGateway({ upstreamBaseUrl: upstream.baseUrl });
    yogaOnly = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, fastPath: false });
  });
  afterAll(async () => {
    await fast.close();
    await yogaOnly.close();
    await upstream.close();
  });

  it('is named at start, at warn, with the reason', () => {
    const warned = fast
      .logs()
      .filter((line) => line.msg?.toString().startsWith('trusted document not compiled'));
    expect(warned).toEqual([
      expect.objectContaining({
        level: 40,
        documentId: `sha256:${documentHash(addConnectorMemberOfOperation.text)}`,
        operation: 'AddConnectorMemberOf',
        reason: 'graphql-jit cannot compile this',
      }),
    ]);
  });

  it('is served by the fast path through graphql-js, as yoga alone answers it', async () => {
    const request = {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body,
    };
    const before = fast.gateway.fastPathStats.served;
    const viaFastPath = await fast.fetch('/graphql', request);
    const viaYoga = await yogaOnly.fetch('/graphql', request);
    expect(fast.gateway.fastPathStats.served).toBe(before + 1);
    expect(viaFastPath.status).toBe(200);
    const answer = await viaFastPath.text();
    expect(answer).toBe(await viaYoga.text());
    expect(JSON.parse(answer)).toMatchObject({
      data: { addConnectorMemberOf: { userErrors: [] } },
    });
  });
});
