import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DUPLICATE_REFERENCE_MESSAGE, memberOfRefPath } from '@connectors/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

// Two servers, two SQLite connections, one file. fake-graph never looks for a membership before
// inserting it, so what lets exactly one add win is the primary key, across connections.
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
