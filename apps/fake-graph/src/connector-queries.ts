import type Database from 'libsql';
import type { Page, PageRequest } from './paging.ts';
import {
  GROUP_COLUMNS,
  type GroupRow,
  groupNameKey,
  type StoredGroup,
  toGroup,
} from './stored-rows.ts';

/** A connector as fake-graph stores it, with the one group it is in. */
export interface StoredConnector {
  id: string;
  machineName: string;
  externalIp: string | null;
  status: string;
  version: string | null;
  group: StoredGroup;
}

/** What {@link ConnectorQueries.putConnector} writes: a connector's details and its group. */
export interface ConnectorDetails {
  id: string;
  machineName: string;
  externalIp?: string | null;
  status: string;
  version?: string | null;
  groupId: string;
}

/** What the connector lists filter on: Graph's `status eq`, and a group (its members route). */
export interface ConnectorFilter {
  status?: string;
  groupId?: string;
}

/** The reads and writes of Graph beta's connector routes, and the groups list a page at a time. */
export interface ConnectorQueries {
  /** One connector with its group; `undefined` when there is none. */
  getConnector(connectorId: string): StoredConnector | undefined;
  /** A page of connectors in creation order, each with its group. */
  listConnectors(filter: ConnectorFilter, page: PageRequest): Page<StoredConnector>;
  /** Creates or updates a connector (details and group) in one statement. */
  putConnector(details: ConnectorDetails): void;
  /** A page of groups, default ones first, then by creation; by name when given. */
  listGroupsPage(filter: { name?: string | undefined }, page: PageRequest): Page<StoredGroup>;
}

interface ConnectorRow extends GroupRow {
  connector_id: string;
  machine_name: string;
  external_ip: string | null;
  status: string;
  version: string | null;
  position: number;
}

interface PagedGroupRow extends GroupRow {
  rank: number;
  position: number;
}

function toConnector(row: ConnectorRow): StoredConnector {
  return {
    id: row.connector_id,
    machineName: row.machine_name,
    externalIp: row.external_ip,
    status: row.status,
    version: row.version,
    group: toGroup(row),
  };
}

// One more row than the page holds says whether another page follows, without a COUNT.
function pageOf<R, T>(rows: R[], top: number, map: (row: R) => T, position: (row: R) => number[]) {
  const items = rows.slice(0, top);
  const last = items.at(-1);
  return {
    items: items.map(map),
    next: rows.length > top && last !== undefined ? position(last) : undefined,
  };
}

/** The queries over `db`, prepared once. */
export function connectorQueries(db: Database.Database): ConnectorQueries {
  const connectorColumns = `c.id AS connector_id, c.machine_name, c.external_ip, c.status, c.version,
    c.rowid AS position, ${GROUP_COLUMNS}`;
  const statements = {
    connector: db.prepare(
      `SELECT ${connectorColumns} FROM connectors c JOIN connector_groups g ON g.id = c.group_id
       WHERE c.id = ?`,
    ),
    connectors: db.prepare(
      `SELECT ${connectorColumns} FROM connectors c JOIN connector_groups g ON g.id = c.group_id
       WHERE c.rowid > @after AND (@status IS NULL OR c.status = @status)
         AND (@groupId IS NULL OR c.group_id = @groupId)
       ORDER BY c.rowid LIMIT @limit`,
    ),
    putConnector: db.prepare(
      `INSERT INTO connectors (id, group_id, machine_name, external_ip, status, version)
       VALUES (@id, @groupId, @machineName, @externalIp, @status, @version)
       ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id,
         machine_name = excluded.machine_name, external_ip = excluded.external_ip,
         status = excluded.status, version = excluded.version`,
    ),
    // Rank 0 for default groups, 1 for the others: the list's order, and half of its position.
    groups: db.prepare(
      `SELECT ${GROUP_COLUMNS}, 1 - g.is_default AS rank, g.rowid AS position
       FROM connector_groups g
       WHERE (1 - g.is_default, g.rowid) > (@rank, @after)
         AND (@nameKey IS NULL OR g.name_key = @nameKey)
       ORDER BY rank, g.rowid LIMIT @limit`,
    ),
  };
  return {
    getConnector(connectorId) {
      const row = statements.connector.get(connectorId) as ConnectorRow | undefined;
      return row === undefined ? undefined : toConnector(row);
    },
    listConnectors(filter, page) {
      const rows = statements.connectors.all({
        after: page.after?.[0] ?? 0,
        status: filter.status ?? null,
        groupId: filter.groupId ?? null,
        limit: page.top + 1,
      }) as ConnectorRow[];
      return pageOf(rows, page.top, toConnector, (row) => [row.position]);
    },
    putConnector(details) {
      statements.putConnector.run({
        ...details,
        externalIp: details.externalIp ?? null,
        version: details.version ?? null,
      });
    },
    listGroupsPage(filter, page) {
      const rows = statements.groups.all({
        rank: page.after?.[0] ?? -1,
        after: page.after?.[1] ?? 0,
        nameKey: filter.name === undefined ? null : groupNameKey(filter.name),
        limit: page.top + 1,
      }) as PagedGroupRow[];
      return pageOf(rows, page.top, toGroup, (row) => [row.rank, row.position]);
    },
  };
}
