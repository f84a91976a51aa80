/**
 * Microsoft's own Graph client against fake-graph.
 *
 * What it protects: fake-graph's answers are Graph's as Microsoft's SDK reads them. When the SDK
 * turns an error into a `GraphError` with the right `statusCode`, `code` and `requestId`, the
 * envelope is Graph's; when it returns our 201 body and our collection as data, so are those.
 */
import {
  DUPLICATE_REFERENCE_MESSAGE,
  memberOfGroupRefPath,
  memberOfPath,
  memberOfRefPath,
} from '@connectors/domain';
import {
  Client,
  type Context,
  GraphError,
  HTTPMessageHandler,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

const TOKEN = 'sdk-test-token';

/**
 * Sets the bearer on every request. The SDK's AuthenticationHandler attaches tokens to https
 * hosts only, so it cannot talk to an http://127.0.0.1 fake-graph.
 */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly token: string) {}
  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const headers = new Headers(options.headers);
    headers.set('Authorization', `Bearer ${this.token}`);
    context.options = { ...options, headers };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

function sdkClient(baseUrl: string, token: string): Client {
  const bearer = new BearerMiddleware(token);
  bearer.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ baseUrl, defaultVersion: 'v1.0', middleware: bearer });
}

async function graphError(call: Promise<unknown>): Promise<GraphError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
}

let graph: RunningFakeGraph;
let client: Client;
beforeAll(async () => {
  graph = await startFakeGraph({ token: TOKEN });
  client = sdkClient(graph.url, TOKEN);
});
afterAll(() => graph.close());

const group = {
  '@odata.type': '#microsoft.graph.connectorGroup',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'SDK connectors',
  region: 'asia',
} as const;

describe('@microsoft/microsoft-graph-client against fake-graph', () => {
  it('adds, duplicates, lists and removes a membership', async () => {
    const created = await client
      .api(memberOfRefPath(SEED.applicationId, SEED.connectorId))
      .post(group);
    expect(created).toEqual({ ...group, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const duplicate = await graphError(
      client.api(memberOfRefPath(SEED.applicationId, SEED.connectorId)).post(group),
    );
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.code).toBe('Request_BadRequest');
    expect(duplicate.message).toBe(DUPLICATE_REFERENCE_MESSAGE);
    expect(duplicate.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await client.api(memberOfPath(SEED.applicationId, SEED.connectorId)).get();
    expect(listed['@odata.context']).toBe(`${graph.baseUrl}/$metadata#connectorGroups`);
    // The add moved the connector: one group at a time (Graph's documented semantics).
    expect(listed.value.map((found: { name: string }) => found.name)).toEqual([group.name]);

    const removed = await client
      .api(memberOfGroupRefPath(SEED.applicationId, SEED.connectorId, created.id))
      .delete();
    expect(removed).toBeUndefined();
    const after = await client.api(memberOfPath(SEED.applicationId, SEED.connectorId)).get();
    expect(after.value).toEqual([{ '@odata.type': group['@odata.type'], ...SEED.defaultGroup }]);
  });

  it('adds to an existing group with the OData reference body (204: no content)', async () => {
    const existing = graph.store.createGroup(SEED.applicationId, { ...group, name: 'Referenced' });
    const answer = await client.api(memberOfRefPath(SEED.applicationId, SEED.connectorId)).post({
      '@odata.id': `${graph.baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${existing.id}`,
    });
    expect(answer).toBeUndefined();
    expect(graph.store.groupOf(SEED.connectorId)).toEqual(existing);
  });

  it.each([
    [
      404,
      'Request_ResourceNotFound',
      () =>
        client.api(memberOfPath('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', SEED.connectorId)).get(),
    ],
    [
      400,
      'Request_BadRequest',
      () =>
        client
          .api(memberOfRefPath(SEED.applicationId, SEED.connectorId))
          .post({ ...group, region: 'mars' }),
    ],
    [
      401,
      'InvalidAuthenticationToken',
      () =>
        sdkClient(graph.url, 'wrong-token')
          .api(memberOfPath(SEED.applicationId, SEED.connectorId))
          .get(),
    ],
  ])('surfaces %i %s as a GraphError', async (status, code, call) => {
    const error = await graphError(call());
    expect(error.statusCode).toBe(status);
    expect(error.code).toBe(code);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('surfaces 403 and 429 as GraphErrors too', async () => {
    graph.controls.forbiddenTokens.add(TOKEN);
    try {
      const forbidden = await graphError(
        client.api(memberOfPath(SEED.applicationId, SEED.connectorId)).get(),
      );
      expect([forbidden.statusCode, forbidden.code]).toEqual([403, 'Authorization_RequestDenied']);
    } finally {
      graph.controls.reset();
    }
    graph.controls.throttleSeconds = 2;
    try {
      const throttled = await graphError(
        client.api(memberOfPath(SEED.applicationId, SEED.connectorId)).get(),
      );
      expect([throttled.statusCode, throttled.code]).toEqual([429, 'TooManyRequests']);
    } finally {
      graph.controls.reset();
    }
  });
});
