import { readAnswer, transport } from './answer.ts';
import { newClientRequestId } from './client-request-id.ts';
import type {
  AddConnectorMemberOfMutation,
  AddConnectorMemberOfMutationVariables,
  ConnectorGroupQuery,
  ConnectorGroupQueryVariables,
  ConnectorGroupsQueryVariables,
  ConnectorMemberOfQueryVariables,
  ConnectorsQuery,
  ConnectorsQueryVariables,
  CreateConnectorGroupMutationVariables,
  MoveConnectorsMutation,
  MoveConnectorsMutationVariables,
} from './generated/graphql.ts';
import {
  addConnectorMemberOfOperation,
  connectorGroupOperation,
  connectorGroupsOperation,
  connectorMemberOfOperation,
  connectorsOperation,
  createConnectorGroupOperation,
  moveConnectorsOperation,
  type Operation,
} from './operations/documents.ts';
import type { GatewayResult } from './result.ts';

/** A connector group as the operations select it. */
export type ConnectorGroup = NonNullable<
  AddConnectorMemberOfMutation['addConnectorMemberOf']['connectorGroup']
>;

/** `addConnectorMemberOf` succeeded: the group the connector is now in. */
export interface AddConnectorMemberOfData {
  /** `id` is null only when the upstream confirmed a group named by `name` without its id. */
  connectorGroup: ConnectorGroup;
}

/** `connectorMemberOf` succeeded: every group the connector is in. */
export interface ConnectorMemberOfData {
  connectorGroups: ConnectorGroup[];
}

/** `connectorGroups` succeeded: the tenant's groups, or those with exactly the name given. */
export interface ConnectorGroupsData {
  /** Each with its id, in the upstream's order; empty when no group has the name. */
  connectorGroups: ConnectorGroup[];
}

/** A page of connectors, each with its group: a Relay connection. */
export type ConnectorConnection = NonNullable<ConnectorsQuery['connectors']['connectors']>;

/** A connector as `connectors` selects it. */
export type Connector = ConnectorConnection['edges'][number]['node'];

/** A group with a page of its members, as `connectorGroup` selects it. */
export type ConnectorGroupWithMembers = NonNullable<
  ConnectorGroupQuery['connectorGroup']['connectorGroup']
>;

/** `connectors` succeeded: one page. */
export interface ConnectorsData {
  connectors: ConnectorConnection;
}

/** `connectorGroup` succeeded: the group as the upstream has it (`members` null if not asked). */
export interface ConnectorGroupData {
  connectorGroup: ConnectorGroupWithMembers;
}

/** `createConnectorGroup` succeeded: the group as created, with its id. */
export interface CreateConnectorGroupData {
  connectorGroup: ConnectorGroup;
}

/** One connector of a `moveConnectors`: its outcome, and why it failed when it did. */
export type ConnectorMove = MoveConnectorsMutation['moveConnectors']['results'][number];

/** `moveConnectors` ran: one result per connector, in the order asked (partial success is normal). */
export interface MoveConnectorsData {
  results: ConnectorMove[];
}

/** Options of {@link createGatewayClient}. */
export interface GatewayClientOptions {
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string | URL;
  /**
   * The caller's Graph access token, without `Bearer `. Called once per operation (it may
   * refresh); null, undefined or '' sends no `Authorization`, and every field that calls the
   * upstream then answers `UNAUTHENTICATED`. What it throws is thrown to the caller.
   */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** Default `globalThis.fetch`; pass one to add tracing, cookies or a test double. */
  fetch?: typeof globalThis.fetch;
}

/** Per call. */
export interface CallOptions {
  /** Aborting ends the call with `{ kind: 'transport', reason: 'aborted' }`. */
  signal?: AbortSignal;
}

/** One typed function per operation of the gateway's schema. */
export interface GatewayClient {
  /**
   * Adds a connector to a connector group: an existing one by `connectorGroup.id`, or one named
   * by `connectorGroup.name`. After `UPSTREAM_TIMEOUT` the add may have landed: read back with
   * {@link GatewayClient.connectorMemberOf} before retrying.
   */
  addConnectorMemberOf(
    variables: AddConnectorMemberOfMutationVariables,
    options?: CallOptions,
  ): Promise<GatewayResult<AddConnectorMemberOfData>>;
  /** Lists the connector groups a connector belongs to. */
  connectorMemberOf(
    variables: ConnectorMemberOfQueryVariables,
    options?: CallOptions,
  ): Promise<GatewayResult<ConnectorMemberOfData>>;
  /**
   * Lists the tenant's connector groups (`{}`), or those named exactly `name` (trimmed; a name
   * breaking a group name's rules is an `INVALID_INPUT` user error on `["name"]`): a picker's
   * options, and the id to add by when several groups share a name.
   */
  connectorGroups(
    variables?: ConnectorGroupsQueryVariables,
    options?: CallOptions,
  ): Promise<GatewayResult<ConnectorGroupsData>>;
  /**
   * A page of the tenant's connectors with their groups (`first` 1 to 100, default 50); the next
   * with `after: connectors.pageInfo.endCursor` ({@link connectorPages} does it for you).
   */
  connectors(
    variables?: ConnectorsQueryVariables,
    options?: CallOptions,
  ): Promise<GatewayResult<ConnectorsData>>;
  /** One group with a page of its members (`first`, `after` page the members). */
  connectorGroup(
    variables: ConnectorGroupQueryVariables,
    options?: CallOptions,
  ): Promise<GatewayResult<ConnectorGroupData>>;
  /**
   * Creates a group. After `UPSTREAM_TIMEOUT` it may exist: look it up by name before retrying.
   */
  createConnectorGroup(
    variables: CreateConnectorGroupMutationVariables,
    options?: CallOptions,
  ): Promise<GatewayResult<CreateConnectorGroupData>>;
  /**
   * Moves 1 to 100 connectors into one existing group, through Graph's JSON batching: a result
   * per connector. A `FAILED` one with `RATE_LIMITED` may be moved again after its
   * `retryAfterSeconds`; with `UPSTREAM_TIMEOUT` and `sent: true` it may have moved: read it back.
   */
  moveConnectors(
    variables: MoveConnectorsMutationVariables,
    options?: CallOptions,
  ): Promise<GatewayResult<MoveConnectorsData>>;
}

