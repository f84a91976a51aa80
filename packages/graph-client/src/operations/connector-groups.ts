import {
  ConnectorGroupList,
  type ConnectorGroupName,
  type ConnectorGroupsQuery,
  connectorGroupsPath,
  type ListedConnectorGroup,
  type PageRequest,
  type SkipToken,
  skipTokenOf,
} from '@connectors/domain';
import { type Caller, type CallerOptions, redactor } from '../caller.ts';
import type {
  GraphFailure,
  ListConnectorGroupsPageResult,
  ListConnectorGroupsResult,
} from '../result.ts';
import { answered } from '../upstream-answer.ts';
import type { OperationContext } from './operation-context.ts';

/**
 * Listing the tenant's connector groups, or those with exactly one name: the parsed
 * {@link ConnectorGroupsQuery} (its name trimmed, 1 to 256 characters). Absent: every group.
 */
export type ListConnectorGroupsRequest = ConnectorGroupsQuery & CallerOptions;

// Where the lookup's two failures point, as paths in the gateway's GraphQL operation: no group
// has the name (fix the name), or several do (give the id).
const LOOKUP_NAME_FIELD = ['input', 'connectorGroup', 'name'];
const LOOKUP_ID_FIELD = ['input', 'connectorGroup', 'id'];
// Enough ids for a person to pick from; the rest are counted, not listed.
const MAX_IDS_IN_MESSAGE = 5;

// Graph's `eq` on a string property may ignore case (directory queries often do); the lookup and
// the filtered list promise an exact name, so the answer is filtered here too, ordinal and
// case-sensitive, with no Unicode normalisation: what the caller typed, code unit for code unit.
function withExactName(groups: ListedConnectorGroup[], name: ConnectorGroupName | undefined) {
  return name === undefined ? groups : groups.filter((group) => group.name === name);
}

/**
 * Pages followed by the complete list before it gives up: 50 pages of Graph's default 100 groups
 * are 5,000 groups, past any tenant's picker. A list cut there fails rather than being partial.
 */
export const MAX_GROUP_PAGES = 50;

/** A page of the groups list: how many, and the `$skiptoken` of the page to read. */
export type ListConnectorGroupsPageRequest = ListConnectorGroupsRequest & PageRequest;

/**
 * One page of `GET .../applicationProxy/connectorGroups` (`$filter=name eq '<name>'` when a name
 * is given, `$top`, `$skiptoken`), with the next page's token when the answer named one (only
 * its `$skiptoken` is taken from the link). With a name, only exact matches are returned.
 * Retried as a read.
 */
export function listConnectorGroupsPage(
  context: OperationContext,
  query: ConnectorGroupsQuery,
  page: PageRequest,
  operation: 'listConnectorGroups' | 'lookupConnectorGroup',
  caller: Caller,
): Promise<ListConnectorGroupsPageResult> {
  const path = context.basePath + connectorGroupsPath(query, page);
  return context.upstream.send<ListConnectorGroupsPageResult>(
    { ...caller, operation, method: 'GET', path, retry: 'read' },
    (answer) => {
      const parsed = ConnectorGroupList.safeParse(answer.json);
      if (!parsed.success) {
        return {
          ok: false,
          kind: 'unknown',
          message: `the upstream answered ${answer.status} with a body that is not a list of connector groups, each with its id`,
          ...answered(answer),
        };
      }
      const link = parsed.data['@odata.nextLink'];
      const nextSkipToken = link === undefined ? undefined : skipTokenOf(link);
      return {
        ok: true,
        connectorGroups: withExactName(parsed.data.value, query.name),
        ...(nextSkipToken === undefined ? {} : { nextSkipToken }),
        ...answered(answer),
      };
    },
  );
}

/**
 * The whole list: every page, following each answer's `$skiptoken` (never its link), up to
 * {@link MAX_GROUP_PAGES}. Before issue 16 only the first page was read, so a tenant with more
 * groups than a page saw a partial picker and a lookup by name could miss its group.
 */
export async function listConnectorGroups(
  context: OperationContext,
  query: ConnectorGroupsQuery,
  operation: 'listConnectorGroups' | 'lookupConnectorGroup',
  caller: Caller,
): Promise<ListConnectorGroupsResult> {
  const connectorGroups: ListedConnectorGroup[] = [];
  let skipToken: SkipToken | undefined;
  for (let page = 0; page < MAX_GROUP_PAGES; page++) {
    const listed = await listConnectorGroupsPage(
      context,
      query,
      skipToken === undefined ? {} : { skipToken },
      operation,
      caller,
    );
    if (!listed.ok) return listed;
    connectorGroups.push(...listed.connectorGroups);
    if (listed.nextSkipToken === undefined) {
      const { nextSkipToken: _none, ...last } = listed;
      return { ...last, connectorGroups };
    }
    skipToken = listed.nextSkipToken;
  }
  return {
    ok: false,
    kind: 'unknown',
    message: `the connector group list runs past ${MAX_GROUP_PAGES} pages; narrow it by name, or page it with connectorGroupsConnection`,
    // Every page was read from the upstream (merge of issues 15 and 16: every failure says sent).
    sent: true,
  };
}

/**
 * One group by exact name, through the filtered list: a read, retried as reads are. None is
 * `notFound` on the name, several `invalidInput` on the id (listing up to five candidates).
 */
export async function lookupConnectorGroupByName(
  context: OperationContext,
  name: ConnectorGroupName,
  caller: Caller,
): Promise<{ ok: true; group: ListedConnectorGroup } | GraphFailure> {
  const listed = await listConnectorGroups(context, { name }, 'lookupConnectorGroup', caller);
  if (!listed.ok) return listed;
  const redact = redactor(caller.authorization);
  // Answered by the list: sent, whatever the lookup makes of it.
  const ids = {
    sent: true,
    status: listed.status,
    ...(listed.requestId === undefined ? {} : { requestId: listed.requestId }),
  };
  const [only, ...others] = listed.connectorGroups;
  if (only === undefined) {
    return {
      ok: false,
      kind: 'notFound',
      message: redact(
        `no connector group is named ${JSON.stringify(name)}; groups are never created by this operation: create it first, or name an existing one`,
      ),
      field: LOOKUP_NAME_FIELD,
      ...ids,
    };
  }
  if (others.length > 0) {
    const all = listed.connectorGroups.map((group) => group.id);
    const shown = all.slice(0, MAX_IDS_IN_MESSAGE).join(', ');
    const more =
      all.length > MAX_IDS_IN_MESSAGE ? ` and ${all.length - MAX_IDS_IN_MESSAGE} more` : '';
    return {
      ok: false,
      kind: 'invalidInput',
      message: redact(
        `${all.length} connector groups are named ${JSON.stringify(name)} (${shown}${more}): name the one you mean by connectorGroup.id`,
      ),
      field: LOOKUP_ID_FIELD,
      ...ids,
    };
  }
  return { ok: true, group: only };
}
