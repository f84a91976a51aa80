/**
 * The connector-group screen's operations over real sockets (a scripted upstream on 127.0.0.1):
 * one call per page of connectors with their groups, the next page asked of the configured
 * upstream by its `$skiptoken` alone (never a URL an answer supplies), a group read, a create,
 * and what each makes of an answer it cannot read.
 */
import {
  DirectoryObjectId,
  graphErrorEnvelope,
  parseValid,
  SEED,
  SkipToken,
} from '@connectors/domain';
import { describe, expect, it } from 'vitest';
import { clientFixture } from '../test/client-fixture.ts';

const AUTHORIZATION = 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-part.signature';
const PROXY = '/beta/onPremisesPublishingProfiles/applicationProxy';
const GROUP = { ...SEED.defaultGroup, '@odata.type': '#microsoft.graph.connectorGroup' };
const CONNECTOR = {
  id: SEED.connectorId,
  machineName: 'nyc-ap01.corp.contoso.com',
  externalIp: '203.0.113.10',
  status: 'active',
  version: '1.5.3437.0',
  memberOf: [GROUP],
};
const OTHER_GROUP = parseValid(DirectoryObjectId, '5eed9000-0000-4000-8000-000000000001');

const { upstream, client } = clientFixture({ basePath: '/beta', api: 'graph' });

describe('listConnectors', () => {
  it('asks for a page with its groups expanded in one call, and hands back only the skiptoken', async () => {
    const server = await upstream([
      {
        body: {
          // A next link naming another host: only its $skiptoken may be used.
          '@odata.nextLink': 'https://evil.example/steal?$skiptoken=page%2B2&$top=999',
          value: [CONNECTOR],
        },
      },
    ]);
    const { graph, events } = client(server);
    const result = await graph.listConnectors({
      authorization: AUTHORIZATION,
      top: 25,
      status: 'active',
    });
    expect(result).toEqual({
      ok: true,
      connectors: [{ ...CONNECTOR, memberOf: [SEED.defaultGroup] }],
      nextSkipToken: 'page+2',
      status: 200,
    });
    expect(server.requests.map((request) => request.url)).toEqual([
      `${PROXY}/connectors?$filter=status%20eq%20'active'&$expand=memberOf&$top=25`,
    ]);
    expect(events.map((event) => event.operation)).toEqual(['listConnectors']);
  });

  it('sends the next page to the configured upstream, the token one encoded value', async () => {
    const server = await upstream([{ body: { value: [] } }]);
    const { graph } = client(server);
    const skipToken = parseValid(SkipToken, 'a&$top=1000#x');
    const result = await graph.listConnectors({
      authorization: AUTHORIZATION,
      top: 5,
      skipToken,
      connectorGroupId: OTHER_GROUP,
    });
    expect(result).toMatchObject({ ok: true, connectors: [] });
    expect(result.ok && result.nextSkipToken).toBeUndefined();
    expect(server.requests[0]?.url).toBe(
      `${PROXY}/connectorGroups/${OTHER_GROUP}/members?$expand=memberOf&$top=5&$skiptoken=a%26%24top%3D1000%23x`,
    );
  });

  it('ends the list at a next link whose token it refuses, rather than following it', async () => {
    const server = await upstream([
      { body: { '@odata.nextLink': 'https://graph.example/x?$skiptoken=has%20space', value: [] } },
    ]);
    const result = await client(server).graph.listConnectors({
      authorization: AUTHORIZATION,
      top: 5,
    });
    expect(result).toEqual({ ok: true, connectors: [], status: 200 });
  });

  it('reads an unknown status as unknownFutureValue, and fails a page it cannot read', async () => {
    const server = await upstream([
      { body: { value: [{ ...CONNECTOR, status: 'hibernating' }] } },
      { body: { value: [{ ...CONNECTOR, id: 'not-a-guid' }] } },
    ]);
    const { graph } = client(server);
    const first = await graph.listConnectors({ authorization: AUTHORIZATION, top: 5 });
    expect(first.ok && first.connectors[0]?.status).toBe('unknownFutureValue');
    expect(await graph.listConnectors({ authorization: AUTHORIZATION, top: 5 })).toMatchObject({
      ok: false,
      kind: 'unknown',
      message:
        'the upstream answered 200 with a body that is not a page of connectors, each with its id',
    });
  });

  it('retries a throttled page as a read', async () => {
    const server = await upstream([
      {
        status: 429,
        headers: { 'retry-after': '0' },
        body: graphErrorEnvelope('TooManyRequests', 'slow down', { requestId: 'r1' }),
      },
      { body: { value: [CONNECTOR] } },
    ]);
    const { graph, events } = client(server);
    expect((await graph.listConnectors({ authorization: AUTHORIZATION, top: 1 })).ok).toBe(true);
    expect(events.map((event) => event.outcome)).toEqual(['retry', 'ok']);
  });
});

