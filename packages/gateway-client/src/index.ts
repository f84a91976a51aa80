export type { RandomSource } from './client-request-id.ts';
export { newClientRequestId } from './client-request-id.ts';
export { connectorPages } from './connector-pages.ts';
export {
  ACCEPT,
  type AddConnectorMemberOfData,
  type CallOptions,
  type Connector,
  type ConnectorConnection,
  type ConnectorGroup,
  type ConnectorGroupData,
  type ConnectorGroupsData,
  type ConnectorGroupWithMembers,
  type ConnectorMemberOfData,
  type ConnectorMove,
  type ConnectorsData,
  type CreateConnectorGroupData,
  createGatewayClient,
  type GatewayClient,
  type GatewayClientOptions,
  type MoveConnectorsData,
} from './create-gateway-client.ts';
export type * from './generated/graphql.ts';
export {
  AddConnectorMemberOfDocument,
  ConnectorGroupDocument,
  ConnectorGroupsDocument,
  ConnectorMemberOfDocument,
  ConnectorsDocument,
  CreateConnectorGroupDocument,
  MoveConnectorsDocument,
  TypedDocumentString,
} from './generated/graphql.ts';
export {
  addConnectorMemberOfOperation,
  connectorGroupOperation,
  connectorGroupsOperation,
  connectorMemberOfOperation,
  connectorsOperation,
  createConnectorGroupOperation,
  moveConnectorsOperation,
  OPERATIONS,
  type Operation,
  PERSISTED_DOCUMENTS,
} from './operations/documents.ts';
export {
  GATEWAY_ERROR_CODES,
  type GatewayError,
  type GatewayErrorCode,
  type GatewayResult,
  type Success,
  TRANSPORT_FAILURE_REASONS,
  type TransportFailure,
  type TransportFailureReason,
  type UserError,
  type UserErrors,
} from './result.ts';
