import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pactDir, writeItemPact } from '../../test/hand-written-pact.ts';
import { interactionStates, PactFileError, readPactDir, readPactFile } from './pact-file.ts';

let folder: ReturnType<typeof pactDir> | undefined;
afterEach(() => folder?.remove());

describe('readPactFile', () => {
  it('reads names, interactions and their states, keeping everything else', () => {
    folder = pactDir();
    const path = writeItemPact(folder.dir, { consumer: 'web', provider: 'api' }, [
      {
        description: 'one',
        itemId: 'a',
        status: 200,
        states: [{ name: 'item {id} exists', params: { id: 'a' } }],
      },
    ]);
    const { pact } = readPactFile(path);
    expect(pact.consumer.name).toBe('web');
    expect(pact.provider.name).toBe('api');
    expect(pact.interactions[0]?.request).toEqual({ method: 'GET', path: '/items/a' });
    expect(interactionStates(pact.interactions[0] ?? { description: '' })).toEqual([
      { name: 'item {id} exists', params: { id: 'a' } },
    ]);
  });

  it('reads a V2 providerState as one state', () => {
    expect(interactionStates({ description: 'x', providerState: 'legacy' })).toEqual([
      { name: 'legacy' },
    ]);
    expect(interactionStates({ description: 'x' })).toEqual([]);
  });

  it('names the file and what is wrong with it', () => {
    folder = pactDir();
    const missing = join(folder.dir, 'nope.json');
    expect(() => readPactFile(missing)).toThrow(PactFileError);
    expect(() => readPactFile(missing)).toThrow(`${missing}: cannot be read`);
    const garbage = join(folder.dir, 'garbage.json');
    writeFileSync(garbage, '{"consumer":');
    expect(() => readPactFile(garbage)).toThrow(`${garbage}: not JSON`);
    const shapeless = join(folder.dir, 'shapeless.json');
    writeFileSync(shapeless, JSON.stringify({ consumer: { name: 'web' }, interactions: [] }));
    expect(() => readPactFile(shapeless)).toThrow(/shapeless\.json: not a pact \(provider: /);
  });
});

describe('readPactDir', () => {
  it("reads every pact in a folder, sorted, optionally one provider's", () => {
    folder = pactDir();
    writeItemPact(folder.dir, { consumer: 'web', provider: 'api' }, []);
    writeItemPact(folder.dir, { consumer: 'app', provider: 'api' }, []);
    writeItemPact(folder.dir, { consumer: 'api', provider: 'store' }, []);
    writeFileSync(join(folder.dir, 'notes.txt'), 'not a pact');
    const names = (pacts: ReturnType<typeof readPactDir>) =>
      pacts.map(({ pact }) => `${pact.consumer.name}->${pact.provider.name}`);
    expect(names(readPactDir(folder.dir))).toEqual(['api->store', 'app->api', 'web->api']);
    expect(names(readPactDir(folder.dir, { provider: 'api' }))).toEqual(['app->api', 'web->api']);
  });
});
