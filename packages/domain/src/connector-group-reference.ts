import { z } from 'zod';
import { connectorGroupPath } from './graph-api-path.ts';
import { type DirectoryObjectId, GUID_PATTERN_SOURCE } from './ids.ts';
import { upstreamUrl } from './rest-path.ts';

/** What an `@odata.id` naming a connector group ends with, whatever the service's base. */
export const CONNECTOR_GROUP_REFERENCE_SUFFIX = new RegExp(
  `/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GUID_PATTERN_SOURCE}$`,
);

/**
 * The OData reference body of Graph's documented add (docs/rest-upstream.md, the graph profile):
 * `{"@odata.id": "{UPSTREAM_URL}/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{groupId}"}`.
 */
export const ConnectorGroupReference = z.object({
  '@odata.id': z
    .string()
    .regex(CONNECTOR_GROUP_REFERENCE_SUFFIX, {
      error: 'must be the URL of a connector group, ending in /connectorGroups/{GUID}',
    })
    .describe(
      'URL of the connector group: the upstream base with its version path, then /onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}',
    ),
});
export type ConnectorGroupReference = z.output<typeof ConnectorGroupReference>;

/**
 * Builds the reference body from the upstream base (checked by `parseUpstreamBase`: http(s), no
 * query, fragment or credentials) and the parsed group id (one segment).
 * @throws {TypeError} for a bad base
 */
export function connectorGroupReference(
  base: string,
  groupId: DirectoryObjectId,
): ConnectorGroupReference {
  return { '@odata.id': upstreamUrl(base, connectorGroupPath(groupId)) };
}
