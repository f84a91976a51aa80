/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Which connector of which application to add to which connector group. */
export type AddConnectorMemberOfInput = {
  /** The object id (a GUID) of the application: required under UPSTREAM_API=seed (its path names it; missing is INVALID_INPUT), unused and optional under UPSTREAM_API=graph. */
  applicationId?: string | null | undefined;
  /** The connector group to add the connector to: `{ id }` alone is enough under UPSTREAM_API=graph. */
  connectorGroup: ConnectorGroupInput;
  /** The object id (a GUID) of the connector to add. */
  connectorId: string;
};

/** Which connectors to list; both together narrow to both. */
export type ConnectorFilter = {
  /** Only the members of this connector group (a GUID). */
  connectorGroupId?: string | null | undefined;
  /** Only connectors with this status (UNKNOWN_FUTURE_VALUE is refused). */
  status?: ConnectorStatus | null | undefined;
};

/** The connector group to add the connector to: an existing group by `id` alone, or without `id` a group identified by `name`. Under UPSTREAM_API=seed the body is the whole group: `connectorGroupType`, `isDefault`, `name` and `region` are all required there (missing is INVALID_INPUT naming the field); under UPSTREAM_API=graph they are optional and unused beside `id` (the group is referenced by id), and only `name` is used without it. */
export type ConnectorGroupInput = {
  /** The kind of connector group: APPLICATION_PROXY. Required under UPSTREAM_API=seed. */
  connectorGroupType?: ConnectorGroupType | null | undefined;
  /** The id (a GUID) of an existing group. Omit it to identify the group by `name`. */
  id?: string | null | undefined;
  /** Whether the group is the tenant's default connector group. Required under UPSTREAM_API=seed. */
  isDefault?: boolean | null | undefined;
  /** The display name: trimmed, 1 to 256 characters, no control characters. Required without `id`, and under UPSTREAM_API=seed. */
  name?: string | null | undefined;
  /** The region: NAM, EUR, AUS, ASIA or IND (UNKNOWN_FUTURE_VALUE is refused). Required under UPSTREAM_API=seed. */
  region?: ConnectorGroupRegion | null | undefined;
};

/** The region a connector group's traffic is served from. UNKNOWN_FUTURE_VALUE is read-only. */
export type ConnectorGroupRegion =
  /** Asia. */
  | 'ASIA'
  /** Australia. */
  | 'AUS'
  /** Europe. */
  | 'EUR'
  /** India. */
  | 'IND'
  /** North America. */
  | 'NAM'
  /** Graph's placeholder for a region this API does not know yet. Returned when reading; refused as input (INVALID_INPUT). */
  | 'UNKNOWN_FUTURE_VALUE';

/** The kind of connector group. Graph defines one today; UNKNOWN_FUTURE_VALUE is read-only. */
export type ConnectorGroupType =
  /** A group of Microsoft Entra application proxy connectors. */
  | 'APPLICATION_PROXY'
  /** Graph's placeholder for a kind this API does not know yet. Returned when reading; refused as input (INVALID_INPUT). */
  | 'UNKNOWN_FUTURE_VALUE';

/** Whether a connector is reporting in to the service. UNKNOWN_FUTURE_VALUE is read-only. */
export type ConnectorStatus =
  /** The connector is reporting in and can serve traffic. */
  | 'ACTIVE'
  /** The connector has stopped reporting in. */
  | 'INACTIVE'
  /** Graph's placeholder for a status this API does not know yet. Returned when reading; refused in a filter (INVALID_INPUT). */
  | 'UNKNOWN_FUTURE_VALUE';

/** The new connector group. */
export type CreateConnectorGroupInput = {
  /** The display name: the rules of a group name (trimmed, 1 to 256 characters, no control, zero-width or bidirectional control characters). Unique in the tenant: a duplicate is INVALID_INPUT. */
  name: string;
  /** The region: NAM, EUR, AUS, ASIA or IND (UNKNOWN_FUTURE_VALUE is refused). */
  region: ConnectorGroupRegion;
};

/** Which connectors to move into which existing connector group. */
export type MoveConnectorsInput = {
  /** The existing connector group (a GUID) to move them into. */
  connectorGroupId: string;
  /** The connectors (object ids, GUIDs) to move: 1 to 100, each once. A bad or repeated id is INVALID_INPUT at its index, before any upstream call. */
  connectorIds: Array<string>;
};

