/**
 * Contract: one JSON log line per GraphQL request with operation, outcome, status, durations
 * and request ids; the bearer token appears in no log line at any level, debug included.
 */
import { GRAPH_ERROR_CODES, SEED } from '@connectors/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import {
  graphError,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';
import { createLogger } from './logger.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.SECRET-PAYLOAD-4f1c.signature-9a8b';
const AUTHORIZATION = `Bearer ${TOKEN}`;
const CALLER_REQUEST_ID = '11111111-2222-4333-8444-555555555555';
const MUTATION = `mutation AddToWestEurope($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) { userErrors { code } requestId }
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

describe('request logs', () => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let url: string;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, logLevel: 'trace' });
    url = await harness.listen();
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });

  const send = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION, ...headers },
      body,
    }).then((response) => response.text());

  it('never contains the token, at trace level, across successes, user errors and faults', async () => {
    harness.logLines.length = 0;
    await send(graphqlBody(MUTATION, { input }));
    upstream.answer(graphError(404, GRAPH_ERROR_CODES.notFound, `nothing for ${AUTHORIZATION}`));
    await send(graphqlBody(MUTATION, { input }));
    upstream.answer(graphError(401, GRAPH_ERROR_CODES.unauthenticated, `bad token ${TOKEN}`));
    await send(graphqlBody(MUTATION, { input }));
    upstream.answer((_request, response) => response.writeHead(418).end(TOKEN));
    await send(graphqlBody(MUTATION, { input }));
    await send(graphqlBody(`{ ${'x'.repeat(10)} }`));
    await send('{not json');

    expect(harness.logLines.length).toBeGreaterThan(12);
    expect(harness.logs().some((line) => line.level === 20)).toBe(true);
    for (const line of harness.logLines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('SECRET-PAYLOAD');
    }
  });

  it('writes one info line per request with operation, outcome, status, durations and ids', async () => {
    upstream.answer((_request, response) => {
      response.writeHead(204, { 'request-id': 'rid-logged' }).end();
    });
    harness.logLines.length = 0;
    await send(graphqlBody(MUTATION, { input }), { 'client-request-id': CALLER_REQUEST_ID });

    const lines = harness.logs().filter((line) => line.msg === 'graphql request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      operation: 'addConnectorMemberOf',
      operationName: 'AddToWestEurope',
      outcome: 'ok',
      status: 200,
      durationMs: expect.any(Number),
      clientRequestId: CALLER_REQUEST_ID,
      upstream: {
        outcome: 'ok',
        status: 204,
        requestId: 'rid-logged',
        durationMs: expect.any(Number),
      },
    });
  });

  it('logs the user error code and the upstream status of a failed call', async () => {
    upstream.answer(graphError(404, GRAPH_ERROR_CODES.notFound, 'no such application'));
    harness.logLines.length = 0;
    await send(graphqlBody(MUTATION, { input }));
    const [line] = harness.logs().filter((entry) => entry.msg === 'graphql request');
    expect(line).toMatchObject({
      outcome: 'NOT_FOUND',
      upstream: { outcome: 'notFound', status: 404, requestId: 'upstream-404' },
    });
  });

  it('logs a fault by its error code', async () => {
    upstream.answer(graphError(403, GRAPH_ERROR_CODES.forbidden, 'denied'));
    harness.logLines.length = 0;
    await send(graphqlBody(MUTATION, { input }));
    const [line] = harness.logs().filter((entry) => entry.msg === 'graphql request');
    expect(line).toMatchObject({ outcome: 'FORBIDDEN', upstream: { status: 403 } });
  });
});

describe('the logger', () => {
  it('redacts an Authorization value wherever a log object carries it', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.debug({ authorization: AUTHORIZATION }, 'a');
    logger.debug({ headers: { authorization: AUTHORIZATION, Authorization: AUTHORIZATION } }, 'b');
    logger.debug({ req: { headers: { authorization: AUTHORIZATION } } }, 'c');
    logger.debug({ request: { options: { headers: { authorization: AUTHORIZATION } } } }, 'd');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain('[REDACTED]');
    }
  });
});
