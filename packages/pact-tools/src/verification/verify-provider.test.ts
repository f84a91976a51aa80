/**
 * Contract: `verifyProvider` fails a provider verification that pact-js alone would let pass.
 * Each case runs the real pact-js Verifier (its proxy and the Rust core) over a hand-written V4
 * pact against a real HTTP provider on 127.0.0.1:0: a state with no handler fails before
 * anything is replayed, a handler that throws fails after the run (even though the interaction
 * itself passed), and an interaction the provider does not honour fails as pact-js fails it.
 */
import { Verifier } from '@pact-foundation/pact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ItemProvider,
  pactDir,
  startItemProvider,
  writeItemPact,
} from '../../test/hand-written-pact.ts';
import { ProviderStateError } from '../provider-states/provider-state-error.ts';
import { recordingStateHandlers } from '../provider-states/recording-state-handlers.ts';
import { ProviderVerificationError } from './verification-failure.ts';
import { verifyProvider } from './verify-provider.ts';

const NAMES = { consumer: 'item-web', provider: 'item-api' };
const EXISTS = 'item {id} exists';

let provider: ItemProvider;
let folder: ReturnType<typeof pactDir>;
beforeAll(async () => {
  provider = await startItemProvider();
});
afterAll(() => provider.close());
beforeEach(() => {
  folder = pactDir();
  provider.served.length = 0;
});
afterEach(() => folder.remove());

const setups = {
  [EXISTS]: (params: unknown) => {
    const id = (params as { id?: unknown }).id;
    if (typeof id !== 'string') throw new Error(`id must be a string, got ${JSON.stringify(id)}`);
    provider.items.add(id);
  },
};

function verify(pactFile: string) {
  return verifyProvider({
    provider: NAMES.provider,
    providerBaseUrl: provider.url,
    source: { pactFiles: [pactFile] },
    setups,
    reset: () => provider.items.clear(),
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('verifyProvider', () => {
  it('passes when every state is set up and every interaction honoured, resetting in between', async () => {
    const pact = writeItemPact(folder.dir, NAMES, [
      {
        description: 'item a is found',
        itemId: 'a',
        status: 200,
        states: [{ name: EXISTS, params: { id: 'a' } }],
      },
      // Only passes if the reset ran before this stateless interaction.
      { description: 'item a is gone again', itemId: 'a', status: 404 },
    ]);
    await expect(verify(pact)).resolves.toBeUndefined();
    expect(provider.served).toEqual(['/items/a', '/items/a']);
  });

  it('fails before replaying anything when a state has no handler, naming it', async () => {
    const pact = writeItemPact(folder.dir, NAMES, [
      {
        description: 'item a is found',
        itemId: 'a',
        status: 200,
        states: [{ name: EXISTS, params: { id: 'a' } }],
      },
      {
        description: 'a read-only store refuses',
        itemId: 'b',
        status: 404,
        states: [{ name: 'the store is read-only' }],
      },
    ]);
    const error = await rejection(verify(pact));
    expect(error).toBeInstanceOf(ProviderStateError);
    expect(error.message).toContain(
      `no handler for state "the store is read-only" (consumer item-web, interaction "a read-only store refuses", ${pact})`,
    );
    expect(provider.served).toEqual([]);
  });

  it('fails after the run when a handler throws, naming the state, though the interaction passed', async () => {
    // Expects 404, which the provider answers whether or not the state was set up.
    const pact = writeItemPact(folder.dir, NAMES, [
      {
        description: 'item 7 is not found',
        itemId: '7',
        status: 404,
        states: [{ name: EXISTS, params: { id: 7 } }],
      },
    ]);
    const error = await rejection(verify(pact));
    expect(error).toBeInstanceOf(ProviderStateError);
    expect((error as ProviderStateError).problems).toEqual([
      'state handler for "item {id} exists" {"id":7} threw: id must be a string, got 7',
    ]);
    expect(error.message).toContain('the interactions passed, but not from the states');
    expect(provider.served).toEqual(['/items/7']);
  });

  it('fails naming only the interactions the provider does not honour', async () => {
    const pact = writeItemPact(folder.dir, NAMES, [
      { description: 'item y is not found', itemId: 'y', status: 404 },
      { description: 'item z is found without a state', itemId: 'z', status: 200 },
    ]);
    const error = await rejection(verify(pact));
    expect(error).toBeInstanceOf(ProviderVerificationError);
    expect((error as ProviderVerificationError).failures).toEqual([
      'item-web: "item z is found without a state": expected 200 but was 404',
    ]);
    expect(provider.served).toEqual(['/items/y', '/items/z']);
  });

  it('refuses pacts for another provider, and no pact at all', async () => {
    const other = writeItemPact(folder.dir, { consumer: 'item-web', provider: 'elsewhere' }, []);
    await expect(verify(other)).rejects.toThrow(
      `not pacts for item-api: ${other} (provider elsewhere)`,
    );
    await expect(
      verifyProvider({
        provider: NAMES.provider,
        providerBaseUrl: provider.url,
        source: { pactFiles: [] },
        setups,
        reset: () => {},
      }),
    ).rejects.toThrow('no pact file given to verify item-api against');
  });
});

describe('recordingStateHandlers under the real Verifier (the broker case: no check beforehand)', () => {
  it('records a state with no handler, which pact-js itself only warns about', async () => {
    const pact = writeItemPact(folder.dir, NAMES, [
      {
        description: 'a read-only store refuses',
        itemId: 'b',
        status: 404,
        states: [{ name: 'the store is read-only', params: { since: 'today' } }],
      },
    ]);
    const states = recordingStateHandlers(setups);
    const verifier = new Verifier({
      provider: NAMES.provider,
      providerBaseUrl: provider.url,
      pactUrls: [pact],
      stateHandlers: states.stateHandlers,
      logLevel: 'error',
    });
    // pact-js passes it: that is the gap verifyProvider closes.
    await expect(verifier.verifyProvider()).resolves.toBeDefined();
    expect(states.problems).toEqual([
      'no handler for state "the store is read-only" {"since":"today"}',
    ]);
  });
});
