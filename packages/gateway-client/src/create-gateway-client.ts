import { readAnswer, transport } from './answer.ts';
import { newClientRequestId } from './client-request-id.ts';
import type {
  AddConnectorMemberOfMutation,
  AddConnectorMemberOfMutationVariables,
  ConnectorGroupsQueryVariables,
  ConnectorMemberOfQueryVariables,
} from './generated/graphql.ts';
import {
  addConnectorMemberOfOperation,
  connectorGroupsOperation,
  connectorMemberOfOperation,
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
