import { ConnectorGroupsQuery } from './connector-group-list.ts';
import { filterQuery, nameEqualsFilter } from './odata-filter.ts';
import { idSegment } from './rest-path.ts';
import { toValidationIssues, ValidationError } from './validation.ts';

/**
 * Paths of Microsoft Graph's documented connector-group operations (API.md section 7, the
 * `graph` upstream profile), relative to the upstream base with its version path
 * (`https://graph.microsoft.com/beta`). Each id is validated and one percent-encoded segment;
 * `$ref` and `$filter` stay literal.
 */
export const APPLICATION_PROXY_PATH = '/onPremisesPublishingProfiles/applicationProxy';

/**
 * `/onPremisesPublishingProfiles/applicationProxy/connectors/{connectorId}/memberOf`: the list.
 * @throws {ValidationError} when the id is not a GUID
 */
export function connectorMemberOfPath(connectorId: string): string {
  return `${APPLICATION_PROXY_PATH}/connectors/${idSegment('connectorId', connectorId)}/memberOf`;
}

/**
 * `.../connectors/{connectorId}/memberOf/$ref`: the POST that adds a membership by reference.
 * @throws {ValidationError} when the id is not a GUID
 */
export function connectorMemberOfRefPath(connectorId: string): string {
  return `${connectorMemberOfPath(connectorId)}/$ref`;
}

/**
 * `.../connectorGroups/{groupId}`: one group, the target of an `@odata.id` reference.
 * @throws {ValidationError} when the id is not a GUID
 */
export function connectorGroupPath(groupId: string): string {
  return `${APPLICATION_PROXY_PATH}/connectorGroups/${idSegment('groupId', groupId)}`;
}

/**
 * `.../connectorGroups`, with `?$filter=name eq '<name>'` when a name is given: the name quoted
 * as an OData literal and the whole filter one percent-encoded query component.
 * @throws {ValidationError} when the name breaks the rules of {@link ConnectorGroupsQuery}
 */
export function connectorGroupsPath(query: { name?: string | undefined } = {}): string {
  const parsed = ConnectorGroupsQuery.safeParse(query);
  if (!parsed.success) throw new ValidationError(toValidationIssues(parsed.error));
  const path = `${APPLICATION_PROXY_PATH}/connectorGroups`;
  return parsed.data.name === undefined
    ? path
    : `${path}?${filterQuery(nameEqualsFilter(parsed.data.name))}`;
}
