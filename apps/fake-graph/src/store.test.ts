import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.ts';
import { SEED } from './seed.ts';
import { openStore, type Store } from './store.ts';

let dir: string;
let path: string;
const open: Store[] = [];
function openTracked(databasePath = path): Store {
  const store = openStore(databasePath);
  open.push(store);
  return store;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fake-graph-store-'));
  path = join(dir, 'nested', 'fake-graph.db');
});
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

const west = {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
} as const;

describe('openStore', () => {
  it('creates the folder and seeds a new database with the fixed ids of docs/running.md', () => {
    const store = openTracked();
    expect(store.defaultGroup(SEED.applicationId)).toEqual(SEED.defaultGroup);
    expect(store.isConnectorOf(SEED.applicationId, SEED.connectorId)).toBe(true);
    expect(store.groupOf(SEED.connectorId)).toEqual(SEED.defaultGroup);
  });

  it('keeps data across a restart and does not seed an existing database again', () => {
    const first = openTracked();
    const group = first.createGroup(SEED.applicationId, west);
    expect(first.addMembership(SEED.connectorId, group.id)).toBe(true);
    first.createApplication('11111111-2222-3333-4444-555555555555');
    first.close();
    open.length = 0;

    const second = openTracked();
    // Graph's semantics: the add moved the connector out of "Default" (one group at a time).
    expect(second.groupOf(SEED.connectorId)).toEqual(group);
    expect(second.isConnectorOf(SEED.applicationId, SEED.connectorId)).toBe(true);
    expect(second.hasApplication('11111111-2222-3333-4444-555555555555')).toBe(true);
    // Emptied, then reopened: were every open to seed, the seeded application would be back.
    second.reset();
    second.close();
    open.length = 0;

    const third = openTracked();
    expect(third.hasApplication(SEED.applicationId)).toBe(false);
  });

  it('turns on WAL (kept in the file) and foreign keys', () => {
    const store = openTracked();
    expect(() =>
      store.addMembership(SEED.connectorId, '00000000-0000-0000-0000-000000000000'),
    ).toThrow(/FOREIGN KEY/);
    const raw = new Database(path);
    try {
      expect(raw.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'wal' });
      expect(raw.prepare('PRAGMA user_version').get()).toMatchObject({
        user_version: MIGRATIONS.length,
      });
    } finally {
      raw.close();
    }
  });

  it('refuses a database written by a newer schema instead of downgrading it', () => {
    openTracked().close();
    open.length = 0;
    const raw = new Database(path);
    raw.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer than this fake-graph knows/);
  });
});

