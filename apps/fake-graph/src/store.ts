import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConnectorGroupRegion, ConnectorGroupType } from '@connectors/domain';
import Database from 'libsql';
import { migrate } from './migrations.ts';
import { SEED } from './seed.ts';

/** A connector group as fake-graph stores it. */
export interface StoredGroup {
  id: string;
  connectorGroupType: ConnectorGroupType;
  isDefault: boolean;
  name: string;
  region: ConnectorGroupRegion;
}

/** What {@link Store.createGroup} needs; `id` is server-assigned when absent. */
export type NewGroup = Omit<StoredGroup, 'id'> & { id?: string };

/** fake-graph's data: applications, their connector groups, connectors and memberships. */
export interface Store {
  /** The database file (or `:memory:`). */
  readonly databasePath: string;
  /** Runs `fn` in one write transaction (`BEGIN IMMEDIATE`): all of it lands, or none. */
  transaction<T>(fn: () => T): T;
  hasApplication(applicationId: string): boolean;
  /**
   * Creates an application with its default group ("Default", nam). The group id is the seed's
   * for the seeded application, else `defaultGroupId` or a new GUID.
   */
  createApplication(applicationId: string, defaultGroupId?: string): StoredGroup;
  defaultGroup(applicationId: string): StoredGroup | undefined;
  /** The application's group with that id (another application's group is not found). */
  findGroup(applicationId: string, groupId: string): StoredGroup | undefined;
  /** The application's group with that name, compared case-insensitively. */
  findGroupByName(applicationId: string, name: string): StoredGroup | undefined;
  createGroup(applicationId: string, group: NewGroup): StoredGroup;
  /** Creates the connector object if it does not exist yet. */
  addConnector(connectorId: string): void;
  /** True when the connector is a member of the application's default group. */
  isConnectorOf(applicationId: string, connectorId: string): boolean;
  /** Adds a membership; `false` when it already existed (decided by the primary key). */
  addMembership(connectorId: string, groupId: string): boolean;
  /** Removes a membership; `false` when there was none. */
  removeMembership(connectorId: string, groupId: string): boolean;
  /** The connector's groups in the application: the default first, then by creation. */
  groupsOf(applicationId: string, connectorId: string): StoredGroup[];
  /** Empties every table (the Pact state handlers start each interaction from nothing). */
  reset(): void;
  /** Adds the {@link SEED} records; safe to repeat. */
  seed(): void;
  close(): void;
}

