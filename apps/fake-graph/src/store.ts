import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type ConnectorGroupFields,
  type ConnectorGroupsQuery,
  connectorGroupFields,
} from '@connectors/domain';
import Database from 'libsql';
import type { z } from 'zod';
import { type ConnectorQueries, connectorQueries } from './connector-queries.ts';
import { migrate } from './migrations.ts';
import { SEED } from './seed.ts';
import {
  GROUP_COLUMNS,
  type GroupRow,
  groupNameKey,
  type StoredGroup,
  toGroup,
} from './stored-rows.ts';
import { seedTenant } from './tenant-seed.ts';

export type { StoredGroup } from './stored-rows.ts';
export { groupNameKey } from './stored-rows.ts';

/** What {@link Store.createGroup} needs; `id` is server-assigned when absent. */
export type NewGroup = ConnectorGroupFields;

/** What {@link Store.listGroups} filters on: the domain's list query, before its parse. */
export type GroupFilter = z.input<typeof ConnectorGroupsQuery>;

/** fake-graph's data: one tenant's applications, connector groups and connectors. */
export interface Store extends ConnectorQueries {
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
  /**
   * The tenant's "Default" group: the seeded application's, with the seed's id. Created, with
   * the seeded application, when missing (after a reset).
   */
  ensureTenantDefaultGroup(): StoredGroup;
  /**
   * A group as the seed path sees it from an application: one of the application's groups, or a
   * tenant group made for no application. Another application's group is not found.
   */
  findGroup(applicationId: string, groupId: string): StoredGroup | undefined;
  /** The application's own group with that name, compared case-insensitively. */
  findGroupByName(applicationId: string, name: string): StoredGroup | undefined;
  /** Any group of the tenant. */
  getGroup(groupId: string): StoredGroup | undefined;
  /**
   * The tenant's groups, default ones first, then by creation; with `name`, only those of that
   * name (compared case-insensitively, as {@link findGroupByName}).
   */
  listGroups(filter?: GroupFilter): StoredGroup[];
  /**
   * Creates a group for an application (unique by name within it), or with `null` a tenant
   * group of no application (names need not be unique, as on Graph).
   */
  createGroup(applicationId: string | null, group: NewGroup): StoredGroup;
  hasConnector(connectorId: string): boolean;
  /**
   * Creates the connector in `groupId` (default: the tenant's "Default" group) when it does not
   * exist yet; an existing connector stays in its group.
   * @returns whether it was created
   */
  addConnector(connectorId: string, groupId?: string): boolean;
  /** Deletes the connector (and its applications' hold on it); `false` when there was none. */
  removeConnector(connectorId: string): boolean;
  /** True when the connector is one of the application's, whichever group it is in. */
  isConnectorOf(applicationId: string, connectorId: string): boolean;
  /** Makes an existing connector one of the application's; safe to repeat. */
  addApplicationConnector(applicationId: string, connectorId: string): void;
  /** Takes the connector from the application (it stays in its group); `false` if it was not. */
  removeApplicationConnector(applicationId: string, connectorId: string): boolean;
  /**
   * Puts the connector in the group, creating the connector when needed. One statement: the
   * connector's previous membership ends in the same write, so it is never in two groups or none.
   * @returns `false` when the connector was in that group already (the duplicate answer)
   */
  addMembership(connectorId: string, groupId: string): boolean;
  /**
   * Ends the connector's membership of `groupId` by moving it to `toGroupId` (default: the
   * tenant's "Default" group), since a connector is always in exactly one group.
   * @returns `false` when the connector was not in `groupId`
   * @throws {Error} when `groupId` is `toGroupId`: there is nowhere to go
   */
  removeMembership(connectorId: string, groupId: string, toGroupId?: string): boolean;
  /** The one group the connector is in; `undefined` for an unknown connector. */
  groupOf(connectorId: string): StoredGroup | undefined;
  /** Empties every table (the Pact state handlers start each interaction from nothing). */
  reset(): void;
  /** Adds the {@link SEED} records; safe to repeat (a seeded connector that moved stays put). */
  seed(): void;
  close(): void;
}

/**
 * Opens (creating if needed) fake-graph's SQLite database: WAL, foreign keys on, migrated, and
 * seeded with {@link SEED} and the realistic tenant around it (tenant-seed.ts) when the file is new. The folder is created too.
 */