/** How one connector of a moveConnectors ended. */
export type MoveOutcome =
  /** The connector was in the group already: nothing changed. */
  | 'ALREADY_MEMBER'
  /** The connector was not moved, or may not have been: see `error`. */
  | 'FAILED'
  /** The connector is now in the group. */
  | 'MOVED';

/** Why an operation could not be done as asked; the caller can fix each one. */
export type UserErrorCode =
  /** The connector is already a member of that connector group. */
  | 'ALREADY_MEMBER'
  /** The input is invalid: checked by the gateway (no upstream call) or refused by the upstream with a 400. */
  | 'INVALID_INPUT'
  /** The application, connector or connector group does not exist (upstream 404), or no connector group has the name given (UPSTREAM_API=graph). */
  | 'NOT_FOUND';

export type AddConnectorMemberOfMutationVariables = Exact<{
  input: AddConnectorMemberOfInput;
}>;


export type AddConnectorMemberOfMutation = { addConnectorMemberOf: { requestId: string | null, connectorGroup: { id: string | null, connectorGroupType: ConnectorGroupType, isDefault: boolean, name: string, region: ConnectorGroupRegion } | null, userErrors: Array<{ code: UserErrorCode, message: string, field: Array<string> | null }> } };

export type ConnectorGroupQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConnectorGroupQuery = { connectorGroup: { requestId: string | null, connectorGroup: { id: string | null, connectorGroupType: ConnectorGroupType, isDefault: boolean, name: string, region: ConnectorGroupRegion, members: { edges: Array<{ cursor: string, node: { id: string, machineName: string, externalIp: string | null, status: ConnectorStatus, version: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null, userErrors: Array<{ code: UserErrorCode, message: string, field: Array<string> | null }> } };

export type ConnectorGroupsQueryVariables = Exact<{
  name?: string | null | undefined;
}>;


export type ConnectorGroupsQuery = { connectorGroups: { requestId: string | null, connectorGroups: Array<{ id: string | null, connectorGroupType: ConnectorGroupType, isDefault: boolean, name: string, region: ConnectorGroupRegion }> | null, userErrors: Array<{ code: UserErrorCode, message: string, field: Array<string> | null }> } };

export type ConnectorMemberOfQueryVariables = Exact<{
  applicationId: string;
  connectorId: string;
}>;


export type ConnectorMemberOfQuery = { connectorMemberOf: { requestId: string | null, connectorGroups: Array<{ id: string | null, connectorGroupType: ConnectorGroupType, isDefault: boolean, name: string, region: ConnectorGroupRegion }> | null, userErrors: Array<{ code: UserErrorCode, message: string, field: Array<string> | null }> } };

export type ConnectorsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ConnectorFilter | null | undefined;
}>;


export type ConnectorsQuery = { connectors: { requestId: string | null, connectors: { edges: Array<{ cursor: string, node: { id: string, machineName: string, externalIp: string | null, status: ConnectorStatus, version: string | null, connectorGroup: { id: string | null, connectorGroupType: ConnectorGroupType, isDefault: boolean, name: string, region: ConnectorGroupRegion } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null, userErrors: Array<{ code: UserErrorCode, message: string, field: Array<string> | null }> } };

export type CreateConnectorGroupMutationVariables = Exact<{
  input: CreateConnectorGroupInput;
}>;


export type CreateConnectorGroupMutation = { createConnectorGroup: { requestId: string | null, connectorGroup: { id: string | null, connectorGroupType: ConnectorGroupType, isDefault: boolean, name: string, region: ConnectorGroupRegion } | null, userErrors: Array<{ code: UserErrorCode, message: string, field: Array<string> | null }> } };

export type MoveConnectorsMutationVariables = Exact<{
  input: MoveConnectorsInput;
}>;


export type MoveConnectorsMutation = { moveConnectors: { results: Array<{ connectorId: string, outcome: MoveOutcome, requestId: string | null, error: { code: string, message: string, retryAfterSeconds: number | null, sent: boolean } | null }>, userErrors: Array<{ code: UserErrorCode, message: string, field: Array<string> | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const AddConnectorMemberOfDocument = new TypedDocumentString(`
    mutation AddConnectorMemberOf($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup {
      id
      connectorGroupType
      isDefault
      name
      region
    }
    userErrors {
      code
      message
      field
    }
    requestId
  }
}
    `, {"hash":"sha256:373c55ba424c2d42eda3454d055efe58220999587db97070e46161fc6d1841b1"}) as unknown as TypedDocumentString<AddConnectorMemberOfMutation, AddConnectorMemberOfMutationVariables>;
export const ConnectorGroupDocument = new TypedDocumentString(`
    query ConnectorGroup($id: ID!, $first: Int, $after: String) {
  connectorGroup(id: $id) {
    connectorGroup {
      id
      connectorGroupType
      isDefault
      name
      region
      members(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            machineName
            externalIp
            status
            version
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    userErrors {
      code
      message
      field
    }
    requestId
  }
}
    `, {"hash":"sha256:6ceae0d2011738833430e0bf871f4f68aff0ff7fb6209f2c956f07139467cba1"}) as unknown as TypedDocumentString<ConnectorGroupQuery, ConnectorGroupQueryVariables>;
export const ConnectorGroupsDocument = new TypedDocumentString(`
    query ConnectorGroups($name: String) {
  connectorGroups(name: $name) {
    connectorGroups {
      id
      connectorGroupType
      isDefault
      name
      region
    }
    userErrors {
      code
      message
      field
    }
    requestId
  }
}
    `, {"hash":"sha256:24550de3be2c048843ed44ee11471ff7071ddb955b171401a939c5b95a7164ae"}) as unknown as TypedDocumentString<ConnectorGroupsQuery, ConnectorGroupsQueryVariables>;
export const ConnectorMemberOfDocument = new TypedDocumentString(`
    query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {
    connectorGroups {
      id
      connectorGroupType
      isDefault
      name
      region
    }
    userErrors {
      code
      message
      field
    }
    requestId
  }
}
    `, {"hash":"sha256:f921cbd43e0d94cd3bb8e938a9a53d4831392829bb5c32afb44a1cd210ca850f"}) as unknown as TypedDocumentString<ConnectorMemberOfQuery, ConnectorMemberOfQueryVariables>;
export const ConnectorsDocument = new TypedDocumentString(`
    query Connectors($first: Int, $after: String, $filter: ConnectorFilter) {
  connectors(first: $first, after: $after, filter: $filter) {
    connectors {
      edges {
        cursor
        node {
          id
          machineName
          externalIp
          status
          version
          connectorGroup {
            id
            connectorGroupType
            isDefault
            name
            region
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    userErrors {
      code
      message
      field
    }
    requestId
  }
}
    `, {"hash":"sha256:823f25836f7dc3223dccbf7a24b14a0a990dc3c64079c44b929498a660bbf22f"}) as unknown as TypedDocumentString<ConnectorsQuery, ConnectorsQueryVariables>;
export const CreateConnectorGroupDocument = new TypedDocumentString(`
    mutation CreateConnectorGroup($input: CreateConnectorGroupInput!) {
  createConnectorGroup(input: $input) {
    connectorGroup {
      id
      connectorGroupType
      isDefault
      name
      region
    }
    userErrors {
      code
      message
      field
    }
    requestId
  }
}
    `, {"hash":"sha256:adcba3e07e4bf0b7c8b321cec9f2e9595869ee8f2eba5bfc3ae0a95bc7d634e9"}) as unknown as TypedDocumentString<CreateConnectorGroupMutation, CreateConnectorGroupMutationVariables>;
export const MoveConnectorsDocument = new TypedDocumentString(`
    mutation MoveConnectors($input: MoveConnectorsInput!) {
  moveConnectors(input: $input) {
    results {
      connectorId
      outcome
      error {
        code
        message
        retryAfterSeconds
        sent
      }
      requestId
    }
    userErrors {
      code
      message
      field
    }
  }
}
    `, {"hash":"sha256:c4842c2ccc03d562a108fbe779b373ceff417909123d65135f135da998c409ef"}) as unknown as TypedDocumentString<MoveConnectorsMutation, MoveConnectorsMutationVariables>;