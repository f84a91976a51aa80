export type { RandomSource } from './client-request-id.ts';
export { newClientRequestId } from './client-request-id.ts';
export {
  ACCEPT,
  type AddConnectorMemberOfData,
  type CallOptions,
  type ConnectorGroup,
  type ConnectorGroupsData,
  type ConnectorMemberOfData,
  createGatewayClient,
  type GatewayClient,
  type GatewayClientOptions,
} from './create-gateway-client.ts';
export type * from './generated/graphql.ts';
export {
  AddConnectorMemberOfDocument,
  ConnectorGroupsDocument,
  ConnectorMemberOfDocument,
  TypedDocumentString,
} from './generated/graphql.ts';
export {
  addConnectorMemberOfOperation,
  connectorGroupsOperation,
  connectorMemberOfOperation,
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
