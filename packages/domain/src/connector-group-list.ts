import { z } from 'zod';
import {
  ConnectorGroup,
  ConnectorGroupCollection,
  ConnectorGroupInput,
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
 * `GET .../applicationProxy/connectorGroups`: an OData collection of listed groups. An item that
 * cannot be read fails the whole list rather than being dropped: a lookup by name must never
 * mistake "unreadable" for "absent".
 */
export const ConnectorGroupList = ConnectorGroupCollection.extend({
  value: z.array(ListedConnectorGroup),
});
export type ConnectorGroupList = z.output<typeof ConnectorGroupList>;
