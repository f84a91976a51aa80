import { request as httpRequest } from 'node:http';
import {
  ConnectorGroupCollection,
  DirectoryObjectId,
  DUPLICATE_REFERENCE_MESSAGE,
  GraphErrorEnvelope,
  memberOfGroupRefPath,
  memberOfPath,
  memberOfRefPath,
  parseValid,
} from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, MAX_BODY_BYTES } from './app.ts';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';
import type { Store } from './store.ts';

const AUTH = { authorization: 'Bearer test-token' };
// The path builders take parsed ids, as the graph-client passes them.
const id = (value: string) => parseValid(DirectoryObjectId, value);
const OTHER_APP = id('11111111-2222-3333-4444-555555555555');
const UNKNOWN_ID = id('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
const CLIENT_REQUEST_ID = '7d0c1c56-5e4b-4f4a-9d3e-000000000001';
const newGroup = {
  '@odata.type': '#microsoft.graph.connectorGroup',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
} as const;

let graph: RunningFakeGraph;
beforeAll(async () => {
  graph = await startFakeGraph();
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.store.reset();
  graph.store.seed();
  graph.controls.reset();
});

const refPath = memberOfRefPath(SEED.applicationId, SEED.connectorId);
const listPath = memberOfPath(SEED.applicationId, SEED.connectorId);

async function call(
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string>; version?: string } = {},
) {
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === 'string'
        ? init.body
        : JSON.stringify(init.body);
  const response = await fetch(`${graph.url}/${init.version ?? 'v1.0'}${path}`, {
    method,
    headers: {
      ...AUTH,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...init.headers,
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** Checks Graph's envelope and its correlation ids, and returns the error. */
function expectGraphError(
  response: Awaited<ReturnType<typeof call>>,
  status: number,
  code: string,
  clientRequestId?: string,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/json');
  const envelope = GraphErrorEnvelope.parse(response.json());
  const requestId = response.headers.get('request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(envelope.error.code).toBe(code);
  expect(envelope.error.innerError).toEqual({
    date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    'request-id': requestId,
    'client-request-id': clientRequestId ?? requestId,
  });
  return envelope.error;
}

async function groupsOfSeededConnector() {
  const response = await call('GET', listPath);
  expect(response.status).toBe(200);
  return ConnectorGroupCollection.parse(response.json()).value;
}

describe('GET /healthz', () => {
  it('answers 200 without a token', async () => {
    const response = await fetch(`${graph.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('POST .../memberOf/$ref', () => {
  it('creates a group named for the first time and answers 201 with it', async () => {
    const response = await call('POST', refPath, { body: newGroup });
    expect(response.status).toBe(201);
    const created = response.json();
    expect(created).toEqual({ ...newGroup, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { '@odata.type': _type, ...stored } = created;
    // Moved: a connector is in exactly one group (Graph's documented semantics).
    expect(await groupsOfSeededConnector()).toEqual([stored]);
  });

  it('adds to an existing group by id with 204 and an empty body', async () => {
    const group = graph.store.createGroup(SEED.applicationId, { ...newGroup, region: 'aus' });
    const response = await call('POST', refPath, {
      body: { ...newGroup, id: group.id, name: 'ignored: the id decides' },
    });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(await groupsOfSeededConnector()).toEqual([group]);
  });

  it('adds to the existing group of that name, compared case-insensitively, with 204', async () => {
    const group = graph.store.createGroup(SEED.applicationId, newGroup);
    const response = await call('POST', refPath, {
      body: { ...newGroup, name: 'WEST europe CONNECTORS' },
    });
    expect(response.status).toBe(204);
    expect(await groupsOfSeededConnector()).toEqual([group]);
  });

  it('takes the OData reference body, under /beta too, with $ref percent-encoded', async () => {
    const group = graph.store.createGroup(SEED.applicationId, newGroup);
    const response = await call('POST', refPath.replace('$ref', '%24ref'), {
      version: 'beta',
      body: {
        // This service's URL: a reference to another host is a 400 (connector-group-reference.ts).
        '@odata.id': `${graph.url}/v1.0/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${group.id}`,
      },
    });
    expect(response.status).toBe(204);
    expect(await groupsOfSeededConnector()).toContainEqual(group);
  });

  it('echoes client-request-id on success as well', async () => {
    const response = await call('POST', refPath, {
      body: newGroup,
      headers: { 'client-request-id': CLIENT_REQUEST_ID },
    });
    expect(response.headers.get('client-request-id')).toBe(CLIENT_REQUEST_ID);
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an existing membership with 400 and Graph duplicate message', async () => {
    const response = await call('POST', refPath, {
      body: { ...newGroup, id: SEED.defaultGroup.id, name: 'Default', isDefault: true },
      headers: { 'client-request-id': CLIENT_REQUEST_ID },
    });
    const error = expectGraphError(response, 400, 'Request_BadRequest', CLIENT_REQUEST_ID);
    expect(error.message).toBe(DUPLICATE_REFERENCE_MESSAGE);
  });

  it('refuses to create a default group (isDefault true, no such name) with 400', async () => {
    const response = await call('POST', refPath, { body: { ...newGroup, isDefault: true } });
    const error = expectGraphError(response, 400, 'Request_BadRequest');
    expect(error.message).toBe(
      "Invalid value for property 'isDefault': the default connector group is created by the service and cannot be created through memberOf.",
    );
    expect(await groupsOfSeededConnector()).toEqual([SEED.defaultGroup]);
  });

  it.each([
    ['malformed JSON', '{"name":', /not valid JSON/],
    ['an empty body', '', /body is empty/],
    ['an invalid property', { ...newGroup, region: 'mars' }, /property 'region'/],
    ['a missing property', { ...newGroup, name: undefined }, /property 'name'/],
  ])('answers %s with 400 naming the cause', async (_label, body, message) => {
    const error = expectGraphError(
      await call('POST', refPath, { body }),
      400,
      'Request_BadRequest',
    );
    expect(error.message).toMatch(message);
  });

  it('answers a body over the limit with 413', async () => {
    const body = JSON.stringify({ ...newGroup, padding: 'x'.repeat(MAX_BODY_BYTES) });
    expectGraphError(await call('POST', refPath, { body }), 413, 'requestTooLarge');
  });

  it('answers an unknown group id with 404 naming it, and creates nothing', async () => {
    const response = await call('POST', refPath, { body: { ...newGroup, id: UNKNOWN_ID } });
    const error = expectGraphError(response, 404, 'Request_ResourceNotFound');
    expect(error.message).toBe(`Resource '${UNKNOWN_ID}' of type connectorGroup does not exist.`);
    expect(graph.store.findGroupByName(SEED.applicationId, newGroup.name)).toBeUndefined();
  });

  it("answers another application's group id with 404", async () => {
    const otherDefault = graph.store.createApplication(OTHER_APP);
    const response = await call('POST', refPath, { body: { ...newGroup, id: otherDefault.id } });
    expectGraphError(response, 404, 'Request_ResourceNotFound');
  });

  it('answers an unknown application with 404 naming it', async () => {
    const response = await call('POST', memberOfRefPath(UNKNOWN_ID, SEED.connectorId), {
      body: newGroup,
    });
    const error = expectGraphError(response, 404, 'Request_ResourceNotFound');
    expect(error.message).toBe(`Resource '${UNKNOWN_ID}' of type application does not exist.`);
  });

  it("answers a connector that is not the application's with 404 naming it", async () => {
    graph.store.createApplication(OTHER_APP);
    const response = await call('POST', memberOfRefPath(OTHER_APP, SEED.connectorId), {
      body: newGroup,
    });
    const error = expectGraphError(response, 404, 'Request_ResourceNotFound');
    expect(error.message).toBe(`Resource '${SEED.connectorId}' of type connector does not exist.`);
  });

  it('answers an id that is not a GUID with 400 naming it', async () => {
    const response = await call(
      'POST',
      `/applications/not-a-guid/connectorGroup/members/${SEED.connectorId}/memberOf/$ref`,
      { body: newGroup },
    );
    const error = expectGraphError(response, 400, 'Request_BadRequest');
    expect(error.message).toBe("Invalid object identifier 'not-a-guid' for applicationId.");
  });
});

describe('GET .../memberOf', () => {
  it("lists the connector's groups as an OData collection", async () => {
    const group = graph.store.createGroup(SEED.applicationId, newGroup);
    graph.store.addMembership(SEED.connectorId, group.id);
    const response = await call('GET', listPath);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      '@odata.context': `${graph.baseUrl}/$metadata#connectorGroups`,
      value: [{ '@odata.type': '#microsoft.graph.connectorGroup', ...group }],
    });
  });

  it('answers an unknown connector with 404', async () => {
    expectGraphError(
      await call('GET', memberOfPath(SEED.applicationId, UNKNOWN_ID)),
      404,
      'Request_ResourceNotFound',
    );
  });
});

describe('DELETE .../memberOf/{groupId}/$ref', () => {
  it('removes a membership with 204; a second time is 404', async () => {
    const group = graph.store.createGroup(SEED.applicationId, newGroup);
    graph.store.addMembership(SEED.connectorId, group.id);
    const path = memberOfGroupRefPath(SEED.applicationId, SEED.connectorId, id(group.id));
    const first = await call('DELETE', path);
    expect(first.status).toBe(204);
    expect(await groupsOfSeededConnector()).toEqual([SEED.defaultGroup]);
    expectGraphError(await call('DELETE', path), 404, 'Request_ResourceNotFound');
  });

  it('refuses to take the connector out of the default group with 400', async () => {
    const path = memberOfGroupRefPath(SEED.applicationId, SEED.connectorId, SEED.defaultGroup.id);
    expectGraphError(await call('DELETE', path), 400, 'Request_BadRequest');
    expect(await groupsOfSeededConnector()).toEqual([SEED.defaultGroup]);
  });

  it('answers an unknown group with 404', async () => {
    const path = memberOfGroupRefPath(SEED.applicationId, SEED.connectorId, UNKNOWN_ID);
    const error = expectGraphError(await call('DELETE', path), 404, 'Request_ResourceNotFound');
    expect(error.message).toContain(UNKNOWN_ID);
  });
});

describe('authentication, throttling and routing', () => {
  it.each([
    ['no Authorization header', undefined, /empty/],
    ['an empty bearer', 'Bearer ', /malformed|empty/],
    ['another scheme', 'Basic dXNlcjpwYXNz', /malformed/],
    ['a bearer with spaces', 'Bearer two words', /malformed/],
  ])('answers %s with 401 InvalidAuthenticationToken', async (_label, authorization, message) => {
    const response = await fetch(`${graph.baseUrl}${refPath}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'client-request-id': CLIENT_REQUEST_ID,
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify(newGroup),
    });
    const text = await response.text();
    const error = expectGraphError(
      { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) },
      401,
      'InvalidAuthenticationToken',
      CLIENT_REQUEST_ID,
    );
    expect(error.message).toMatch(message);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(graph.store.findGroupByName(SEED.applicationId, newGroup.name)).toBeUndefined();
  });

  it('accepts only the configured token when one is set', async () => {
    graph.controls.acceptedToken = 'the-one';
    expectGraphError(await call('GET', listPath), 401, 'InvalidAuthenticationToken');
    const accepted = await call('GET', listPath, { headers: { authorization: 'Bearer the-one' } });
    expect(accepted.status).toBe(200);
  });

  it('answers a rejected token with 401 and a forbidden one with 403', async () => {
    graph.controls.rejectedTokens.add('expired');
    graph.controls.forbiddenTokens.add('reader');
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    expectGraphError(
      await call('GET', listPath, bearer('expired')),
      401,
      'InvalidAuthenticationToken',
    );
    const error = expectGraphError(
      await call('POST', refPath, { body: newGroup, ...bearer('reader') }),
      403,
      'Authorization_RequestDenied',
    );
    expect(error.message).toMatch(/privileges/);
    expect((await call('GET', listPath)).status).toBe(200);
  });

  it('answers every API request with 429 and Retry-After while throttled', async () => {
    graph.controls.throttleSeconds = 7;
    for (const response of [
      await call('GET', listPath),
      await call('POST', refPath, { body: newGroup }),
    ]) {
      expectGraphError(response, 429, 'TooManyRequests');
      expect(response.headers.get('retry-after')).toBe('7');
    }
    expect((await fetch(`${graph.url}/healthz`)).status).toBe(200);
  });

  it('answers an unknown path with 404 and a wrong method with 405', async () => {
    expectGraphError(await call('GET', '/me'), 404, 'Request_ResourceNotFound');
    expectGraphError(
      await call('GET', '/applications', { version: 'v2.0' }),
      404,
      'Request_ResourceNotFound',
    );
    const wrongMethod = await call('PUT', refPath, { body: newGroup });
    expectGraphError(wrongMethod, 405, 'Request_BadRequest');
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('does not echo a client-request-id longer than Graph would', async () => {
    const response = await call('GET', '/me', {
      headers: { 'client-request-id': 'x'.repeat(200) },
    });
    expect(response.headers.get('client-request-id')).toBeNull();
    expectGraphError(response, 404, 'Request_ResourceNotFound');
  });
});

describe('an unexpected failure', () => {
  it('answers 500 generalException without leaking the cause', async () => {
    const failing = {
      hasApplication() {
        throw new Error('disk on fire at /secret/path');
      },
    } as unknown as Store;
    const server = createApp({ store: failing });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, method: 'GET', path: `/v1.0${listPath}`, headers: AUTH },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(response.status).toBe(500);
      expect(GraphErrorEnvelope.parse(JSON.parse(response.text)).error.code).toBe(
        'generalException',
      );
      expect(response.text).not.toContain('secret');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
