import { SEED } from '@connectors/domain';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * The ids fake-graph seeds (`SEED`), so the example runs as is against `pnpm start`.
 * Against another upstream, replace them with real ids.
 */
export const EXAMPLE_VARIABLES = {
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
} as const;

/** The example mutation GraphiQL opens with. */
export const EXAMPLE_MUTATION = `mutation AddConnectorToGroup($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup { id name region isDefault connectorGroupType }
    userErrors { code message field }
    requestId
  }
}
`;

const { applicationId, connectorId, connectorGroup } = EXAMPLE_VARIABLES.input;

/**
 * The example with its input inline, for GraphiQL: its tab variables are not reliably restored,
 * and a document that carries everything runs with one click.
 */
export const GRAPHIQL_EXAMPLE = `# Adds fake-graph's seeded connector to a new group.
# Against Microsoft Graph: your ids here, your token under Headers.
mutation AddConnectorToGroup {
  addConnectorMemberOf(input: {
    applicationId: "${applicationId}"
    connectorId: "${connectorId}"
    connectorGroup: {
      connectorGroupType: ${connectorGroup.connectorGroupType}
      isDefault: ${connectorGroup.isDefault}
      name: "${connectorGroup.name}"
      region: ${connectorGroup.region}
    }
  }) {
    connectorGroup { id name region isDefault connectorGroupType }
    userErrors { code message field }
    requestId
  }
}
`;

// fake-graph accepts any bearer token; against Microsoft Graph, paste a real one.
const EXAMPLE_HEADERS = JSON.stringify({ Authorization: 'Bearer local-dev-token' }, null, 2);

/** GraphiQL's options: the example and a bearer header in the first tab and the headers editor. */
export const graphiqlOptions: GraphiQLOptions = {
  title: 'connector-gateway',
  defaultQuery: GRAPHIQL_EXAMPLE,
  defaultTabs: [{ query: GRAPHIQL_EXAMPLE, headers: EXAMPLE_HEADERS }],
  headers: EXAMPLE_HEADERS,
  defaultEditorToolsVisibility: 'headers',
};

let renderer: Promise<typeof import('@graphql-yoga/render-graphiql')> | undefined;

/**
 * Renders GraphiQL with its scripts and styles inlined (`@graphql-yoga/render-graphiql`): yoga's
 * default page loads them from a CDN, which an offline or locked-down machine cannot reach. The
 * 9 MB module is imported on the first GraphiQL request only (never in production).
 */
export async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  renderer ??= import('@graphql-yoga/render-graphiql');
  return (await renderer).renderGraphiQL(options);
}
