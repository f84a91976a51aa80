import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  AddConnectorMemberOfDocument,
  ConnectorGroupDocument,
  ConnectorGroupsDocument,
  ConnectorMemberOfDocument,
  ConnectorsDocument,
  CreateConnectorGroupDocument,
  MoveConnectorsDocument,
  type TypedDocumentString,
} from '../generated/graphql.ts';
import manifest from '../generated/persisted-documents.json' with { type: 'json' };

/**
 * The persisted-documents manifest GraphQL Code Generator writes: `sha256:<hex>` of each document
 * text, mapped to that exact text. What the gateway's trusted-documents mode allows.
 */
export const PERSISTED_DOCUMENTS: Readonly<Record<string, string>> = manifest;

/** One operation of the schema: its name, the text the client sends and its hash. */
export interface Operation<TResult, TVariables> {
  /** `operationName`, as in the document. */
  name: string;
  /** The exact text sent as `query`: the manifest's, so that it hashes to `hash`. */
  text: string;
  /** `sha256:<hex>` of `text`: the manifest key. */
  hash: string;
  /** Typed for Apollo, urql and graphql-request (a `TypedDocumentString`). */
  document: TypedDocumentString<TResult, TVariables> & DocumentTypeDecoration<TResult, TVariables>;
}

const OPERATION_NAME = /^(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

function operation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
): Operation<TResult, TVariables> {
  const hash = document.__meta__?.hash;
  const text = typeof hash === 'string' ? PERSISTED_DOCUMENTS[hash] : undefined;
  const name = text?.match(OPERATION_NAME)?.[1];
  // Only a hand-edited generated folder gets here: codegen writes both together, and a test fails
  // while either is stale.
  if (typeof hash !== 'string' || text === undefined || name === undefined) {
    throw new Error(
      `${String(document).trim().split('\n')[0]}: not a named operation in the persisted-documents manifest; run pnpm --filter @connectors/gateway-client codegen`,
    );
  }
  return { name, text, hash, document };
}

/** `mutation AddConnectorMemberOf($input)`: src/operations/add-connector-member-of.graphql. */
export const addConnectorMemberOfOperation = operation(AddConnectorMemberOfDocument);

/** `query ConnectorMemberOf($applicationId, $connectorId)`: src/operations/connector-member-of.graphql. */
export const connectorMemberOfOperation = operation(ConnectorMemberOfDocument);

/** `query ConnectorGroups($name)`: src/operations/connector-groups.graphql. */
export const connectorGroupsOperation = operation(ConnectorGroupsDocument);

/** `query Connectors($first, $after, $filter)`: src/operations/connectors.graphql. */
export const connectorsOperation = operation(ConnectorsDocument);

/** `query ConnectorGroup($id, $first, $after)`: src/operations/connector-group.graphql. */
export const connectorGroupOperation = operation(ConnectorGroupDocument);

/** `mutation CreateConnectorGroup($input)`: src/operations/create-connector-group.graphql. */
export const createConnectorGroupOperation = operation(CreateConnectorGroupDocument);

/** `mutation MoveConnectors($input)`: src/operations/move-connectors.graphql. */
export const moveConnectorsOperation = operation(MoveConnectorsDocument);

/** Every operation the client offers, by its GraphQL name. */
export const OPERATIONS = {
  AddConnectorMemberOf: addConnectorMemberOfOperation,
  ConnectorMemberOf: connectorMemberOfOperation,
  ConnectorGroups: connectorGroupsOperation,
  Connectors: connectorsOperation,
  ConnectorGroup: connectorGroupOperation,
  CreateConnectorGroup: createConnectorGroupOperation,
  MoveConnectors: moveConnectorsOperation,
} as const;
