import { SEED, type UpstreamApi } from '@connectors/domain';
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

/**
 * What the connector is in, and which groups there are: one query, both profiles. After a move
 * it shows the connector in exactly one group.
 */
export const GRAPHIQL_OVERVIEW = `# The tenant's connector groups, and the group fake-graph's seeded connector is in.
# Against Microsoft Graph: your ids here, your token under Headers.
query ConnectorGroupsOverview {
  connectorGroups {
    connectorGroups { id name region isDefault }
    userErrors { code message field }
    requestId
  }
  connectorMemberOf(applicationId: "${applicationId}", connectorId: "${connectorId}") {
    connectorGroups { id name region isDefault }
    userErrors { code message field }
    requestId
  }
}
`;

/**
 * The add under the graph profile: Graph's documented add references an existing group, so the
 * example names one that always exists, the tenant's "Default" (fake-graph seeds it, and the
 * seeded connector starts there: run it after moving the connector elsewhere, or put a name
 * from the overview tab).
 */
export const GRAPHIQL_GRAPH_ADD = `# Moves the connector to an existing group, found by its exact name (or give its id).
# Graph never creates a group here: take a name from the overview tab. The seeded connector
# starts in "Default", so this answers ALREADY_MEMBER until it has been moved elsewhere.
mutation AddConnectorToGroup {
  addConnectorMemberOf(input: {
    applicationId: "${applicationId}"
    connectorId: "${connectorId}"
    connectorGroup: {
      connectorGroupType: APPLICATION_PROXY
      isDefault: true
      name: "Default"
      region: NAM
    }
  }) {
    connectorGroup { id name region isDefault connectorGroupType }
    userErrors { code message field }
    requestId
  }
}
`;

/**
 * The connector-group screen's reads: a page of connectors with their groups, and one group with
 * its members (fake-graph's tenant has 42 connectors: page on with `after`).
 */
export const GRAPHIQL_SCREEN = `# The connector-group screen: a page of connectors, each with its group (one upstream call),
# and a group with a page of its members (two). Page on: after: "<pageInfo.endCursor>".
query ConnectorScreen {
  connectors(first: 10) {
    connectors {
      edges { node { id machineName status version connectorGroup { id name region } } }
      pageInfo { hasNextPage endCursor }
    }
    userErrors { code message field }
  }
  connectorGroup(id: "${SEED.defaultGroup.id}") {
    connectorGroup {
      id name region isDefault
      members(first: 5) { edges { node { id machineName status } } pageInfo { hasNextPage endCursor } }
    }
    userErrors { code message field }
  }
}
`;

/** Creating a group to move connectors to: under the graph profile nothing is created implicitly. */
export const GRAPHIQL_CREATE_GROUP = `# Creates a connector group; a name another group has is INVALID_INPUT on ["input","name"].
mutation CreateConnectorGroup {
  createConnectorGroup(input: { name: "Paris connectors", region: EUR }) {
    connectorGroup { id name region isDefault connectorGroupType }
    userErrors { code message field }
    requestId
  }
}
`;

/**
 * fake-graph's seeded tenant (docs/running.md; `apps/fake-graph/src/tenant-seed.ts`): the seed's
 * connector and two more of "Default", and the group "Amsterdam datacenter". Spelled out here
 * because the gateway does not depend on fake-graph at run time; graphiql-examples.test.ts checks
 * them against the seed.
 */
export const MOVE_EXAMPLE = {
  connectorIds: [
    SEED.connectorId,
    '5eedc000-0000-4000-8000-000000000001',
    '5eedc000-0000-4000-8000-000000000002',
  ],
  connectorGroupId: '5eed9000-0000-4000-8000-000000000001',
} as const;

/** Moving several connectors at once (issue 17): one result per connector, partial success normal. */
export const GRAPHIQL_MOVE_CONNECTORS = `# Moves three of fake-graph's seeded connectors from "Default" to "Amsterdam datacenter", in
# one $batch; each gets MOVED, ALREADY_MEMBER (run it twice) or FAILED with a code. Up to 100 ids.
mutation MoveConnectors {
  moveConnectors(input: {
    connectorIds: [${MOVE_EXAMPLE.connectorIds.map((id) => `"${id}"`).join(', ')}]
    connectorGroupId: "${MOVE_EXAMPLE.connectorGroupId}"
  }) {
    results { connectorId outcome error { code message retryAfterSeconds sent } requestId }
    userErrors { code message field }
  }
}
`;

// fake-graph accepts any bearer token; against Microsoft Graph, paste a real one.
const EXAMPLE_HEADERS = JSON.stringify({ Authorization: 'Bearer local-dev-token' }, null, 2);

/**
 * GraphiQL's options for the upstream profile, each tab with the bearer header. `seed` opens on
 * the add by a new name (fake-graph creates the group); `graph` opens on the overview, since its
 * add needs a group that exists, and offers the add in a second tab.
 */
export function graphiqlOptionsFor(api: UpstreamApi): GraphiQLOptions {
  const tabs =
    api === 'graph'
      ? [GRAPHIQL_OVERVIEW, GRAPHIQL_GRAPH_ADD, GRAPHIQL_SCREEN, GRAPHIQL_CREATE_GROUP]
      : [GRAPHIQL_EXAMPLE, GRAPHIQL_OVERVIEW, GRAPHIQL_SCREEN, GRAPHIQL_CREATE_GROUP];
  // The bulk move last, under both profiles: it needs the tenant a new fake-graph database holds.
  tabs.push(GRAPHIQL_MOVE_CONNECTORS);
  return {
    title: 'connector-gateway',
    defaultQuery: tabs[0],
    defaultTabs: tabs.map((query) => ({ query, headers: EXAMPLE_HEADERS })),
    headers: EXAMPLE_HEADERS,
    defaultEditorToolsVisibility: 'headers',
  };
}

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
