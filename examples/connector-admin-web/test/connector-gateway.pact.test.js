/**
 * Contract: connector-admin-web (consumer) and connector-gateway (provider), written with the
 * published @connectors/gateway-client: the query text, operation name and hash are the client's
 * own (`OPERATIONS`), so the pact holds exactly what the app sends. The states are the gateway's
 * (named as in its pacts), their ids parameters. Writes pacts/connector-admin-web-connector-gateway.json.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPERATIONS } from '@connectors/gateway-client';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { connectorGroupNames } from '../src/connector-groups.js';

const { eachLike, like, regex, uuid } = MatchersV3;
const APPLICATION_ID = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR_ID = 'e98f0710-0710-e98f-1007-8fe910078fe9';
const HAS_CONNECTOR = 'application {applicationId} has connector {connectorId}';
// The fields of a group the screen shows; `like` and `uuid`: any value of that shape.
const DEFAULT_GROUP = {
  id: uuid('c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f'),
  connectorGroupType: 'APPLICATION_PROXY',
  isDefault: like(true),
  name: like('Default'),
  region: like('NAM'),
};

const pact = new PactV4({
  consumer: 'connector-admin-web',
  provider: 'connector-gateway',
  dir: new URL('../pacts', import.meta.url).pathname,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

test("shows the groups a connector is in: the application's Default group", async () => {
  const operation = OPERATIONS.ConnectorMemberOf;
  await pact
    .addGraphQLInteraction()
    .given(HAS_CONNECTOR, { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID })
    .uponReceiving("the admin screen's query for a connector's groups")
    .withOperation(operation.name)
    .withVariables({ applicationId: uuid(APPLICATION_ID), connectorId: uuid(CONNECTOR_ID) })
    .withRequest('POST', '/graphql', (builder) =>
      builder.headers({ Authorization: regex('^Bearer \\S+$', 'Bearer a-token') }),
    )
    .withQuery(operation.text)
    .willRespondWith(200, (builder) => {
      builder.jsonBody({
        data: {
          connectorMemberOf: {
            connectorGroups: eachLike(DEFAULT_GROUP),
            userErrors: [],
            requestId: uuid('4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d'),
          },
        },
      });
    })
    .executeTest(async (server) => {
      const names = await connectorGroupNames(
        { url: `${server.url}/graphql`, getToken: () => 'a-token' },
        { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID },
      );
      assert.deepEqual(names, { names: ['Default'] });
    });
});