describe('Store', () => {
  it('decides a duplicate membership in the one write, across connections', () => {
    const a = openTracked();
    const b = openTracked();
    const group = a.createGroup(SEED.applicationId, west);
    expect(a.addMembership(SEED.connectorId, group.id)).toBe(true);
    expect(b.addMembership(SEED.connectorId, group.id)).toBe(false);
    expect(b.removeMembership(SEED.connectorId, group.id)).toBe(true);
    expect(a.removeMembership(SEED.connectorId, group.id)).toBe(false);
  });

  it('finds group names case-insensitively, beyond ASCII, and refuses a second such name', () => {
    const store = openTracked();
    const group = store.createGroup(SEED.applicationId, { ...west, name: 'Été Connectors' });
    expect(store.findGroupByName(SEED.applicationId, 'ÉTÉ CONNECTORS')).toEqual(group);
    expect(store.findGroupByName(SEED.applicationId, 'default')).toEqual(SEED.defaultGroup);
    expect(() =>
      store.createGroup(SEED.applicationId, { ...west, name: 'été connectors' }),
    ).toThrow(/UNIQUE/);
  });

  it("scopes groups to their application: another application's group id is not found", () => {
    const store = openTracked();
    const otherDefault = store.createApplication('11111111-2222-3333-4444-555555555555');
    expect(otherDefault).toMatchObject({ isDefault: true, name: 'Default', region: 'nam' });
    expect(otherDefault.id).not.toBe(SEED.defaultGroup.id);
    expect(store.findGroup(SEED.applicationId, otherDefault.id)).toBeUndefined();
    expect(store.isConnectorOf('11111111-2222-3333-4444-555555555555', SEED.connectorId)).toBe(
      false,
    );
  });

  it('returns plain rows: no libsql _metadata leaks into what it hands out', () => {
    const store = openTracked();
    const found = store.findGroup(SEED.applicationId, SEED.defaultGroup.id);
    expect(Object.keys(found ?? {})).toEqual([
      'id',
      'connectorGroupType',
      'isDefault',
      'name',
      'region',
    ]);
    expect(JSON.stringify([store.groupOf(SEED.connectorId), store.listGroups()])).not.toContain(
      '_metadata',
    );
  });

  it('rolls a failed transaction back whole, nested ones included', () => {
    const store = openTracked();
    expect(() =>
      store.transaction(() => {
        store.createGroup(SEED.applicationId, west);
        store.transaction(() => store.addConnector('99999999-9999-9999-9999-999999999999'));
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(store.findGroupByName(SEED.applicationId, west.name)).toBeUndefined();
    // A failure inside a nested transaction undoes only the nested part.
    store.transaction(() => {
      store.createGroup(SEED.applicationId, west);
      expect(() =>
        store.transaction(() => {
          store.createGroup(SEED.applicationId, { ...west, name: 'Second' });
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(store.findGroupByName(SEED.applicationId, west.name)).toBeDefined();
    expect(store.findGroupByName(SEED.applicationId, 'Second')).toBeUndefined();
  });

  it('reset empties everything; seed restores the fixed records and is safe to repeat', () => {
    const store = openTracked();
    store.reset();
    expect(store.hasApplication(SEED.applicationId)).toBe(false);
    store.seed();
    store.seed();
    expect(store.groupOf(SEED.connectorId)).toEqual(SEED.defaultGroup);
  });
});

describe('migration 2: from several memberships to exactly one group', () => {
  const OTHER_APP = '11111111-2222-3333-4444-555555555555';
  const OTHER_DEFAULT = '22222222-3333-4444-5555-666666666666';
  const WEST = '33333333-4444-5555-6666-777777777777';
  const ASIA = '44444444-5555-6666-7777-888888888888';
  const ONLY_OTHER = '55555555-6666-7777-8888-999999999999';
  const IN_NONE = '66666666-7777-8888-9999-000000000000';
  const ONLY_WEST = '77777777-8888-9999-0000-111111111111';

  // A version-1 file as `pnpm start` left it under .data/: the seed, plus adds that accumulated.
  function writeVersion1(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    const raw = new Database(file);
    try {
      raw.exec(MIGRATIONS[0] as string);
      const group = raw.prepare(
        `INSERT INTO connector_groups (id, application_id, name, name_key, connector_group_type, is_default, region)
         VALUES (?, ?, ?, ?, 'applicationProxy', ?, ?)`,
      );
      raw
        .prepare('INSERT INTO applications (id) VALUES (?), (?)')
        .run(SEED.applicationId, OTHER_APP);
      group.run(SEED.defaultGroup.id, SEED.applicationId, 'Default', 'default', 1, 'nam');
      group.run(WEST, SEED.applicationId, 'West', 'west', 0, 'eur');
      group.run(ASIA, SEED.applicationId, 'Asia', 'asia', 0, 'asia');
      group.run(OTHER_DEFAULT, OTHER_APP, 'Default', 'default', 1, 'nam');
      const connector = raw.prepare('INSERT INTO connectors (id) VALUES (?)');
      const member = raw.prepare('INSERT INTO memberships (connector_id, group_id) VALUES (?, ?)');
      for (const id of [SEED.connectorId, ONLY_OTHER, IN_NONE, ONLY_WEST]) connector.run(id);
      // Joined Default, then West, then Asia: Asia is where a move would have left it.
      member.run(SEED.connectorId, SEED.defaultGroup.id);
      member.run(SEED.connectorId, WEST);
      member.run(SEED.connectorId, ASIA);
      member.run(ONLY_OTHER, OTHER_DEFAULT);
      member.run(ONLY_WEST, WEST);
      raw.exec('PRAGMA user_version = 1');
    } finally {
      raw.close();
    }
  }

  it('keeps each connector in its latest group and each application its connectors', () => {
    writeVersion1(path);
    const store = openTracked();
    const group = (id: string) => store.getGroup(id);
    expect(store.groupOf(SEED.connectorId)).toEqual(group(ASIA));
    expect(store.isConnectorOf(SEED.applicationId, SEED.connectorId)).toBe(true);
    expect(store.groupOf(ONLY_OTHER)).toEqual(group(OTHER_DEFAULT));
    expect(store.isConnectorOf(OTHER_APP, ONLY_OTHER)).toBe(true);
    // In no group before: now in the seed's "Default", and still no application's.
    expect(store.groupOf(IN_NONE)).toEqual(SEED.defaultGroup);
    expect(store.isConnectorOf(SEED.applicationId, IN_NONE)).toBe(false);
    // Version 1 made a connector an application's by its default group only.
    expect(store.groupOf(ONLY_WEST)?.id).toBe(WEST);
    expect(store.isConnectorOf(SEED.applicationId, ONLY_WEST)).toBe(false);
    // Groups keep their order and their application; nothing was seeded again.
    expect(store.listGroups().map((found) => found.id)).toEqual([
      SEED.defaultGroup.id,
      OTHER_DEFAULT,
      WEST,
      ASIA,
    ]);
    expect(store.findGroup(OTHER_APP, WEST)).toBeUndefined();
    expect(store.findGroupByName(SEED.applicationId, 'west')?.id).toBe(WEST);
    // The new schema's rules hold on migrated data: a move is one write, names stay unique.
    expect(store.addMembership(SEED.connectorId, WEST)).toBe(true);
    expect(store.addMembership(SEED.connectorId, WEST)).toBe(false);
    expect(() => store.createGroup(SEED.applicationId, { ...west, name: 'WEST' })).toThrow(
      /UNIQUE/,
    );
    const raw = new Database(path);
    try {
      expect(raw.prepare('PRAGMA user_version').get()).toMatchObject({
        user_version: MIGRATIONS.length,
      });
      expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    } finally {
      raw.close();
    }
  });
});
