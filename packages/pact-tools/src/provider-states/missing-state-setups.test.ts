import { describe, expect, it } from 'vitest';
import type { LoadedPact } from '../pact-file/pact-file.ts';
import { assertStateSetupsExist, missingStateSetups } from './missing-state-setups.ts';
import { ProviderStateError } from './provider-state-error.ts';

const pact: LoadedPact = {
  path: '/pacts/web-api.json',
  pact: {
    consumer: { name: 'web' },
    provider: { name: 'api' },
    interactions: [
      { description: 'lists items', providerStates: [{ name: 'item {id} exists' }] },
      {
        description: 'adds an item',
        providerStates: [{ name: 'item {id} exists' }, { name: 'the store is read-only' }],
      },
      { description: 'without a state' },
    ],
  },
};
const setups = { 'item {id} exists': () => {} };

describe('missingStateSetups', () => {
  it('finds each state a pact names that has no setup, with its consumer and interaction', () => {
    expect(missingStateSetups([pact], setups)).toEqual([
      {
        state: 'the store is read-only',
        consumer: 'web',
        interaction: 'adds an item',
        pactFile: '/pacts/web-api.json',
      },
    ]);
  });

  it('does not take an inherited property for a setup', () => {
    const odd: LoadedPact = {
      ...pact,
      pact: {
        ...pact.pact,
        interactions: [{ description: 'x', providerStates: [{ name: 'toString' }] }],
      },
    };
    expect(missingStateSetups([odd], setups).map((use) => use.state)).toEqual(['toString']);
  });
});

describe('assertStateSetupsExist', () => {
  it('passes when every state has a setup', () => {
    expect(() =>
      assertStateSetupsExist([pact], { ...setups, 'the store is read-only': () => {} }),
    ).not.toThrow();
  });

  it('fails listing every missing state, its consumer and its interaction', () => {
    let error: unknown;
    try {
      assertStateSetupsExist([pact], {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProviderStateError);
    expect((error as ProviderStateError).problems).toEqual([
      'no handler for state "item {id} exists" (consumer web, interaction "lists items", /pacts/web-api.json)',
      'no handler for state "item {id} exists" (consumer web, interaction "adds an item", /pacts/web-api.json)',
      'no handler for state "the store is read-only" (consumer web, interaction "adds an item", /pacts/web-api.json)',
    ]);
    expect((error as Error).message).toMatch(/^3 provider state use\(s\) have no state handler/);
  });
});