/** What the gateway answers in: GraphQL over HTTP's media type first, plain JSON for older servers. */
export const ACCEPT = 'application/graphql-response+json, application/json';

/**
 * The client frontend teams call the gateway with. Each call is one `POST` of JSON with the
 * operation's exact generated text, its `operationName`, `Authorization: Bearer <token>` and a
 * fresh `client-request-id`, and resolves to a {@link GatewayResult}: it rejects only when
 * `getToken` throws. Plain `fetch` and Web Crypto: browsers and Node alike.
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const url = String(options.url);
  // Bound: a browser's `fetch` called off `window` throws "Illegal invocation".
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function execute<TResult, TVariables, TData>(
    operation: Operation<TResult, TVariables>,
    variables: TVariables,
    rootField: string,
    pick: (payload: Record<string, unknown>) => TData | undefined,
    call: CallOptions = {},
  ): Promise<GatewayResult<TData>> {
    const clientRequestId = newClientRequestId();
    const correlation = { clientRequestId };
    const token = await options.getToken();
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: ACCEPT,
      'client-request-id': clientRequestId,
    };
    if (token) headers.Authorization = `Bearer ${token}`;
    const body = JSON.stringify({
      operationName: operation.name,
      query: operation.text,
      variables,
    });

    let status: number | undefined;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers,
        body,
        ...(call.signal === undefined ? {} : { signal: call.signal }),
      });
      status = response.status;
      const text = await response.text();
      return readAnswer(
        { status, contentType: response.headers.get('content-type'), body: text },
        rootField,
        pick,
        clientRequestId,
      );
    } catch (error) {
      if (call.signal?.aborted)
        return transport('aborted', 'the call was aborted', status, correlation, error);
      const what = status === undefined ? 'no answer from' : 'the answer broke off from';
      return transport('network', `${what} ${url}: ${describe(error)}`, status, correlation, error);
    }
  }

  return {
    addConnectorMemberOf: (variables, call) =>
      execute(
        addConnectorMemberOfOperation,
        variables,
        'addConnectorMemberOf',
        (payload) =>
          isPresent(payload.connectorGroup)
            ? { connectorGroup: payload.connectorGroup as ConnectorGroup }
            : undefined,
        call,
      ),
    connectorMemberOf: (variables, call) =>
      execute(connectorMemberOfOperation, variables, 'connectorMemberOf', groupsList, call),
    connectorGroups: (variables = {}, call) =>
      execute(connectorGroupsOperation, variables, 'connectorGroups', groupsList, call),
    connectors: (variables = {}, call) =>
      execute(
        connectorsOperation,
        variables,
        'connectors',
        (payload) =>
          isPresent(payload.connectors)
            ? { connectors: payload.connectors as ConnectorConnection }
            : undefined,
        call,
      ),
    connectorGroup: (variables, call) =>
      execute(
        connectorGroupOperation,
        variables,
        'connectorGroup',
        (payload) =>
          isPresent(payload.connectorGroup)
            ? { connectorGroup: payload.connectorGroup as ConnectorGroupWithMembers }
            : undefined,
        call,
      ),
    createConnectorGroup: (variables, call) =>
      execute(
        createConnectorGroupOperation,
        variables,
        'createConnectorGroup',
        (payload) =>
          isPresent(payload.connectorGroup)
            ? { connectorGroup: payload.connectorGroup as ConnectorGroup }
            : undefined,
        call,
      ),
    moveConnectors: (variables, call) =>
      execute(
        moveConnectorsOperation,
        variables,
        'moveConnectors',
        (payload) =>
          Array.isArray(payload.results)
            ? { results: payload.results as ConnectorMove[] }
            : undefined,
        call,
      ),
  };
}

/** A payload's `connectorGroups`, when it is a list: what both list operations answer. */
function groupsList(payload: Record<string, unknown>) {
  return Array.isArray(payload.connectorGroups)
    ? { connectorGroups: payload.connectorGroups as ConnectorGroup[] }
    : undefined;
}

function isPresent(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

// fetch's TypeError says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND) is its cause.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