describe('getConnectorGroup and createConnectorGroup', () => {
  it('reads one group; a 404 is notFound', async () => {
    const server = await upstream([
      { body: GROUP },
      {
        status: 404,
        body: graphErrorEnvelope('Request_ResourceNotFound', 'gone', { requestId: 'r2' }),
      },
    ]);
    const { graph } = client(server);
    const request = { authorization: AUTHORIZATION, connectorGroupId: SEED.defaultGroup.id };
    expect(await graph.getConnectorGroup(request)).toEqual({
      ok: true,
      connectorGroup: SEED.defaultGroup,
      status: 200,
    });
    expect(await graph.getConnectorGroup(request)).toMatchObject({ ok: false, kind: 'notFound' });
    expect(server.requests[0]?.url).toBe(`${PROXY}/connectorGroups/${SEED.defaultGroup.id}`);
  });

  it('creates with {name, region} and returns the group as created', async () => {
    const created = { ...GROUP, id: OTHER_GROUP, isDefault: false, name: 'Paris', region: 'eur' };
    const server = await upstream([{ status: 201, body: created }]);
    const { graph } = client(server);
    const result = await graph.createConnectorGroup({
      authorization: AUTHORIZATION,
      name: 'Paris' as never,
      region: 'eur',
    });
    expect(result).toMatchObject({
      ok: true,
      connectorGroup: { id: OTHER_GROUP, name: 'Paris' },
      status: 201,
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: `${PROXY}/connectorGroups`,
      body: '{"name":"Paris","region":"eur"}',
    });
  });

  it('does not retry a create that timed out: it may have landed', async () => {
    const server = await upstream([{ hang: true }]);
    const { graph, events } = client(server, { timeoutMs: 50 });
    const result = await graph.createConnectorGroup({
      authorization: AUTHORIZATION,
      name: 'Paris' as never,
      region: 'eur',
    });
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(events).toHaveLength(1);
  });
});

describe('listConnectorGroups reads every page', () => {
  const group = (n: number) => ({
    ...GROUP,
    id: `5eed9000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    isDefault: false,
    name: `Group ${n}`,
  });

  it('follows each $skiptoken to the configured upstream until no next link', async () => {
    const server = await upstream([
      {
        body: {
          '@odata.nextLink': 'https://evil.example/x?$skiptoken=two',
          value: [group(1), group(2)],
        },
      },
      { body: { value: [group(3)] } },
    ]);
    const { graph } = client(server);
    const result = await graph.listConnectorGroups({ authorization: AUTHORIZATION });
    expect(result.ok && result.connectorGroups.map((listed) => listed.name)).toEqual([
      'Group 1',
      'Group 2',
      'Group 3',
    ]);
    expect(server.requests.map((request) => request.url)).toEqual([
      `${PROXY}/connectorGroups`,
      `${PROXY}/connectorGroups?$skiptoken=two`,
    ]);
  });

  it('fails rather than answer a partial list past its page bound', async () => {
    const server = await upstream(() => ({
      body: { '@odata.nextLink': 'https://g.example/x?$skiptoken=more', value: [group(1)] },
    }));
    const result = await client(server).graph.listConnectorGroups({ authorization: AUTHORIZATION });
    expect(result).toMatchObject({
      ok: false,
      kind: 'unknown',
      message: expect.stringMatching(/past 50 pages/),
    });
    expect(server.requests).toHaveLength(50);
  });

  it('serves one page with its token on request', async () => {
    const server = await upstream([
      { body: { '@odata.nextLink': 'https://g.example/x?$skiptoken=next', value: [group(1)] } },
    ]);
    const result = await client(server).graph.listConnectorGroupsPage({
      authorization: AUTHORIZATION,
      top: 1,
    });
    expect(result).toMatchObject({ ok: true, nextSkipToken: 'next' });
    expect(server.requests[0]?.url).toBe(`${PROXY}/connectorGroups?$top=1`);
  });
});
