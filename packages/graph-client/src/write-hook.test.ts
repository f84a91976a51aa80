import { EventEmitter } from 'node:events';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type ScriptedUpstream, startScriptedUpstream } from '../test/scripted-upstream.ts';
import { HeldBack, WriteHooks } from './write-hook.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp() {
  const server = await startScriptedUpstream([{ status: 204 }]);
  const pool = new Pool(server.origin, { connections: 1 });
  closers.push(server.close, () => pool.close());
  return { server, hooks: new WriteHooks(pool) };
}

function post(server: ScriptedUpstream, hooks: WriteHooks, hook?: () => void) {
  const signal = new EventEmitter();
  if (hook !== undefined) hooks.set(signal, hook);
  return hooks.dispatcher
    .request({ origin: server.origin, method: 'POST', path: '/x', body: '{}', signal })
    .then(async (response) => {
      await response.body.dump();
      return response.statusCode;
    });
}

describe('WriteHooks', () => {
  it('calls the hook before the request is written, once', async () => {
    const { server, hooks } = await setUp();
    const seenAtHook: number[] = [];
    expect(await post(server, hooks, () => seenAtHook.push(server.requests.length))).toBe(204);
    expect(seenAtHook).toEqual([0]);
    expect(server.requests).toHaveLength(1);
  });

  it('a hook that throws HeldBack stops the request unwritten, and keeps the connection', async () => {
    const { server, hooks } = await setUp();
    const refuse = () => {
      throw new HeldBack('gate closed');
    };
    expect(await post(server, hooks)).toBe(204);
    await expect(post(server, hooks, refuse)).rejects.toBeInstanceOf(HeldBack);
    expect(await post(server, hooks)).toBe(204);
    await expect(post(server, hooks, refuse)).rejects.toBeInstanceOf(HeldBack);
    expect(await post(server, hooks)).toBe(204);

    expect(server.requests).toHaveLength(3);
    expect(server.connections()).toBe(1);
  });
});
