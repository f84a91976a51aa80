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
    "query ConnectorGroups($name: String) {\n  connectorGroups(name: $name) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.ConnectorGroupsDocument,
    "query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {\n  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": typeof types.ConnectorMemberOfDocument,
};
const documents: Documents = {
    "mutation AddConnectorMemberOf($input: AddConnectorMemberOfInput!) {\n  addConnectorMemberOf(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.AddConnectorMemberOfDocument,
    "query ConnectorGroups($name: String) {\n  connectorGroups(name: $name) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.ConnectorGroupsDocument,
    "query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {\n  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}": types.ConnectorMemberOfDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddConnectorMemberOf($input: AddConnectorMemberOfInput!) {\n  addConnectorMemberOf(input: $input) {\n    connectorGroup {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').AddConnectorMemberOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConnectorGroups($name: String) {\n  connectorGroups(name: $name) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').ConnectorGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {\n  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {\n    connectorGroups {\n      id\n      connectorGroupType\n      isDefault\n      name\n      region\n    }\n    userErrors {\n      code\n      message\n      field\n    }\n    requestId\n  }\n}"): typeof import('./graphql.ts').ConnectorMemberOfDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
