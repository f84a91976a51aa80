import type Database from 'libsql';
import { SEED } from './seed.ts';

/**
 * The schema, one migration per entry, applied in order; `PRAGMA user_version` records how many
 * have run. Append only: an applied migration is never edited, so an old database upgrades.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE applications (
    id TEXT PRIMARY KEY
  ) STRICT;

  CREATE TABLE connector_groups (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- Graph matches group names case-insensitively; NOCASE would fold ASCII only.
    name_key TEXT NOT NULL,
    connector_group_type TEXT NOT NULL,
    is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    region TEXT NOT NULL,
    UNIQUE (application_id, name_key)
  ) STRICT;

  CREATE UNIQUE INDEX connector_groups_one_default
    ON connector_groups (application_id) WHERE is_default = 1;

  CREATE TABLE connectors (
    id TEXT PRIMARY KEY
  ) STRICT;

  -- The primary key is what makes concurrent adds of one membership give exactly one success.
  CREATE TABLE memberships (
    connector_id TEXT NOT NULL REFERENCES connectors (id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES connector_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (connector_id, group_id)
  ) STRICT;

  CREATE INDEX memberships_by_group ON memberships (group_id);
  `,
  // 2: Graph's documented semantics. A connector is in exactly one group, so the membership is a
  // NOT NULL column of the connector: a move is one UPDATE and "no group" or "two groups" cannot
  // be stored. Groups become tenant-wide; `application_id` (nullable) keeps the seed model's
  // "the application's groups" for the seed path. "The application's connectors" becomes its own
  // table, since a connector that moves stays its application's.
  // Data from version 1 is kept: each connector keeps the group it most recently joined other than
  // a default one (what a move would have left), else its default group; a connector of no group
  // goes to the seed's "Default" (or the first default group), and is dropped when there is none.
  `
  CREATE TABLE connector_groups_v2 (
    id TEXT PRIMARY KEY,
    application_id TEXT REFERENCES applications (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    connector_group_type TEXT NOT NULL,
    is_default INTEGER NOT NULL CHECK (is_default IN (0, 1)),
    region TEXT NOT NULL
  ) STRICT;
  INSERT INTO connector_groups_v2
    (rowid, id, application_id, name, name_key, connector_group_type, is_default, region)
    SELECT rowid, id, application_id, name, name_key, connector_group_type, is_default, region
    FROM connector_groups;

  CREATE TABLE connectors_v2 (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES connector_groups_v2 (id)
  ) STRICT;
  INSERT INTO connectors_v2 (id, group_id)
    SELECT id, group_id FROM (
      SELECT c.id AS id, COALESCE(
        (SELECT m.group_id FROM memberships m JOIN connector_groups g ON g.id = m.group_id
          WHERE m.connector_id = c.id ORDER BY g.is_default ASC, m.rowid DESC LIMIT 1),
        (SELECT id FROM connector_groups WHERE id = '${SEED.defaultGroup.id}'),
        (SELECT id FROM connector_groups WHERE is_default = 1 ORDER BY rowid LIMIT 1)
      ) AS group_id
      FROM connectors c ORDER BY c.rowid
    ) WHERE group_id IS NOT NULL;

  CREATE TABLE application_connectors (
    application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    connector_id TEXT NOT NULL REFERENCES connectors_v2 (id) ON DELETE CASCADE,
    PRIMARY KEY (application_id, connector_id)
  ) STRICT;
  -- Version 1 made a connector its application's by membership of that application's default group.
  INSERT INTO application_connectors (application_id, connector_id)
    SELECT DISTINCT g.application_id, m.connector_id
    FROM memberships m JOIN connector_groups g ON g.id = m.group_id
    WHERE g.is_default = 1 AND m.connector_id IN (SELECT id FROM connectors_v2);

  DROP TABLE memberships;
  DROP TABLE connectors;
  DROP TABLE connector_groups;
  -- SQLite rewrites the foreign keys that name a renamed table (legacy_alter_table is off).
  ALTER TABLE connector_groups_v2 RENAME TO connector_groups;
  ALTER TABLE connectors_v2 RENAME TO connectors;

  CREATE UNIQUE INDEX connector_groups_name_per_application
    ON connector_groups (application_id, name_key) WHERE application_id IS NOT NULL;
  CREATE UNIQUE INDEX connector_groups_one_default
    ON connector_groups (application_id) WHERE is_default = 1;
  CREATE INDEX connector_groups_by_name ON connector_groups (name_key);
  CREATE INDEX connectors_by_group ON connectors (group_id);
  CREATE INDEX application_connectors_by_connector ON application_connectors (connector_id);
  `,
  // 3: what Graph beta reads of a connector (issue 16). A connector from version 2 gets a machine
  // name from its id, so every row reads as a valid connector; status starts `active`.
  `
  ALTER TABLE connectors ADD COLUMN machine_name TEXT NOT NULL DEFAULT '';
  ALTER TABLE connectors ADD COLUMN external_ip TEXT;
  ALTER TABLE connectors ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
  ALTER TABLE connectors ADD COLUMN version TEXT;
  UPDATE connectors SET machine_name = 'connector-' || substr(id, 1, 8) WHERE machine_name = '';
  CREATE INDEX connectors_by_status ON connectors (status);
  `,
];

/**
 * Brings the database up to date in one write transaction, so two processes opening a new file
 * at once do not both migrate it.
 * @returns the schema version found before migrating (0 for a new database)
 */
export function migrate(db: Database.Database): number {
  const run = db.transaction(() => {
    // libsql ignores pragma()'s `simple` option (no pluck), so read the row's column.
    const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
    const found = Number(row.user_version);
    if (found > MIGRATIONS.length) {
      throw new Error(
        `database schema version ${found} is newer than this fake-graph knows (${MIGRATIONS.length}); use a fresh DATABASE_PATH`,
      );
    }
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index < found) continue;
      db.exec(sql);
    }
    // A migration that moved rows must leave no dangling reference; rolled back whole if it did.
    if (found < MIGRATIONS.length && db.prepare('PRAGMA foreign_key_check').all().length > 0) {
      throw new Error('migrating the database left broken references; nothing was changed');
    }
    // PRAGMA takes no bound parameters; the value is our own integer.
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    return found;
  });
  return run.immediate();
}
