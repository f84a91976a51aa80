/**
 * Contract: fake-graph's provider states for Graph's documented routes (docs/rest-upstream.md, the graph profile) work
 * through the real Pact mock server and verifier, before the gateway's REST pact carries those
 * interactions (graph-client records them; pact-provider.test.ts then verifies the committed pact).
 *
 * What it protects: the four agreed states (`connector {connectorId} exists`, `connector group
 * {groupId} named {name} exists`, `connector {connectorId} does not exist`, `connector
 * {connectorId} is a member of group {groupId}`) build what their names say, applied in order by
 * pact-js's verifier; and an `@odata.id` recorded with a consumer's base (a fixed example or its
 * mock server's address) is replayed as a reference to fake-graph (pact-request-filter.ts), which
 * refuses references to any other service. The pact is written to a temp dir, never committed.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DUPLICATE_REFERENCE_MESSAGE_PREFIX } from '@connectors/domain';
import {
  MatchersV3,
  PactV4,
  SpecificationVersion,
  Verifier,
  type VerifierOptions,
} from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebaseReferencesTo } from './pact-request-filter.ts';
import { PROVIDER_STATES, providerStateSetups, resetProviderState } from './provider-states.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

const { eachLike, like, regex } = MatchersV3;
const VERIFY_TIMEOUT_MS = 60_000;

const PROFILE = '/onPremisesPublishingProfiles/applicationProxy';
const CONNECTOR_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const GROUP_ID = '5d3c2b1a-0f9e-4d8c-b7a6-958473625140';
const TWIN_ID = '6e4d3c2b-1a0f-4e9d-8c7b-a69584736251';
const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const AUTH = { authorization: 'Bearer contract-test-token' };
const JSON_TYPE = { 'content-type': 'application/json' };

const connectorExists = {
  name: PROVIDER_STATES.connectorExists,
  params: { connectorId: CONNECTOR_ID },
};
const groupExists = (groupId: string, name: string) => ({
  name: PROVIDER_STATES.groupExists,
  params: { groupId, name, region: 'eur' },
});
// The origin is the caller's upstream base; only the path after it is the contract.
const reference = (example: string) => ({
  '@odata.id': regex(`^https?://[^/]+/beta${PROFILE}/connectorGroups/${GUID}$`, example),
});
const groupShape = {
  id: regex(GUID, GROUP_ID),
  connectorGroupType: like('applicationProxy'),
  isDefault: like(false),
  name: like('West Europe connectors'),
  region: like('eur'),
};

let dir: string;
let graph: RunningFakeGraph;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-graph-states-pact-'));
  graph = await startFakeGraph();
});
afterAll(async () => {
  await graph.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Graph's documented routes, through Pact", () => {
  it('records the interactions against the mock server', async () => {
    const pact = new PactV4({
      consumer: 'fake-graph-states-check',
      provider: 'graph-api',
      dir,
      spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
      logLevel: 'warn',
    });
    const post = (url: string, odataId: string) =>
      fetch(url, {
        method: 'POST',
        headers: { ...AUTH, ...JSON_TYPE },
        body: JSON.stringify({ '@odata.id': odataId }),
      });

    await pact
      .addInteraction()
      .given(connectorExists.name, connectorExists.params)
      .given(
        groupExists(GROUP_ID, 'West Europe connectors').name,
        groupExists(GROUP_ID, 'West Europe connectors').params,
      )
      .uponReceiving('an add by reference recorded with a fixed example base')
      .withRequest('POST', `/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf/$ref`, (builder) =>
        builder
          .headers({
            Authorization: regex('^Bearer \\S+$', AUTH.authorization),
            ...{ 'Content-Type': 'application/json' },
          })
          .jsonBody(
            reference(`https://graph.microsoft.com/beta${PROFILE}/connectorGroups/${GROUP_ID}`),
          ),
      )
      .willRespondWith(204)
      .executeTest(async (server) => {
        const response = await post(
          `${server.url}/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf/$ref`,
          `${server.url}/beta${PROFILE}/connectorGroups/${GROUP_ID}`,
        );
        expect(response.status).toBe(204);
      });

    await pact
      .addInteraction()
      .given(connectorExists.name, connectorExists.params)
      .given(
        groupExists(GROUP_ID, 'West Europe connectors').name,
        groupExists(GROUP_ID, 'West Europe connectors').params,
      )
      .given(PROVIDER_STATES.isMember, { connectorId: CONNECTOR_ID, groupId: GROUP_ID })
      .uponReceiving('an add by reference to the group the connector is in')
      .withRequest('POST', `/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf/$ref`, (builder) =>
        builder
          .headers({
            Authorization: regex('^Bearer \\S+$', AUTH.authorization),
            'Content-Type': 'application/json',
          })
          .jsonBody(reference(`http://127.0.0.1:4010/beta${PROFILE}/connectorGroups/${GROUP_ID}`)),
      )
      .willRespondWith(400, (builder) =>
        builder.jsonBody({
          error: {
            code: 'Request_BadRequest',
            message: regex(
              `^${DUPLICATE_REFERENCE_MESSAGE_PREFIX}.*$`,
              `${DUPLICATE_REFERENCE_MESSAGE_PREFIX} for the following modified properties: 'memberOf'.`,
            ),
          },
        }),
      )
      .executeTest(async (server) => {
        const response = await post(
          `${server.url}/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf/$ref`,
          `${server.url}/beta${PROFILE}/connectorGroups/${GROUP_ID}`,
        );
        expect(response.status).toBe(400);
      });

    await pact
      .addInteraction()
      .given(PROVIDER_STATES.noConnector, { connectorId: CONNECTOR_ID })
      .given(
        groupExists(GROUP_ID, 'West Europe connectors').name,
        groupExists(GROUP_ID, 'West Europe connectors').params,
      )
      .uponReceiving('an add by reference for a connector that does not exist')
      .withRequest('POST', `/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf/$ref`, (builder) =>
        builder
          .headers({
            Authorization: regex('^Bearer \\S+$', AUTH.authorization),
            'Content-Type': 'application/json',
          })
          .jsonBody(
            reference(`https://graph.microsoft.com/beta${PROFILE}/connectorGroups/${GROUP_ID}`),
          ),
      )
      .willRespondWith(404, (builder) =>
        builder.jsonBody({ error: { code: 'Request_ResourceNotFound', message: like('x') } }),
      )
      .executeTest(async (server) => {
        const response = await post(
          `${server.url}/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf/$ref`,
          `${server.url}/beta${PROFILE}/connectorGroups/${GROUP_ID}`,
        );
        expect(response.status).toBe(404);
      });

    await pact
      .addInteraction()
      .given(connectorExists.name, connectorExists.params)
      .uponReceiving("a request for a connector's one group, the tenant's Default")
      .withRequest('GET', `/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf`, (builder) =>
        builder.headers({ Authorization: regex('^Bearer \\S+$', AUTH.authorization) }),
      )
      .willRespondWith(200, (builder) =>
        builder.jsonBody({ value: [{ ...groupShape, isDefault: true, name: 'Default' }] }),
      )
      .executeTest(async (server) => {
        const response = await fetch(
          `${server.url}/beta${PROFILE}/connectors/${CONNECTOR_ID}/memberOf`,
          {
            headers: AUTH,
          },
        );
        expect(response.status).toBe(200);
      });

    const twinName = "O'Brien's connectors";
    const filter = `name eq '${twinName.replaceAll("'", "''")}'`;
    await pact
      .addInteraction()
      .given(groupExists(GROUP_ID, twinName).name, groupExists(GROUP_ID, twinName).params)
      .given(groupExists(TWIN_ID, twinName).name, groupExists(TWIN_ID, twinName).params)
      .uponReceiving('a lookup of the groups of one name, a quote in it, two of them')
      .withRequest('GET', `/beta${PROFILE}/connectorGroups`, (builder) =>
        builder
          .headers({ Authorization: regex('^Bearer \\S+$', AUTH.authorization) })
          .query({ $filter: filter }),
      )
      .willRespondWith(200, (builder) =>
        builder.jsonBody({ value: eachLike({ ...groupShape, name: twinName }, 2) }),
      )
      .executeTest(async (server) => {
        const response = await fetch(
          `${server.url}/beta${PROFILE}/connectorGroups?$filter=${encodeURIComponent(filter)}`,
          { headers: AUTH },
        );
        expect(response.status).toBe(200);
      });

    expect(readdirSync(dir)).toEqual(['fake-graph-states-check-graph-api.json']);
  });

  it(
    'is honoured by fake-graph with the agreed states',
    async () => {
      const stateErrors: string[] = [];
      const stateHandlers: NonNullable<VerifierOptions['stateHandlers']> = {};
      for (const [name, setup] of Object.entries(
        providerStateSetups(graph.store, graph.controls),
      )) {
        stateHandlers[name] = async (params?: unknown) => {
          try {
            setup(params);
          } catch (error) {
            stateErrors.push(`${name} ${JSON.stringify(params)}: ${(error as Error).message}`);
            throw error;
          }
        };
      }
      const verifier = new Verifier({
        provider: 'graph-api',
        providerBaseUrl: graph.url,
        pactUrls: [join(dir, 'fake-graph-states-check-graph-api.json')],
        stateHandlers,
        beforeEach: async () => resetProviderState(graph.store, graph.controls),
        // fake-graph compares a reference with its own Host; the filter rebases recorded ones.
        changeOrigin: true,
        requestFilter: rebaseReferencesTo(graph.url),
        failIfNoPactsFound: true,
        logLevel: 'warn',
      });
      await expect(verifier.verifyProvider()).resolves.toBeDefined();
      expect(stateErrors).toEqual([]);
    },
    VERIFY_TIMEOUT_MS,
  );
});
