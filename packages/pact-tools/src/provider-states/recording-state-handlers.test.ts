import { describe, expect, it } from 'vitest';
import { recordingStateHandlers } from './recording-state-handlers.ts';

type Handler = (params?: unknown) => Promise<unknown>;

describe('recordingStateHandlers', () => {
  it('runs each setup with its parameters', async () => {
    const seen: unknown[] = [];
    const { stateHandlers, problems } = recordingStateHandlers({
      'item {id} exists': (params) => void seen.push(params),
    });
    await (stateHandlers['item {id} exists'] as Handler)({ id: 'a' });
    expect(seen).toEqual([{ id: 'a' }]);
    expect(problems).toEqual([]);
  });

  it('records a setup that throws, naming the state and its parameters, and still rejects', async () => {
    const { stateHandlers, problems } = recordingStateHandlers({
      'item {id} exists': async () => {
        throw new Error('id must be a GUID');
      },
    });
    await expect((stateHandlers['item {id} exists'] as Handler)({ id: 7 })).rejects.toThrow(
      'id must be a GUID',
    );
    expect(problems).toEqual([
      'state handler for "item {id} exists" {"id":7} threw: id must be a GUID',
    ]);
  });

  it('answers a state it has no setup for, and records it', async () => {
    const { stateHandlers, problems } = recordingStateHandlers({});
    await (stateHandlers['the store is read-only'] as Handler)({});
    expect(problems).toEqual(['no handler for state "the store is read-only" {}']);
  });

  it("takes the empty state of a stateless interaction and pact-js's toJSON for no state", async () => {
    const { stateHandlers, problems } = recordingStateHandlers({ 'item {id} exists': () => {} });
    await (stateHandlers[''] as Handler)({});
    expect(JSON.parse(JSON.stringify({ stateHandlers }))).toEqual({ stateHandlers: {} });
    expect(problems).toEqual([]);
  });
});
