import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROVIDER_STATES, providerStateSetups, resetProviderState } from './provider-states.ts';
import { SEED } from './seed.ts';
import { type RunningFakeGraph, startFakeGraph } from './start.ts';

// The states of Graph's documented routes, as the verifier applies them: after a reset, in order.
const CONNECTOR = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const GROUP = '5d3c2b1a-0f9e-4d8c-b7a6-958473625140';
const TWIN = '6e4d3c2b-1a0f-4e9d-8c7b-a69584736251';

let graph: RunningFakeGraph;
let states: ReturnType<typeof providerStateSetups>;
beforeAll(async () => {
  graph = await startFakeGraph();
  states = providerStateSetups(graph.store, graph.controls);
});
afterAll(() => graph.close());
beforeEach(() => resetProviderState(graph.store, graph.controls));

describe('provider states for the documented routes', () => {
  it('the names are the agreed ones, placeholders literal', () => {
    expect(PROVIDER_STATES.connectorExists).toBe('connector {connectorId} exists');
    expect(PROVIDER_STATES.groupExists).toBe('connector group {groupId} named {name} exists');
    expect(PROVIDER_STATES.noConnector).toBe('connector {connectorId} does not exist');
    expect(PROVIDER_STATES.isMember).toBe('connector {connectorId} is a member of group {groupId}');
  });

  it('connector exists: in the tenant Default group, recreated after the reset', () => {
    expect(graph.store.getGroup(SEED.defaultGroup.id)).toBeUndefined();
    states[PROVIDER_STATES.connectorExists]({ connectorId: CONNECTOR });
    expect(graph.store.groupOf(CONNECTOR)).toEqual(SEED.defaultGroup);
    // Repeating it, or naming the seed's connector, is fine.
    states[PROVIDER_STATES.connectorExists]({ connectorId: CONNECTOR });
    states[PROVIDER_STATES.connectorExists]({ connectorId: SEED.connectorId });
    expect(graph.store.listGroups()).toEqual([SEED.defaultGroup]);
  });

  it('group exists: a tenant group, names may repeat; is a member MOVES the connector', () => {
    states[PROVIDER_STATES.connectorExists]({ connectorId: CONNECTOR });
    states[PROVIDER_STATES.groupExists]({ groupId: GROUP, name: "O'Brien", region: 'eur' });
    states[PROVIDER_STATES.groupExists]({ groupId: TWIN, name: "O'Brien", region: 'ind' });
    expect(graph.store.listGroups({ name: "o'brien" }).map((group) => group.id)).toEqual([
      GROUP,
      TWIN,
    ]);
    states[PROVIDER_STATES.isMember]({ connectorId: CONNECTOR, groupId: GROUP });
    expect(graph.store.groupOf(CONNECTOR)?.id).toBe(GROUP);
    states[PROVIDER_STATES.isMember]({ connectorId: CONNECTOR, groupId: TWIN });
    expect(graph.store.groupOf(CONNECTOR)?.id).toBe(TWIN);
  });

  it('connector does not exist: gone, whatever an earlier state made', () => {
    states[PROVIDER_STATES.connectorExists]({ connectorId: CONNECTOR });
    states[PROVIDER_STATES.noConnector]({ connectorId: CONNECTOR });
    expect(graph.store.hasConnector(CONNECTOR)).toBe(false);
    states[PROVIDER_STATES.noConnector]({ connectorId: CONNECTOR });
  });

  it.each([
    [PROVIDER_STATES.connectorExists, { connectorId: 'not-a-guid' }],
    [PROVIDER_STATES.groupExists, { groupId: GROUP, name: ' ', region: 'eur' }],
    [PROVIDER_STATES.groupExists, { groupId: GROUP, name: 'x', region: 'mars' }],
    [PROVIDER_STATES.noConnector, {}],
    [PROVIDER_STATES.isMember, { connectorId: CONNECTOR, groupId: GROUP }],
  ])('%s throws for %j (so the verification fails)', (name, params) => {
    expect(() => states[name](params)).toThrow();
  });
});

describe('the write-throttle state', () => {
  it('every {n}th write is throttled: the nth write after it is a 429, the reset lifts it', () => {
    states[PROVIDER_STATES.everyNthWriteThrottled]({ n: '2', retryAfterSeconds: 5 });
    expect([1, 2, 3, 4].map(() => graph.controls.writeThrottle?.admit(0))).toEqual([
      undefined,
      5,
      undefined,
      5,
    ]);
    resetProviderState(graph.store, graph.controls);
    expect(graph.controls.writeThrottle).toBeUndefined();
    expect(() =>
      states[PROVIDER_STATES.everyNthWriteThrottled]({ n: 0, retryAfterSeconds: 5 }),
    ).toThrow();
  });
});
