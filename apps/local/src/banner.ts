import { SEED, type UpstreamApi } from '@connectors/domain';

/** What the banner shows. */
export interface BannerInput {
  gatewayPort: number;
  /** fake-graph's base as the gateway's `UPSTREAM_URL`, e.g. `http://localhost:4010/v1.0`. */
  upstreamUrl: string;
  upstreamApi: UpstreamApi;
}

const MUTATION = `mutation Add($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup { id name region isDefault }
    userErrors { code message field }
    requestId
  }
}`;

const GROUPS = `query Groups {
  connectorGroups {
    connectorGroups { id name region isDefault }
    userErrors { code message field }
    requestId
  }
}`;

/**
 * The request body of the example. `seed`: the seeded application and connector added to a new
 * group name (fake-graph creates it). `graph`: the tenant's groups, since Graph's documented add
 * needs a group that exists and fake-graph seeds only "Default", where the connector already is.
 */
export function exampleRequestBody(api: UpstreamApi = 'seed'): string {
  if (api === 'graph') return JSON.stringify({ query: GROUPS.replace(/\s+/g, ' ') });
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

/** The startup text: URLs, the profile, seeded ids, a ready-to-paste example, real Graph. */
export function renderBanner({ gatewayPort, upstreamUrl, upstreamApi }: BannerInput): string {
  const graphql = `http://localhost:${gatewayPort}/graphql`;
  const profile =
    upstreamApi === 'graph'
      ? "graph (Microsoft Graph's documented operations; an add names an existing group)"
      : "seed (the source document's path; an add by a new name creates the group)";
  const lines = [
    '',
    'connector-gateway is running locally',
    `  GraphiQL      ${graphql}`,
    `  fake-graph    ${upstreamUrl}   (Microsoft Graph stand-in, SQLite under apps/fake-graph/.data/)`,
    `  UPSTREAM_API  ${profile}`,
    '',
    '  seeded ids',
    `    applicationId   ${SEED.applicationId}`,
    `    connectorId     ${SEED.connectorId}`,
    `    Default group   ${SEED.defaultGroup.id} (nam, isDefault true)`,
    '',
    '  try it (any bearer token works against fake-graph unless FAKE_GRAPH_TOKEN is set):',
    `    curl -s ${graphql} \\`,
    "      -H 'Content-Type: application/json' -H 'Authorization: Bearer local-dev-token' \\",
    `      -d '${exampleRequestBody(upstreamApi)}'`,
    '',
    '  point the gateway at Microsoft Graph instead (send a real Graph access token):',
    '    UPSTREAM_URL=https://graph.microsoft.com/beta UPSTREAM_API=graph pnpm --filter ./apps/gateway start',
    '',
    '  Ctrl+C stops everything.',
    '',
  ];
  return lines.join('\n');
}
