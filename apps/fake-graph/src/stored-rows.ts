import type {
  ConnectorGroupFields,
  ConnectorGroupRegion,
  ConnectorGroupType,
} from '@connectors/domain';

/** A connector group as fake-graph stores it: the domain's group as written, with its id. */
export type StoredGroup = ConnectorGroupFields & { id: string };

/** A group row as SQLite returns it. */
export interface GroupRow {
  id: string;
  name: string;
  connector_group_type: string;
  is_default: number;
  region: string;
}

/** The key names are compared on: Unicode-aware, unlike SQLite's ASCII-only NOCASE. */
export function groupNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

// Builds a fresh object, which also keeps libsql's extra `_metadata` row property from leaking.
/** A group row as the domain's group. */
export function toGroup(row: GroupRow): StoredGroup {
  return {
    id: row.id,
    connectorGroupType: row.connector_group_type as ConnectorGroupType,
    isDefault: row.is_default === 1,
    name: row.name,
    region: row.region as ConnectorGroupRegion,
  };
}

/** The columns {@link toGroup} reads, from `connector_groups g`. */
export const GROUP_COLUMNS = 'g.id, g.name, g.connector_group_type, g.is_default, g.region';
