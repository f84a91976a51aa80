import { z } from 'zod';
import {
  ConnectorGroup,
  ConnectorGroupCollection,
  ConnectorGroupInput,
  connectorGroupInput,
  type ValueNames,
} from './connector-group.ts';
import { DirectoryObjectId } from './ids.ts';

/**
 * The connector-group list's one filter: an exact `name`, with the rules of a name as written
 * (trimmed, 1 to 256 characters, no control characters, no lone surrogate), since the lookup
 * looks for the group a write would name.
 */
export const ConnectorGroupsQuery = ConnectorGroupInput.pick({ name: true }).partial();
export type ConnectorGroupsQuery = z.output<typeof ConnectorGroupsQuery>;

/**
 * A group as the tenant-wide list returns it: the tolerant reader of {@link ConnectorGroup},
 * with `id` required, since a listed group is an entity a caller will reference by id.
 */
export const ListedConnectorGroup = ConnectorGroup.extend({ id: DirectoryObjectId });
export type ListedConnectorGroup = z.output<typeof ListedConnectorGroup>;

/**
 * `GET .../applicationProxy/connectorGroups`: a page of listed groups (`@odata.nextLink` when
 * more follow). An item that
 * cannot be read fails the whole list rather than being dropped: a lookup by name must never
 * mistake "unreadable" for "absent".
 */
export const ConnectorGroupList = ConnectorGroupCollection.extend({
  '@odata.nextLink': z.string().optional(),
  value: z.array(ListedConnectorGroup),
});
export type ConnectorGroupList = z.output<typeof ConnectorGroupList>;

/**
 * `POST .../applicationProxy/connectorGroups`: what a new group needs, a name (the rules of a
 * name as written) and a writable region, messages naming values as `names` says.
 */
export function createConnectorGroupRequest(names: ValueNames = {}) {
  return connectorGroupInput(names).pick({ name: true, region: true });
}

/** What `POST .../connectorGroups` sends: `{ "name": ..., "region": ... }` (Graph beta's example). */
export const CreateConnectorGroupRequest = createConnectorGroupRequest();
export type CreateConnectorGroupRequest = z.output<typeof CreateConnectorGroupRequest>;
