/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddConnectorMemberOf($input: AddConnectorMemberOfInput!) {\n  addConnectorMemberOf(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.AddConnectorMemberOfDocument,
    "query ConnectorGroup($id: ID!, $first: Int, $after: String) {\n  connectorGroup(id: $id) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            machineName\n            externalIp\n            status\n            version\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.ConnectorGroupDocument,
    "query ConnectorGroups($name: String) {\n  connectorGroups(name: $name) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.ConnectorGroupsDocument,
    "query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {\n  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.ConnectorMemberOfDocument,
    "query Connectors($first: Int, $after: String, $filter: ConnectorFilter) {\n  connectors(first: $first, after: $after, filter: $filter) {\n    connectors {\n      edges {\n        cursor\n        node {\n          id\n          machineName\n          externalIp\n          status\n          version\n          connectorGroup {\n            id\n            connectorGroupType\n            isDefault\n            name\n            region\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.ConnectorsDocument,
    "mutation CreateConnectorGroup($input: CreateConnectorGroupInput!) {\n  createConnectorGroup(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.CreateConnectorGroupDocument,
    "mutation MoveConnectors($input: MoveConnectorsInput!) {\n  moveConnectors(input: $input) {\n    results {\n      connectorId\n      outcome\n      error {\n        code\n        message\n        retryAfterSeconds\n        sent\n      }\n      requestId\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": typeof types.MoveConnectorsDocument,
};
const documents: Documents = {
    "mutation AddConnectorMemberOf($input: AddConnectorMemberOfInput!) {\n  addConnectorMemberOf(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.AddConnectorMemberOfDocument,
    "query ConnectorGroup($id: ID!, $first: Int, $after: String) {\n  connectorGroup(id: $id) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            machineName\n            externalIp\n            status\n            version\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.ConnectorGroupDocument,
    "query ConnectorGroups($name: String) {\n  connectorGroups(name: $name) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.ConnectorGroupsDocument,
    "query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {\n  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.ConnectorMemberOfDocument,
    "query Connectors($first: Int, $after: String, $filter: ConnectorFilter) {\n  connectors(first: $first, after: $after, filter: $filter) {\n    connectors {\n      edges {\n        cursor\n        node {\n          id\n          machineName\n          externalIp\n          status\n          version\n          connectorGroup {\n            id\n            connectorGroupType\n            isDefault\n            name\n            region\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.ConnectorsDocument,
    "mutation CreateConnectorGroup($input: CreateConnectorGroupInput!) {\n  createConnectorGroup(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.CreateConnectorGroupDocument,
    "mutation MoveConnectors($input: MoveConnectorsInput!) {\n  moveConnectors(input: $input) {\n    results {\n      connectorId\n      outcome\n      error {\n        code\n        message\n        retryAfterSeconds\n        sent\n      }\n      requestId\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}": types.MoveConnectorsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddConnectorMemberOf($input: AddConnectorMemberOfInput!) {\n  addConnectorMemberOf(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').AddConnectorMemberOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConnectorGroup($id: ID!, $first: Int, $after: String) {\n  connectorGroup(id: $id) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            machineName\n            externalIp\n            status\n            version\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').ConnectorGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConnectorGroups($name: String) {\n  connectorGroups(name: $name) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').ConnectorGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {\n  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').ConnectorMemberOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Connectors($first: Int, $after: String, $filter: ConnectorFilter) {\n  connectors(first: $first, after: $after, filter: $filter) {\n    connectors {\n      edges {\n        cursor\n        node {\n          id\n          machineName\n          externalIp\n          status\n          version\n          connectorGroup {\n            id\n            connectorGroupType\n            isDefault\n            name\n            region\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').ConnectorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateConnectorGroup($input: CreateConnectorGroupInput!) {\n  createConnectorGroup(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').CreateConnectorGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MoveConnectors($input: MoveConnectorsInput!) {\n  moveConnectors(input: $input) {\n    results {\n      connectorId\n      outcome\n      error {\n        code\n        message\n        retryAfterSeconds\n        sent\n      }\n      requestId\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n  }\n}"): typeof import('./graphql.ts').MoveConnectorsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
