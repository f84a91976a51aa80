import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DUPLICATE_REFERENCE_MESSAGE, memberOfRefPath } from '@connectors/domain';
import Database from 'libsql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

// Two servers, two SQLite connections, one file. fake-graph never looks for a membership before
// writing it: the connector's one group is a column, and an add is one upsert that changes it
// only when it differs, so exactly one add of a membership wins and a move never leaves two.
const CONCURRENT_ADDS = 20;
const group = {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'Race connectors',
  region: 'ind',
} as const;

let dir: string;
let servers: RunningFakeGraph[];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fake-graph-race-'));
  const databasePath = join(dir, 'fake-graph.db');
  servers = [await startFakeGraph({ databasePath }), await startFakeGraph({ databasePath })];
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  servers[0]?.store.reset();
  servers[0]?.store.seed();
});

async function addConcurrently(body: object) {
  const path = memberOfRefPath(SEED.applicationId, SEED.connectorId);
  const responses = await Promise.all(
    Array.from({ length: CONCURRENT_ADDS }, async (_, index) => {
      const server = servers[index % servers.length] as RunningFakeGraph;
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: 'Bearer race', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    }),
  );
  const successes = responses.filter((response) => response.status < 300);
  const duplicates = responses.filter(
    (response) =>
      response.status === 400 &&
      JSON.parse(response.body).error.message === DUPLICATE_REFERENCE_MESSAGE,
  );
  return { successes, duplicates };
}

describe(`${CONCURRENT_ADDS} concurrent adds of one new membership`, () => {
  it('to an existing group by id: exactly one 204, every other one the duplicate answer', async () => {
    const existing = servers[0]?.store.createGroup(SEED.applicationId, group);
    const { successes, duplicates } = await addConcurrently({ ...group, id: existing?.id });
    expect(successes.map((response) => response.status)).toEqual([204]);
    expect(duplicates).toHaveLength(CONCURRENT_ADDS - 1);
  });

  it('to a group named for the first time: exactly one 201, one group created', async () => {
    const { successes, duplicates } = await addConcurrently(group);
    expect(successes.map((response) => response.status)).toEqual([201]);
    expect(duplicates).toHaveLength(CONCURRENT_ADDS - 1);
    // One group created, and the connector in it alone (it moved out of "Default").
    const named = servers[1]?.store.listGroups({ name: group.name }) ?? [];
    expect(named.map((found) => found.id)).toEqual([JSON.parse(successes[0]?.body ?? '{}').id]);
    expect(servers[1]?.store.groupOf(SEED.connectorId)).toEqual(named[0]);
  });
});

describe(`${CONCURRENT_ADDS} concurrent adds of one connector to ${CONCURRENT_ADDS / 2} different groups`, () => {
  it('through both route families and both connections: every answer a move or the duplicate, then exactly one membership', async () => {
    const store = servers[0]?.store;
    if (store === undefined) throw new Error('no server');
    const groups = Array.from({ length: CONCURRENT_ADDS / 2 }, (_, index) =>
      store.createGroup(SEED.applicationId, { ...group, name: `Move target ${index}` }),
    );
    const responses = await Promise.all(
      Array.from({ length: CONCURRENT_ADDS }, async (_, index) => {
        const server = servers[index % servers.length] as RunningFakeGraph;
        const target = groups[Math.floor(index / 2)] as (typeof groups)[number];
        // Even requests take Graph's documented route, odd ones the seed's.
        const documented = index % 2 === 0;
        const path = documented
          ? `/onPremisesPublishingProfiles/applicationProxy/connectors/${SEED.connectorId}/memberOf/$ref`
          : memberOfRefPath(SEED.applicationId, SEED.connectorId);
        const body = documented
          ? {
              '@odata.id': `${server.baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${target.id}`,
            }
          : { ...group, id: target.id };
        const response = await fetch(`${server.baseUrl}${path}`, {
          method: 'POST',
          headers: { authorization: 'Bearer race', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { target: target.id, status: response.status, body: await response.text() };
      }),
    );
    for (const response of responses) {
      if (response.status === 204) continue;
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).error.message).toBe(DUPLICATE_REFERENCE_MESSAGE);
    }
    // Each group's first add found the connector elsewhere, so each group has at least one move.
    for (const target of groups) {
      expect(responses.some((r) => r.target === target.id && r.status === 204)).toBe(true);
    }
    // One membership, whichever connection and route family reads it.
    const seen = await Promise.all(
      servers.map(async (server) => {
        const listed = await fetch(
          `${server.baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectors/${SEED.connectorId}/memberOf`,
          { headers: { authorization: 'Bearer race' } },
        );
        return ((await listed.json()) as { value: { id: string }[] }).value.map((g) => g.id);
      }),
    );
    expect(seen[0]).toHaveLength(1);
    expect(seen[1]).toEqual(seen[0]);
    expect(groups.map((target) => target.id)).toContain(seen[0]?.[0]);
    const raw = new Database(join(dir, 'fake-graph.db'));
    try {
      expect(
        raw.prepare('SELECT group_id FROM connectors WHERE id = ?').all(SEED.connectorId),
      ).toHaveLength(1);
    } finally {
      raw.close();
    }
  });
});
