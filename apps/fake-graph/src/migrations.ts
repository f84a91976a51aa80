import type Database from 'libsql';

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
    // PRAGMA takes no bound parameters; the value is our own integer.
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    return found;
  });
  return run.immediate();
}
