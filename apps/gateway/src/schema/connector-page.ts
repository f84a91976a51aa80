import {
  type ConnectorGroup,
  type ConnectorStatus,
  type ConnectorWithGroup,
  DirectoryObjectId,
  type Validated,
  type ValidationIssue,
} from '@connectors/domain';
import type { ListConnectorsRequest } from '@connectors/graph-client';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { type CursorPosition, DEFAULT_FIRST, decodeCursor, MAX_FIRST } from '../paging/cursor.ts';
import { type Connection, connectionOf, upstreamPage } from '../paging/page-window.ts';
import { resolveUpstreamField, type UpstreamFieldOutcome } from './upstream-field.ts';

/** `first` and `after` as graphql-js hands them over (explicit null allowed). */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** `members(first, after)`. */
export type MembersArgs = PageArgs;

/** A page request checked: how many, from where, in which list. */
export interface CheckedPage {
  first: number;
  position: CursorPosition | undefined;
}

/** A connector list's filter after the domain's parse. */
export interface ConnectorListFilter {
  status?: ConnectorStatus;
  connectorGroupId?: DirectoryObjectId;
}

/** A connector list's validated arguments. */
export interface ConnectorListRequest extends CheckedPage {
  filter: ConnectorListFilter;
  list: string;
}

const issue = (field: string[], message: string): ValidationIssue => ({
  code: 'invalidInput',
  field,
  message: `${field.join('.')} ${message}`,
});

/**
 * Checks `first` (1 to {@link MAX_FIRST}) and `after` (a cursor of exactly the list `list`,
 * filter included), adding an issue for each that is wrong. No upstream call on any.
 */
export function checkPage(args: PageArgs, list: string, issues: ValidationIssue[]): CheckedPage {
  const first = args.first ?? DEFAULT_FIRST;
  if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    issues.push(issue(['first'], `must be from 1 to ${MAX_FIRST}`));
  }
  let position: CursorPosition | undefined;
  if (args.after != null) {
    position = decodeCursor(args.after, list);
    if (position === undefined) {
      issues.push(
        issue(
          ['after'],
          'is not a cursor this list gave out (edited, or from another list or filter): pass an endCursor of the same field with the same arguments',
        ),
      );
    }
  }
  return { first, position };
}

/**
 * The list a connector cursor belongs to: the connectors, narrowed by the filter. A cursor names
 * it, so a cursor of the inactive connectors is refused by the list of active ones.
 */
export function connectorListKey(filter: ConnectorListFilter): string {
  return `connectors|${filter.status ?? ''}|${filter.connectorGroupId ?? ''}`;
}

/** The `filter` argument as graphql-js hands it over (the status already its REST value). */
export interface ConnectorFilterArgs {
  status?: string | null;
  connectorGroupId?: string | null;
}

/**
 * Validates a connector list's arguments. `UNKNOWN_FUTURE_VALUE` as a status is refused: nothing
 * can be asked of Graph by a value it has not defined.
 */
export function validateConnectorList(
  args: PageArgs & { filter?: ConnectorFilterArgs | null },
): Validated<ConnectorListRequest> {
  const issues: ValidationIssue[] = [];
  const filter: ConnectorListFilter = {};
  const status = args.filter?.status;
  if (status != null) {
    if (status === 'active' || status === 'inactive') filter.status = status;
    else
      issues.push(
        issue(
          ['filter', 'status'],
          'must be ACTIVE or INACTIVE: UNKNOWN_FUTURE_VALUE cannot be filtered on',
        ),
      );
  }
  const groupId = args.filter?.connectorGroupId;
  if (groupId != null) {
    const parsed = DirectoryObjectId.safeParse(groupId);
    if (parsed.success) filter.connectorGroupId = parsed.data;
    else
      issues.push(
        issue(['filter', 'connectorGroupId'], parsed.error.issues[0]?.message ?? 'must be a GUID'),
      );
  }
  const list = connectorListKey(filter);
  const page = checkPage(args, list, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { ...page, filter, list } };
}

/** One call for one page of connectors, each with its group, as a connection. */
export async function connectorPage(
  context: GatewayContext,
  request: ConnectorListRequest,
  upstream: Pick<ListConnectorsRequest, 'authorization' | 'clientRequestId' | 'signal'>,
) {
  const asked = upstreamPage(request.position, request.first);
  const result = await context.client.listConnectors({
    ...upstream,
    ...request.filter,
    top: asked.top,
    ...(asked.skipToken === undefined ? {} : { skipToken: asked.skipToken }),
  });
  if (!result.ok) return result;
  return {
    ...result,
    connection: connectionOf(request.list, asked, result.connectors, result.nextSkipToken),
  };
}

// Groups whose `members` may be read: those `Query.connectorGroup` returned. Anywhere else (a list
// of groups, a connector's group) members would cost one upstream call per group.
const membersReadable = new WeakSet<object>();

/** Lets `members` be read on this group (it came from `Query.connectorGroup`). */
export function allowMembers<T extends object>(group: T): T {
  membersReadable.add(group);
  return group;
}

/**
 * `ConnectorGroup.members`: null unless the group came from `Query.connectorGroup`; else one
 * upstream call for the page. Its failures are GraphQL errors (a nested field has no
 * `userErrors`), coded as the user error would be (`extensions.code` INVALID_INPUT for a bad
 * `first` or `after`, with no upstream call; NOT_FOUND when the group is gone; `extensions.field`
 * its path), and the faults of docs/errors.md.
 */
export async function resolveMembers(
  group: ConnectorGroup,
  args: MembersArgs,
  context: GatewayContext,
): Promise<Connection<ConnectorWithGroup> | null> {
  if (!membersReadable.has(group) || group.id === undefined) return null;
  const outcome: UpstreamFieldOutcome<{ ok: true; connection: Connection<ConnectorWithGroup> }> =
    await resolveUpstreamField(context, {
      operation: 'connectorGroup.members',
      validate: () => validateConnectorList({ ...args, filter: { connectorGroupId: group.id } }),
      issuePrefix: ['members'],
      call: (request, upstream) => connectorPage(context, request, upstream),
      groupField: null,
    });
  const [first] = outcome.userErrors;
  if (first !== undefined) {
    // A GraphQLError without an originalError: yoga's masking lets it through as is.
    throw new GraphQLError(first.message, {
      extensions: {
        code: first.code,
        field: first.field,
        ...(outcome.requestId === null ? {} : { requestId: outcome.requestId }),
      },
    });
  }
  return outcome.success?.connection ?? null;
}
