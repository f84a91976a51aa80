import {
  ConnectorPage,
  type ConnectorStatus,
  type ConnectorWithGroup,
  type CreateConnectorGroupRequest,
  connectorGroupMembersPath,
  connectorGroupPath,
  connectorGroupsPath,
  connectorsPath,
  type DirectoryObjectId,
  ListedConnectorGroup,
  type SkipToken,
  skipTokenOf,
} from '@connectors/domain';
import { type CallerOptions, callerFrom } from '../caller.ts';
import type {
  AnsweredFailure,
  ConnectorGroupResult,
  CreateConnectorGroupResult,
  ListConnectorsResult,
} from '../result.ts';
import { answered, type UpstreamAnswer } from '../upstream-answer.ts';
import type { OperationContext } from './operation-context.ts';

/**
 * A page of connectors: the tenant's, or one group's members (`connectorGroupId`), by status
 * when given. `skipToken` is the previous page's `nextSkipToken`, never a URL: the next URL is
 * built here from the configured base and the token alone.
 */
export interface ListConnectorsRequest extends CallerOptions {
  status?: ConnectorStatus;
  connectorGroupId?: DirectoryObjectId;
  /** `$top`: at most this many connectors (the gateway bounds it; Graph caps it at 999). */
  top: number;
  skipToken?: SkipToken;
}

/** One connector group by id. */
export interface GetConnectorGroupRequest extends CallerOptions {
  connectorGroupId: DirectoryObjectId;
}

/** A new group: the domain's parsed {@link CreateConnectorGroupRequest} (name, region). */
export type CreateConnectorGroupCall = CreateConnectorGroupRequest & CallerOptions;

function unreadable(answer: UpstreamAnswer, what: string): AnsweredFailure {
  return {
    ok: false,
    kind: 'unknown',
    message: `the upstream answered ${answer.status} with a body that is not ${what}`,
    ...answered(answer),
  };
}

/**
 * `GET .../connectors` or `GET .../connectorGroups/{id}/members`, with `$expand=memberOf`: one
 * call per page whatever its size, each connector with its group. Retried as a read. A next link
 * gives only its `$skiptoken`; one without a usable token ends the list rather than being followed.
 */
export function listConnectors(
  context: OperationContext,
  request: ListConnectorsRequest,
): Promise<ListConnectorsResult> {
  const caller = callerFrom(request);
  const query = request.status === undefined ? {} : { status: request.status };
  const page = {
    top: request.top,
    ...(request.skipToken === undefined ? {} : { skipToken: request.skipToken }),
  };
  const path =
    context.basePath +
    (request.connectorGroupId === undefined
      ? connectorsPath(query, page)
      : connectorGroupMembersPath(request.connectorGroupId, query, page));
  return context.upstream.send<ListConnectorsResult>(
    { ...caller, operation: 'listConnectors', method: 'GET', path, retry: 'read' },
    (answer) => {
      const parsed = ConnectorPage.safeParse(answer.json);
      if (!parsed.success) return unreadable(answer, 'a page of connectors, each with its id');
      const link = parsed.data['@odata.nextLink'];
      const nextSkipToken = link === undefined ? undefined : skipTokenOf(link);
      return {
        ok: true,
        connectors: parsed.data.value satisfies ConnectorWithGroup[],
        ...(nextSkipToken === undefined ? {} : { nextSkipToken }),
        ...answered(answer),
      };
    },
  );
}

/** `GET .../connectorGroups/{id}`: one group, retried as a read; 404 is `notFound`. */
export function getConnectorGroup(
  context: OperationContext,
  request: GetConnectorGroupRequest,
): Promise<ConnectorGroupResult> {
  const caller = callerFrom(request);
  const path = context.basePath + connectorGroupPath(request.connectorGroupId);
  return context.upstream.send<ConnectorGroupResult>(
    { ...caller, operation: 'getConnectorGroup', method: 'GET', path, retry: 'read' },
    (answer) => {
      const parsed = ListedConnectorGroup.safeParse(answer.json);
      return parsed.success
        ? { ok: true, connectorGroup: parsed.data, ...answered(answer) }
        : unreadable(answer, 'a connector group with its id');
    },
  );
}

/**
 * `POST .../connectorGroups` with `{"name", "region"}`: a write, so retried only where nothing
 * was sent (a refused connection) or the upstream said so (429, 503, 504). A duplicate name is
 * Graph's 400, `invalidInput`.
 */
export function createConnectorGroup(
  context: OperationContext,
  request: CreateConnectorGroupCall,
): Promise<CreateConnectorGroupResult> {
  const caller = callerFrom(request);
  const body = JSON.stringify({ name: request.name, region: request.region });
  const path = context.basePath + connectorGroupsPath();
  return context.upstream.send<CreateConnectorGroupResult>(
    { ...caller, operation: 'createConnectorGroup', method: 'POST', path, body, retry: 'postSafe' },
    (answer) => {
      const parsed = ListedConnectorGroup.safeParse(answer.json);
      return parsed.success
        ? { ok: true, connectorGroup: parsed.data, ...answered(answer) }
        : unreadable(answer, 'the created connector group with its id');
    },
  );
}
