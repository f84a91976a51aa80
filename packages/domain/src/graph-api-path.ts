import type { ConnectorGroupsQuery } from './connector-group-list.ts';
import type { DirectoryObjectId } from './ids.ts';
import { filterQuery, nameEqualsFilter } from './odata-filter.ts';
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

/**
 * `.../connectorGroups`, with `?$filter=name eq '<name>'` when a name is given: the name quoted
 * as an OData literal and the whole filter one percent-encoded query component. The query is
 * the parsed {@link ConnectorGroupsQuery} (its name trimmed, well-formed), not checked again.
 */
export function connectorGroupsPath(query: ConnectorGroupsQuery = {}): string {
  const path = `${APPLICATION_PROXY_PATH}/connectorGroups`;
  return query.name === undefined ? path : `${path}?${filterQuery(nameEqualsFilter(query.name))}`;
}