interface GroupRow {
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
function toGroup(row: GroupRow): StoredGroup {
  return {
    id: row.id,
    connectorGroupType: row.connector_group_type as ConnectorGroupType,
    isDefault: row.is_default === 1,
    name: row.name,
    region: row.region as ConnectorGroupRegion,
  };
}

const GROUP_COLUMNS = 'g.id, g.name, g.connector_group_type, g.is_default, g.region';

/**
 * Opens (creating if needed) fake-graph's SQLite database: WAL, foreign keys on, migrated, and
 * seeded with {@link SEED} when the file is new. The folder is created too.
 */
export function openStore(databasePath: string): Store {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  const db = new Database(databasePath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Several connections (tests, a second process) may write the same file: wait, not fail.
    db.pragma('busy_timeout = 5000');
    const versionBefore = migrate(db);
    const store = createStore(db, databasePath);
    if (versionBefore === 0) store.seed();
    return store;
  } catch (error) {
    db.close();
    throw error;
  }
}

function createStore(db: Database.Database, databasePath: string): Store {
  const statements = {
    hasApplication: db.prepare('SELECT 1 FROM applications WHERE id = ?'),
    insertApplication: db.prepare('INSERT INTO applications (id) VALUES (?)'),
    insertGroup: db.prepare(
      `INSERT INTO connector_groups
         (id, application_id, name, name_key, connector_group_type, is_default, region)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    groupById: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g WHERE g.application_id = ? AND g.id = ?`,
    ),
    groupByName: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g WHERE g.application_id = ? AND g.name_key = ?`,
    ),
    defaultGroup: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g WHERE g.application_id = ? AND g.is_default = 1`,
    ),
    insertConnector: db.prepare('INSERT INTO connectors (id) VALUES (?) ON CONFLICT DO NOTHING'),
    insertMembership: db.prepare(
      'INSERT INTO memberships (connector_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    deleteMembership: db.prepare('DELETE FROM memberships WHERE connector_id = ? AND group_id = ?'),
    isConnectorOf: db.prepare(
      `SELECT 1 FROM memberships m JOIN connector_groups g ON g.id = m.group_id
       WHERE g.application_id = ? AND g.is_default = 1 AND m.connector_id = ?`,
    ),
    groupsOf: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM memberships m JOIN connector_groups g ON g.id = m.group_id
       WHERE g.application_id = ? AND m.connector_id = ?
       ORDER BY g.is_default DESC, g.rowid`,
    ),
  };

  const transaction = <T>(fn: () => T): T => {
    if (!db.inTransaction) return db.transaction(fn).immediate();
    // libsql's transaction() does not nest as better-sqlite3's does; a savepoint does the same.
    db.exec('SAVEPOINT nested');
    try {
      const result = fn();
      db.exec('RELEASE nested');
      return result;
    } catch (error) {
      db.exec('ROLLBACK TO nested; RELEASE nested');
      throw error;
    }
  };
  const groupRow = (row: unknown) => (row === undefined ? undefined : toGroup(row as GroupRow));

  const store: Store = {
    databasePath,
    transaction,
    hasApplication: (applicationId) => statements.hasApplication.get(applicationId) !== undefined,
    createApplication(applicationId, defaultGroupId) {
      return transaction(() => {
        statements.insertApplication.run(applicationId);
        return store.createGroup(applicationId, {
          id:
            applicationId === SEED.applicationId
              ? SEED.defaultGroup.id
              : (defaultGroupId ?? randomUUID()),
          connectorGroupType: 'applicationProxy',
          isDefault: true,
          name: SEED.defaultGroup.name,
          region: SEED.defaultGroup.region,
        });
      });
    },
    defaultGroup: (applicationId) => groupRow(statements.defaultGroup.get(applicationId)),
    findGroup: (applicationId, groupId) =>
      groupRow(statements.groupById.get(applicationId, groupId)),
    findGroupByName: (applicationId, name) =>
      groupRow(statements.groupByName.get(applicationId, groupNameKey(name))),
    createGroup(applicationId, group) {
      // Field by field: a caller's object may carry more (a request body's `@odata.type`).
      const created: StoredGroup = {
        id: group.id ?? randomUUID(),
        connectorGroupType: group.connectorGroupType,
        isDefault: group.isDefault,
        name: group.name,
        region: group.region,
      };
      statements.insertGroup.run(
        created.id,
        applicationId,
        created.name,
        groupNameKey(created.name),
        created.connectorGroupType,
        created.isDefault ? 1 : 0,
        created.region,
      );
      return created;
    },
    addConnector(connectorId) {
      statements.insertConnector.run(connectorId);
    },
    isConnectorOf: (applicationId, connectorId) =>
      statements.isConnectorOf.get(applicationId, connectorId) !== undefined,
    addMembership: (connectorId, groupId) =>
      statements.insertMembership.run(connectorId, groupId).changes === 1,
    removeMembership: (connectorId, groupId) =>
      statements.deleteMembership.run(connectorId, groupId).changes === 1,
    groupsOf: (applicationId, connectorId) =>
      statements.groupsOf.all(applicationId, connectorId).map((row) => toGroup(row as GroupRow)),
    reset() {
      transaction(() => {
        // Children first; the cascades would do it too, but this does not depend on them.
        db.exec(
          'DELETE FROM memberships; DELETE FROM connectors; DELETE FROM connector_groups; DELETE FROM applications;',
        );
      });
    },
    seed() {
      transaction(() => {
        if (!store.hasApplication(SEED.applicationId)) {
          store.createApplication(SEED.applicationId);
        }
        store.addConnector(SEED.connectorId);
        store.addMembership(SEED.connectorId, SEED.defaultGroup.id);
      });
    },
    close() {
      db.close();
    },
  };
  return store;
}
