/**
 * The client against the real gateway (production settings, fast path on) in front of a real
 * fake-graph on a temp SQLite file, all on 127.0.0.1:0: every kind of result, read from the
 * gateway's actual answers.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEED } from '@connectors/domain';
import {
  type ConnectorGroupInput,
  createGatewayClient,
  type GatewayClientOptions,
  OPERATIONS,
} from '@connectors/gateway-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type InProcessGateway, startInProcessGateway } from '../../test/in-process-gateway.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.gateway-client-test.token';
const UNKNOWN_CONNECTOR = '00000000-0000-4000-8000-00000000dead';

const westEurope: ConnectorGroupInput = {
  connectorGroupType: 'APPLICATION_PROXY',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'EUR',
};

interface Sent {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}

let gateway: InProcessGateway;
let sent: Sent[];

beforeAll(async () => {
  gateway = await startInProcessGateway();
});
afterAll(async () => {
  await gateway?.close();
});
beforeEach(() => gateway.reset());

// Real fetch, with each request it sends recorded; `alter` plays a proxy that rewrites requests.
function client(
  overrides: Partial<GatewayClientOptions> = {},
  alter: (init: RequestInit) => RequestInit = (init) => init,
) {
  sent = [];
  return createGatewayClient({
    url: gateway.url,
    getToken: async () => TOKEN,
    fetch: async (input, init = {}) => {
      const altered = alter(init);
      sent.push({
        url: String(input),
        headers: new Headers(altered.headers),
        body: JSON.parse(String(altered.body)),
      });
      return fetch(input, altered);
    },
    ...overrides,
  });
}

const addInput = (
  group: Partial<ConnectorGroupInput> = {},
  connectorId: string = SEED.connectorId,
) => ({
  input: {
    applicationId: SEED.applicationId,
    connectorId,
    connectorGroup: { ...westEurope, ...group },
  },
});

describe('createGatewayClient against the real gateway', () => {
  it('adds by name: success with the created group and the upstream request-id', async () => {
    const result = await client().addConnectorMemberOf(addInput({ name: 'Created by name' }));
    expect(result).toEqual({
      kind: 'success',
      data: {
        connectorGroup: {
          id: expect.stringMatching(GUID),
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: false,
          name: 'Created by name',
          region: 'EUR',
        },
      },
      requestId: expect.stringMatching(GUID),
      clientRequestId: expect.stringMatching(GUID),
    });
  });

  it('sends one POST of the exact generated text, its operationName, the token and a fresh client-request-id', async () => {
    const gatewayClient = client();
    const first = await gatewayClient.connectorMemberOf({
      applicationId: SEED.applicationId,
      connectorId: SEED.connectorId,
    });
    await gatewayClient.connectorMemberOf({
      applicationId: SEED.applicationId,
      connectorId: SEED.connectorId,
    });
    expect(sent).toHaveLength(2);
    const [request, second] = sent as [Sent, Sent];
    expect(request.url).toBe(gateway.url);
    expect(request.body).toEqual({
      operationName: 'ConnectorMemberOf',
      query: OPERATIONS.ConnectorMemberOf.text,
      variables: { applicationId: SEED.applicationId, connectorId: SEED.connectorId },
    });
    expect(Object.fromEntries(request.headers)).toEqual({
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${TOKEN}`,
      'client-request-id': first.clientRequestId,
      'content-type': 'application/json',
    });
    expect(first.clientRequestId).toMatch(GUID);
    expect(second.headers.get('client-request-id')).not.toBe(first.clientRequestId);
  });

  it("lists the connector's groups: the seeded Default group", async () => {
    const result = await client({ getToken: () => TOKEN }).connectorMemberOf({
      applicationId: SEED.applicationId,
      connectorId: SEED.connectorId,
    });
    expect(result.kind).toBe('success');
    if (result.kind !== 'success') return;
    expect(result.data.connectorGroups).toContainEqual({
      id: SEED.defaultGroup.id,
      connectorGroupType: 'APPLICATION_PROXY',
      isDefault: true,
      name: 'Default',
      region: 'NAM',
    });
  });

  it("lists the tenant's groups: the seeded Default, each with its id", async () => {
    const result = await client().connectorGroups();
    expect(sent[0]?.body).toEqual({
      operationName: 'ConnectorGroups',
      query: OPERATIONS.ConnectorGroups.text,
      variables: {},
    });
    expect(result).toEqual({
      kind: 'success',
      data: {
        connectorGroups: [
          {
            id: SEED.defaultGroup.id,
            connectorGroupType: 'APPLICATION_PROXY',
            isDefault: true,
            name: 'Default',
            region: 'NAM',
          },
        ],
      },
      requestId: expect.stringMatching(GUID),
      clientRequestId: expect.stringMatching(GUID),
    });
  });

  it('lists the groups with exactly a name: the one an add by name created', async () => {
    const gatewayClient = client();
    const added = await gatewayClient.addConnectorMemberOf(addInput({ name: 'Picked by name' }));
    expect(added.kind).toBe('success');
    const result = await gatewayClient.connectorGroups({ name: 'Picked by name' });
    expect(result.kind === 'success' && result.data.connectorGroups).toEqual([
      added.kind === 'success' && added.data.connectorGroup,
    ]);
    const none = await gatewayClient.connectorGroups({ name: 'No such group' });
    expect(none.kind === 'success' && none.data.connectorGroups).toEqual([]);
  });

  it('reports a blank name to connectorGroups as INVALID_INPUT on ["name"], no upstream call', async () => {
    const result = await client().connectorGroups({ name: ' ' });
    expect(result).toEqual({
      kind: 'userErrors',
      userErrors: [
        {
          code: 'INVALID_INPUT',
          message: 'name must not be empty or only spaces',
          field: ['name'],
        },
      ],
      requestId: null,
      clientRequestId: expect.stringMatching(GUID),
    });
  });

  it('reports ALREADY_MEMBER as userErrors', async () => {
    const gatewayClient = client();
    const first = await gatewayClient.addConnectorMemberOf(addInput({ name: 'Twice' }));
    expect(first.kind).toBe('success');
    const second = await gatewayClient.addConnectorMemberOf(addInput({ name: 'Twice' }));
    expect(second).toEqual({
      kind: 'userErrors',
      userErrors: [
        { code: 'ALREADY_MEMBER', message: expect.any(String), field: ['input', 'connectorGroup'] },
      ],
      requestId: expect.stringMatching(GUID),
      clientRequestId: expect.stringMatching(GUID),
    });
  });

  it('reports NOT_FOUND for a connector the application does not have', async () => {
    const result = await client().addConnectorMemberOf(addInput({}, UNKNOWN_CONNECTOR));
    expect(result).toMatchObject({
      kind: 'userErrors',
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'connectorId'] }],
      requestId: expect.stringMatching(GUID),
    });
    expect(result.kind === 'userErrors' && result.userErrors[0]?.message).toContain(
      UNKNOWN_CONNECTOR,
    );
  });

  it('reports INVALID_INPUT the gateway caught itself: the field, and no upstream request-id', async () => {
    const result = await client().addConnectorMemberOf(addInput({}, 'not-a-guid'));
    expect(result).toMatchObject({
      kind: 'userErrors',
      userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'connectorId'] }],
      requestId: null,
    });
  });

  it.each([
    ['undefined', () => undefined],
    ['an empty string', async () => ''],
  ])('sends no Authorization when getToken gives %s: UNAUTHENTICATED', async (_what, getToken) => {
    const result = await client({ getToken }).addConnectorMemberOf(addInput());
    expect(sent[0]?.headers.has('authorization')).toBe(false);
    expect(result).toEqual({
      kind: 'error',
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('Authorization: Bearer'),
      clientRequestId: expect.stringMatching(GUID),
    });
  });

  it('reports FORBIDDEN when the upstream refuses the token', async () => {
    gateway.fakeGraph.controls.forbiddenTokens.add(TOKEN);
    const result = await client().addConnectorMemberOf(addInput());
    expect(result).toMatchObject({
      kind: 'error',
      code: 'FORBIDDEN',
      requestId: expect.any(String),
    });
  });

  it('reports RATE_LIMITED with retryAfterSeconds when the wait is past the retry budget', async () => {
    gateway.fakeGraph.controls.throttleSeconds = 120;
    const result = await client().addConnectorMemberOf(addInput());
    expect(result).toMatchObject({
      kind: 'error',
      code: 'RATE_LIMITED',
      retryAfterSeconds: 120,
      requestId: expect.stringMatching(GUID),
    });
  });

  it('reports REQUEST_REFUSED when the gateway does not validate the document', async () => {
    // A client built against another schema: the same call with a field this one lacks.
    const result = await client({}, (init) => ({
      ...init,
      body: JSON.stringify({ query: '{ connectorCount }' }),
    })).connectorMemberOf({ applicationId: SEED.applicationId, connectorId: SEED.connectorId });
    expect(result).toMatchObject({
      kind: 'error',
      code: 'REQUEST_REFUSED',
      message: expect.stringContaining('connectorCount'),
    });
  });
});

describe('transport failures: no GraphQL answer', () => {
  it('names a closed port as network, with the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const result = await client({ url: `http://127.0.0.1:${port}/graphql` }).addConnectorMemberOf(
      addInput(),
    );
    expect(result).toMatchObject({
      kind: 'transport',
      reason: 'network',
      message: expect.stringContaining('ECONNREFUSED'),
      clientRequestId: expect.stringMatching(GUID),
    });
    expect(result).not.toHaveProperty('status');
  });

  it('names a body over 100 KiB as payloadTooLarge (413)', async () => {
    const result = await client().addConnectorMemberOf(addInput({ name: 'x'.repeat(110_000) }));
    expect(result).toMatchObject({ kind: 'transport', reason: 'payloadTooLarge', status: 413 });
  });

  it('names a request CSRF prevention refuses as csrfRefused (403)', async () => {
    // What a proxy that drops Content-Type would make of the request.
    const result = await client({}, (init) => ({
      ...init,
      headers: { ...(init.headers as Record<string, string>), 'Content-Type': 'text/plain' },
    })).addConnectorMemberOf(addInput());
    expect(result).toMatchObject({
      kind: 'transport',
      reason: 'csrfRefused',
      status: 403,
      message: expect.stringContaining('graphql-require-preflight'),
    });
  });

  it('names an Accept without JSON as notAcceptable (406)', async () => {
    const result = await client({}, (init) => ({
      ...init,
      headers: { ...(init.headers as Record<string, string>), Accept: 'text/html' },
    })).addConnectorMemberOf(addInput());
    expect(result).toMatchObject({ kind: 'transport', reason: 'notAcceptable', status: 406 });
  });

  it('names a 200 that is not GraphQL as notGraphQL, and another status as httpStatus', async () => {
    const portal = createServer((request, response) => {
      const status = request.url === '/captive' ? 200 : 502;
      response.writeHead(status, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    try {
      const captive = await client({ url: `${base}/captive` }).addConnectorMemberOf(addInput());
      expect(captive).toMatchObject({ kind: 'transport', reason: 'notGraphQL', status: 200 });
      const badGateway = await client({ url: `${base}/graphql` }).addConnectorMemberOf(addInput());
      expect(badGateway).toMatchObject({ kind: 'transport', reason: 'httpStatus', status: 502 });
    } finally {
      await new Promise<void>((resolve) => portal.close(() => resolve()));
    }
  });

  it('names an aborted call as aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('the user left the page'));
    const result = await client().addConnectorMemberOf(addInput(), { signal: controller.signal });
    expect(result).toMatchObject({ kind: 'transport', reason: 'aborted' });
  });
});

describe('the operations', () => {
  it('are sent as their manifest text, which hashes to their manifest key', async () => {
    for (const operation of Object.values(OPERATIONS)) {
      const digest = await globalThis.crypto.subtle.digest(
        'SHA-256',
        new TextEncoder().encode(operation.text),
      );
      const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'));
      expect(operation.hash).toBe(`sha256:${hex.join('')}`);
    }
  });
});

describe('createGatewayClient against the real gateway under UPSTREAM_API=graph', () => {
  let graphGateway: InProcessGateway;
  const east = { id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', name: 'East connectors' };

  beforeAll(async () => {
    graphGateway = await startInProcessGateway({ api: 'graph' });
  });
  afterAll(async () => {
    await graphGateway?.close();
  });
  beforeEach(() => {
    graphGateway.reset();
    // A group an admin made (Graph's add never creates one).
    graphGateway.fakeGraph.store.createGroup(null, {
      ...east,
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      region: 'asia',
    } as Parameters<InProcessGateway['fakeGraph']['store']['createGroup']>[1]);
  });

  const graphClient = () => createGatewayClient({ url: graphGateway.url, getToken: () => TOKEN });

  it('adds by name to an existing group, which connectorGroups and connectorMemberOf then show', async () => {
    const gatewayClient = graphClient();
    const added = await gatewayClient.addConnectorMemberOf(addInput({ name: east.name }));
    expect(added).toMatchObject({
      kind: 'success',
      data: { connectorGroup: { id: east.id, name: east.name, region: 'ASIA' } },
    });
    const listed = await gatewayClient.connectorGroups({ name: east.name });
    expect(listed.kind === 'success' && listed.data.connectorGroups.map((g) => g.id)).toEqual([
      east.id,
    ]);
    const memberOf = await gatewayClient.connectorMemberOf({
      applicationId: SEED.applicationId,
      connectorId: SEED.connectorId,
    });
    expect(memberOf.kind === 'success' && memberOf.data.connectorGroups.map((g) => g.id)).toEqual([
      east.id,
    ]);
  });

  it('reports a name no group has as NOT_FOUND on input.connectorGroup.name', async () => {
    const result = await graphClient().addConnectorMemberOf(
      addInput({ name: 'West Europe connectors' }),
    );
    expect(result).toMatchObject({
      kind: 'userErrors',
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'connectorGroup', 'name'] }],
      requestId: expect.any(String),
    });
  });
});
