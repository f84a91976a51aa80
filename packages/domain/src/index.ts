// What other packages use of the domain, named one by one: a schema or helper that only the
// domain's own modules need (the read enums, the regions list, the issue mapper, the filter's
// pieces, the id segment) stays inside, so this list is the package's whole contract.

// The connector group: what is written, what is read, what the add needs.
export {
  AddMemberOfRequest,
  addMemberOfRequest,
  type ConnectorGroupTarget,
  GROUP_BODY_FIELDS,
  isCompleteGroup,
} from './add-member-of-request.ts';
// The connector: what a list or a read returns, and its status.
export {
  CONNECTOR_STATUSES,
  Connector,
  ConnectorPage,
  ConnectorStatus,
  ConnectorWithGroup,
} from './connector.ts';
export {
  CONNECTOR_GROUP_ODATA_TYPE,
  ConnectorGroup,
  ConnectorGroupCollection,
  ConnectorGroupInput,
  ConnectorGroupName,
  ConnectorGroupRegion,
  ConnectorGroupRestBody,
  ConnectorGroupType,
  MAX_GROUP_NAME_LENGTH,
} from './connector-group.ts';
export {
  ConnectorGroupList,
  ConnectorGroupsQuery,
  CreateConnectorGroupRequest,
  createConnectorGroupRequest,
  ListedConnectorGroup,
} from './connector-group-list.ts';
export { connectorGroupReference } from './connector-group-reference.ts';
export { MAX_CONNECTORS_PER_MOVE, MoveConnectorsRequest } from './connector-move.ts';
export {
  type ConnectorsQuery,
  connectorGroupMembersPath,
  connectorGroupPath,
  connectorGroupsPath,
  connectorMemberOfPath,
  connectorMemberOfRefPath,
  connectorPath,
  connectorsPath,
} from './graph-api-path.ts';
// Graph's error envelope and how a failure is classified.
export {
  classifyGraphEnvelope,
  DUPLICATE_REFERENCE_MESSAGE,
  DUPLICATE_REFERENCE_MESSAGE_PREFIX,
  GRAPH_ERROR_CODES,
  GraphErrorEnvelope,
  type GraphErrorKind,
  graphErrorEnvelope,
} from './graph-error.ts';
// GraphQL's enum names for the REST values.
export {
  GRAPHQL_TO_REST_REGION,
  GRAPHQL_TO_REST_STATUS,
  GRAPHQL_TO_REST_TYPE,
  type GraphQLConnectorGroupRegion,
  type GraphQLConnectorGroupType,
  type GraphQLConnectorStatus,
  REST_TO_GRAPHQL_REGION,
  REST_TO_GRAPHQL_STATUS,
  REST_TO_GRAPHQL_TYPE,
  REST_TO_GRAPHQL_VALUE_NAMES,
} from './graphql-enums.ts';
// Ids, paths and the upstream: every id a parsed, branded DirectoryObjectId.
export { DirectoryObjectId, isDirectoryObjectId } from './ids.ts';
// A bulk move of connectors, and Graph's JSON batching: the request and answer shapes, the move step.
export {
  BATCH_PATH,
  BatchRequest,
  BatchResponse,
  BatchStepRequest,
  BatchStepResponse,
  batchStepHeader,
  connectorMoveStep,
  MAX_BATCH_STEPS,
} from './json-batch.ts';
export { parseNameEqualsFilter } from './odata-filter.ts';
// Graph's paging: the only part of an `@odata.nextLink` ever used is its `$skiptoken`.
export {
  MAX_SKIPTOKEN_LENGTH,
  type PageRequest,
  SKIPTOKEN_QUERY_KEY,
  SkipToken,
  skipTokenOf,
  TOP_QUERY_KEY,
} from './paging.ts';
export { type ConnectorGroupFields, connectorGroupFields, toRestBody } from './rest-body.ts';
export {
  memberOfGroupRefPath,
  memberOfPath,
  memberOfRefPath,
  parseUpstreamBase,
  upstreamUrl,
} from './rest-path.ts';
export { SEED } from './seed.ts';
export { onUnknownEnumValue, type UnknownEnumValue } from './unknown-enum-value.ts';
export { UpstreamApi } from './upstream-api.ts';

// Validation in the project's issue shape.
export {
  parseValid,
  type Validated,
  ValidationError,
  type ValidationIssue,
  validate,
} from './validation.ts';