export function openStore(databasePath: string): Store {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  const db = new Database(databasePath);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // WAL's usual setting: a commit survives the process crashing (not the machine losing power)
    // without an fsync per write transaction. Measured through the gateway: 100 batched moves
    // took 1.06 s with the default FULL, 0.41 to 0.78 s with NORMAL (a stand-in needs no more).
    db.pragma('synchronous = NORMAL');
    // Several connections (tests, a second process) may write the same file: wait, not fail.
    db.pragma('busy_timeout = 5000');
    const versionBefore = migrate(db);
    const store = createStore(db, databasePath);
    if (versionBefore === 0) seedTenant(store);
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
    groupForApplication: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g
       WHERE g.id = ? AND (g.application_id = ? OR g.application_id IS NULL)`,
    ),
    groupByName: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g WHERE g.application_id = ? AND g.name_key = ?`,
    ),
    defaultGroup: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g WHERE g.application_id = ? AND g.is_default = 1`,
    ),
    groupById: db.prepare(`SELECT ${GROUP_COLUMNS} FROM connector_groups g WHERE g.id = ?`),
    allGroups: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g ORDER BY g.is_default DESC, g.rowid`,
    ),
    groupsNamed: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connector_groups g WHERE g.name_key = ?
       ORDER BY g.is_default DESC, g.rowid`,
    ),
    hasConnector: db.prepare('SELECT 1 FROM connectors WHERE id = ?'),
    // A connector made without details (a state, an add that creates it) gets a machine name
    // from its id, so it reads as a connector Graph would list.
    insertConnector: db.prepare(
      `INSERT INTO connectors (id, group_id, machine_name) VALUES (?1, ?2, 'connector-' || substr(?1, 1, 8))
       ON CONFLICT DO NOTHING`,
    ),
    deleteConnector: db.prepare('DELETE FROM connectors WHERE id = ?'),
    // An upsert rather than read-then-write: the move, and the duplicate decision, are one write.
    // `changes` is 0 exactly when the connector was in that group already.
    putInGroup: db.prepare(
      `INSERT INTO connectors (id, group_id, machine_name) VALUES (?1, ?2, 'connector-' || substr(?1, 1, 8))
       ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id
       WHERE connectors.group_id IS NOT excluded.group_id`,
    ),
    moveFrom: db.prepare('UPDATE connectors SET group_id = ? WHERE id = ? AND group_id = ?'),
    groupOf: db.prepare(
      `SELECT ${GROUP_COLUMNS} FROM connectors c JOIN connector_groups g ON g.id = c.group_id
       WHERE c.id = ?`,
    ),
    isConnectorOf: db.prepare(
      'SELECT 1 FROM application_connectors WHERE application_id = ? AND connector_id = ?',
    ),
    insertApplicationConnector: db.prepare(
      'INSERT INTO application_connectors (application_id, connector_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    deleteApplicationConnector: db.prepare(
      'DELETE FROM application_connectors WHERE application_id = ? AND connector_id = ?',
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
  const groupRows = (rows: unknown[]) => rows.map((row) => toGroup(row as GroupRow));

  const store: Store = {
    ...connectorQueries(db),
    databasePath,
    transaction,
    hasApplication: (applicationId) => statements.hasApplication.get(applicationId) !== undefined,
    createApplication(applicationId, defaultGroupId) {
      return transaction(() => {
        statements.insertApplication.run(applicationId);
        return store.createGroup(applicationId, {
          ...SEED.defaultGroup,
          id:
            applicationId === SEED.applicationId
              ? SEED.defaultGroup.id
              : (defaultGroupId ?? randomUUID()),
        });
      });
    },
    defaultGroup: (applicationId) => groupRow(statements.defaultGroup.get(applicationId)),
    ensureTenantDefaultGroup() {
      return transaction(() => {
        const found = store.getGroup(SEED.defaultGroup.id);
        if (found !== undefined) return found;
        if (store.hasApplication(SEED.applicationId)) {
          throw new Error(
            `the seeded application ${SEED.applicationId} exists without its Default group`,
          );
        }
        return store.createApplication(SEED.applicationId);
      });
    },
    findGroup: (applicationId, groupId) =>
      groupRow(statements.groupForApplication.get(groupId, applicationId)),
    findGroupByName: (applicationId, name) =>
      groupRow(statements.groupByName.get(applicationId, groupNameKey(name))),
    getGroup: (groupId) => groupRow(statements.groupById.get(groupId)),
    listGroups: (filter = {}) =>
      filter.name === undefined
        ? groupRows(statements.allGroups.all())
        : groupRows(statements.groupsNamed.all(groupNameKey(filter.name))),
    createGroup(applicationId, group) {
      // The group's own fields only: a caller's object may carry more (a body's `@odata.type`).
      const created: StoredGroup = { ...connectorGroupFields(group), id: group.id ?? randomUUID() };
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
    hasConnector: (connectorId) => statements.hasConnector.get(connectorId) !== undefined,
    addConnector: (connectorId, groupId = SEED.defaultGroup.id) =>
      statements.insertConnector.run(connectorId, groupId).changes === 1,
    removeConnector: (connectorId) => statements.deleteConnector.run(connectorId).changes === 1,
    isConnectorOf: (applicationId, connectorId) =>
      statements.isConnectorOf.get(applicationId, connectorId) !== undefined,
    addApplicationConnector(applicationId, connectorId) {
      statements.insertApplicationConnector.run(applicationId, connectorId);
    },
    removeApplicationConnector: (applicationId, connectorId) =>
      statements.deleteApplicationConnector.run(applicationId, connectorId).changes === 1,
    addMembership: (connectorId, groupId) =>
      statements.putInGroup.run(connectorId, groupId).changes === 1,
    removeMembership(connectorId, groupId, toGroupId = SEED.defaultGroup.id) {
      if (groupId === toGroupId) {
        throw new Error(
          `connector ${connectorId} cannot leave group ${groupId}: a connector is always in exactly one group, and that is where it would go`,
        );
      }
      return statements.moveFrom.run(toGroupId, connectorId, groupId).changes === 1;
    },
    groupOf: (connectorId) => groupRow(statements.groupOf.get(connectorId)),
    reset() {
      transaction(() => {
        // Children first; the cascades would do part of it, but this does not depend on them.
        db.exec(
          'DELETE FROM application_connectors; DELETE FROM connectors; DELETE FROM connector_groups; DELETE FROM applications;',
        );
      });
    },
    seed() {
      transaction(() => {
        const defaultGroup = store.ensureTenantDefaultGroup();
        store.addConnector(SEED.connectorId, defaultGroup.id);
        store.addApplicationConnector(SEED.applicationId, SEED.connectorId);
      });
    },
    close() {
      db.close();
    },
  };
  return store;
}
