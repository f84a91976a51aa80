/**
 * Microsoft's own Graph client against fake-graph.
 *
 * What it protects: fake-graph's answers are Graph's as Microsoft's SDK reads them. When the SDK
 * turns an error into a `GraphError` with the right `statusCode`, `code` and `requestId`, the
 * envelope is Graph's; when it returns our 201 body and our collection as data, so are those.
 * It also drives Graph's documented connector-group operations (docs/rest-upstream.md, the graph profile) as a caller of
 * the real service would write them: add by reference, list memberOf, list groups by name, move.
 */
import {
  DirectoryObjectId,
  DUPLICATE_REFERENCE_MESSAGE,
  memberOfGroupRefPath,
  memberOfPath,
  memberOfRefPath,
  parseValid,
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
        client
          .api(
            memberOfPath(
              parseValid(DirectoryObjectId, 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'),
              SEED.connectorId,
            ),
          )
          .get(),
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

describe("@microsoft/microsoft-graph-client drives Graph's documented operations", () => {
  const profile = '/onPremisesPublishingProfiles/applicationProxy';
  const memberOf = `${profile}/connectors/${SEED.connectorId}/memberOf`;
  const newTenantGroup = (name: string) =>
    graph.store.createGroup(null, {
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      name,
      region: 'eur',
    });

  it('adds by reference, lists memberOf and groups by $filter, moves between groups, and reads the duplicate as a GraphError', async () => {
    graph.store.reset();
    graph.store.seed();
    const first = newTenantGroup("Contoso's West");
    const second = newTenantGroup("Contoso's East");
    const beta = () => client.api(memberOf).version('beta');
    const reference = (groupId: string) => ({
      '@odata.id': `${graph.url}/beta${profile}/connectorGroups/${groupId}`,
    });

    // The SDK puts $filter in the URL as given; the caller quotes the OData literal.
    const found = await client
      .api(`${profile}/connectorGroups`)
      .version('beta')
      .filter(`name eq '${"Contoso's West".replaceAll("'", "''")}'`)
      .get();
    expect(found.value).toEqual([{ '@odata.type': group['@odata.type'], ...first }]);

    expect(
      await client.api(`${memberOf}/$ref`).version('beta').post(reference(found.value[0].id)),
    ).toBeUndefined();
    expect((await beta().get()).value.map((g: { id: string }) => g.id)).toEqual([first.id]);

    // A move: in the second group, and in it alone.
    await client.api(`${memberOf}/$ref`).version('beta').post(reference(second.id));
    const moved = await beta().get();
    expect(moved['@odata.context']).toBe(`${graph.url}/beta/$metadata#connectorGroups`);
    expect(moved.value.map((g: { id: string }) => g.id)).toEqual([second.id]);

    const duplicate = await graphError(
      client.api(`${memberOf}/$ref`).version('beta').post(reference(second.id)),
    );
    expect([duplicate.statusCode, duplicate.code]).toEqual([400, 'Request_BadRequest']);
    expect(duplicate.message).toBe(DUPLICATE_REFERENCE_MESSAGE);

    const all = await client.api(`${profile}/connectorGroups`).version('beta').get();
    expect(all.value.map((g: { name: string }) => g.name)).toEqual([
      'Default',
      "Contoso's West",
      "Contoso's East",
    ]);
  });

  it('reads a foreign @odata.id and an unsupported $filter as GraphErrors', async () => {
    const foreign = await graphError(
      client
        .api(`${memberOf}/$ref`)
        .version('beta')
        .post({
          '@odata.id': `https://graph.microsoft.com/beta${profile}/connectorGroups/${SEED.defaultGroup.id}`,
        }),
    );
    expect([foreign.statusCode, foreign.code]).toEqual([400, 'Request_BadRequest']);
    const unsupported = await graphError(
      client.api(`${profile}/connectorGroups`).version('beta').filter("startswith(name,'C')").get(),
    );
    expect([unsupported.statusCode, unsupported.code]).toEqual([400, 'Request_UnsupportedQuery']);
  });
});
