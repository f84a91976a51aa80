import { SEED } from '@connectors/domain';

/** What the banner shows. */
export interface BannerInput {
  gatewayPort: number;
  fakeGraphPort: number;
}

const MUTATION = `mutation Add($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup { id name region isDefault }
    userErrors { code message field }
    requestId
  }
}`;

/** The request body of the example: the seeded application and connector, a new group name. */
export function exampleRequestBody(): string {
  return JSON.stringify({
    query: MUTATION.replace(/\s+/g, ' '),
    variables: {
      input: {
        applicationId: SEED.applicationId,
        connectorId: SEED.connectorId,
        connectorGroup: {
          connectorGroupType: 'APPLICATION_PROXY',
          isDefault: false,
          name: 'West Europe connectors',
          region: 'EUR',
        },
      },
    },
  });
}

/** The startup text: URLs, seeded ids, a ready-to-paste example, and how to use real Graph. */
export function renderBanner({ gatewayPort, fakeGraphPort }: BannerInput): string {
  const graphql = `http://localhost:${gatewayPort}/graphql`;
  const fakeGraph = `http://localhost:${fakeGraphPort}/v1.0`;
  const lines = [
    '',
    'connector-gateway is running locally',
    `  GraphiQL      ${graphql}`,
    `  fake-graph    ${fakeGraph}   (Microsoft Graph stand-in, SQLite under apps/fake-graph/.data/)`,
    '',
    '  seeded ids',
    `    applicationId   ${SEED.applicationId}`,
    `    connectorId     ${SEED.connectorId}`,
    `    Default group   ${SEED.defaultGroup.id} (nam, isDefault true)`,
    '',
    '  try it (any bearer token works against fake-graph unless FAKE_GRAPH_TOKEN is set):',
    `    curl -s ${graphql} \\`,
    "      -H 'Content-Type: application/json' -H 'Authorization: Bearer local-dev-token' \\",
    `      -d '${exampleRequestBody()}'`,
    '',
    '  point the gateway at Microsoft Graph instead (send a real Graph access token):',
    '    UPSTREAM_URL=https://graph.microsoft.com/v1.0 pnpm --filter ./apps/gateway start',
    '',
    '  Ctrl+C stops everything.',
    '',
  ];
  return lines.join('\n');
}
