import type { ConnectorStatus } from './connector.ts';
import type { ConnectorGroupsQuery } from './connector-group-list.ts';
import type { DirectoryObjectId } from './ids.ts';
import { filterQuery, nameEqualsFilter, statusEqualsFilter } from './odata-filter.ts';
import { type PageRequest, pageQuery } from './paging.ts';
import { idSegment } from './rest-path.ts';

/**
 * Paths of Microsoft Graph's documented connector-group operations (docs/rest-upstream.md, the graph profile, the
 * `graph` upstream profile), relative to the upstream base with its version path
 * (`https://graph.microsoft.com/beta`). Each id is the domain's parsed {@link DirectoryObjectId},
 * one percent-encoded segment; `$ref` and `$filter` stay literal.
 */
export const APPLICATION_PROXY_PATH = '/onPremisesPublishingProfiles/applicationProxy';

/** `/onPremisesPublishingProfiles/applicationProxy/connectors/{connectorId}/memberOf`: the list. */
export function connectorMemberOfPath(connectorId: DirectoryObjectId): string {
  return `${APPLICATION_PROXY_PATH}/connectors/${idSegment('connectorId', connectorId)}/memberOf`;
}

/** `.../connectors/{connectorId}/memberOf/$ref`: the POST that adds a membership by reference. */
export function connectorMemberOfRefPath(connectorId: DirectoryObjectId): string {
  return `${connectorMemberOfPath(connectorId)}/$ref`;
}

/** `.../connectorGroups/{groupId}`: one group, the target of an `@odata.id` reference. */
export function connectorGroupPath(groupId: DirectoryObjectId): string {
  return `${APPLICATION_PROXY_PATH}/connectorGroups/${idSegment('groupId', groupId)}`;
}

function withQuery(path: string, parts: readonly string[]): string {
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}

/**
 * `.../connectorGroups`, with `?$filter=name eq '<name>'` when a name is given: the name quoted
 * as an OData literal and the whole filter one percent-encoded query component. The query is
 * the parsed {@link ConnectorGroupsQuery} (its name trimmed, well-formed), not checked again.
 * `page` adds `$top` and `$skiptoken`.
 */
export function connectorGroupsPath(
  query: ConnectorGroupsQuery = {},
  page: PageRequest = {},
): string {
  const filter = query.name === undefined ? [] : [filterQuery(nameEqualsFilter(query.name))];
  return withQuery(`${APPLICATION_PROXY_PATH}/connectorGroups`, [...filter, ...pageQuery(page)]);
}

/** What a connector list asks for: a status, and always each connector's group. */
export interface ConnectorsQuery {
  status?: ConnectorStatus;
}

// `$expand=memberOf`: each connector's one group in the same answer, so a page of connectors with
// their groups is one upstream call whatever the page size (no N+1).
const EXPAND_MEMBER_OF = '$expand=memberOf';

function connectorListQuery(query: ConnectorsQuery, page: PageRequest): string[] {
  const filter = query.status === undefined ? [] : [filterQuery(statusEqualsFilter(query.status))];
  return [...filter, EXPAND_MEMBER_OF, ...pageQuery(page)];
}

/** `.../connectors?[$filter=status eq '...'&]$expand=memberOf[&$top=..][&$skiptoken=..]`. */
export function connectorsPath(query: ConnectorsQuery = {}, page: PageRequest = {}): string {
  return withQuery(`${APPLICATION_PROXY_PATH}/connectors`, connectorListQuery(query, page));
}

/** `.../connectors/{connectorId}`: one connector. */
export function connectorPath(connectorId: DirectoryObjectId): string {
  return `${APPLICATION_PROXY_PATH}/connectors/${idSegment('connectorId', connectorId)}`;
}

/** `.../connectorGroups/{groupId}/members?...`: a group's connectors, as {@link connectorsPath}. */
export function connectorGroupMembersPath(
  groupId: DirectoryObjectId,
  query: ConnectorsQuery = {},
  page: PageRequest = {},
): string {
  return withQuery(`${connectorGroupPath(groupId)}/members`, connectorListQuery(query, page));
}
