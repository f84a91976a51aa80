import {
  ConnectorGroupList,
  type ConnectorGroupName,
  type ConnectorGroupsQuery,
  connectorGroupsPath,
  type ListedConnectorGroup,
} from '@connectors/domain';
import { type Caller, type CallerOptions, redactor } from '../caller.ts';
import type { GraphFailure, ListConnectorGroupsResult } from '../result.ts';
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
 * `GET .../applicationProxy/connectorGroups`, with `$filter=name eq '<name>'` when a name is
 * given; with a name, only exact matches are returned. Retried as a read.
 */
export function listConnectorGroups(
  context: OperationContext,
  query: ConnectorGroupsQuery,
  operation: 'listConnectorGroups' | 'lookupConnectorGroup',
  caller: Caller,
): Promise<ListConnectorGroupsResult> {
  const path = context.basePath + connectorGroupsPath(query);
  return context.upstream.send<ListConnectorGroupsResult>(
    { ...caller, operation, method: 'GET', path, retry: 'read' },
    (answer) => {
      const parsed = ConnectorGroupList.safeParse(answer.json);
      return parsed.success
        ? {
            ok: true,
            connectorGroups: withExactName(parsed.data.value, query.name),
            ...answered(answer),
          }
        : {
            ok: false,
            kind: 'unknown',
            message: `the upstream answered ${answer.status} with a body that is not a list of connector groups, each with its id`,
            ...answered(answer),
          };
    },
  );
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
