/**
 * The attempt's handler at undici's write moment: the hook runs once, before any byte of the
 * request is on the wire; held back there, the request is never written and its connection
 * stays in the pool; abandoned before its turn, it is never written either. A real node:http
 * server on 127.0.0.1 and a real undici Pool.
 */
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { attemptOn, testRequest } from '../test/read-answer.ts';
import { type ScriptedReply, startScriptedUpstream } from '../test/scripted-upstream.ts';
import { startAttempt } from './attempt.ts';
import { AttemptHandler, type Settled } from './attempt-handler.ts';
import { systemClock } from './clock.ts';
import { MAX_BODY_BYTES } from './upstream-answer.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp(script: ScriptedReply[] = [{ status: 204 }]) {
  const server = await startScriptedUpstream(script);
  const pool = new Pool(server.origin, { connections: 1 });
  closers.push(server.close, () => pool.close());
  return { server, pool };
}

describe('an attempt at the moment undici writes it', () => {
  it('asks mayWrite once, before the request is written', async () => {
    const { server, pool } = await setUp();
    const seenAtHook: number[] = [];
    const outcome = await attemptOn(server.origin, '/x', {
      pool,
      mayWrite: () => {
        seenAtHook.push(server.requests.length);
        return true;
      },
    });
    expect(outcome).toMatchObject({ type: 'answer', answer: { status: 204, empty: true } });
    expect(seenAtHook).toEqual([0]);
    expect(server.requests).toHaveLength(1);
  });

  it('held back, it is never written, and its connection stays in the pool', async () => {
    const { server, pool } = await setUp();
    const send = (mayWrite: boolean) =>
      attemptOn(server.origin, '/x', { pool, mayWrite: () => mayWrite });
    expect((await send(true)).type).toBe('answer');
    expect(await send(false)).toEqual({ type: 'heldBack' });
    expect((await send(true)).type).toBe('answer');
    expect(await send(false)).toEqual({ type: 'heldBack' });
    expect((await send(true)).type).toBe('answer');

    expect(server.requests).toHaveLength(3);
    expect(server.connections()).toBe(1);
  });

  it('abandoned while queued behind another, it is never written', async () => {
    const { server, pool } = await setUp([{ status: 204, delayMs: 200 }]);
    const target = {
      pool,
      origin: server.origin,
      timeoutMs: 5_000,
      clock: systemClock,
      mayWrite: () => true,
    };
    const first = startAttempt(testRequest('/first'), target);
    const second = startAttempt(testRequest('/second'), target);
    second.abort();
    expect((await first.outcome).type).toBe('answer');
    expect(await second.outcome).toMatchObject({ type: 'transport', refused: true });
    expect(server.requests.map((request) => request.url)).toEqual(['/first']);
  });

  it('abandoned once written, it is cut with its connection: the upstream may have it', async () => {
    const { server, pool } = await setUp([{ hang: true }]);
    const running = startAttempt(testRequest('/hangs'), {
      pool,
      origin: server.origin,
      timeoutMs: 5_000,
      clock: systemClock,
      mayWrite: () => true,
    });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    running.abort();
    expect(await running.outcome).toMatchObject({ type: 'transport', refused: false });
  });

  it('times out from the moment of writing, as a timeout', async () => {
    const { server, pool } = await setUp([{ hang: true }]);
    expect(await attemptOn(server.origin, '/hangs', { pool, timeoutMs: 100 })).toEqual({
      type: 'timeout',
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('AttemptHandler, called as undici calls it', () => {
  function handler(beforeWrite: () => void = () => {}) {
    const settled: Settled[] = [];
    const attempt = new AttemptHandler(beforeWrite, (outcome) => settled.push(outcome));
    const aborts: Error[] = [];
    return { attempt, settled, aborts, undiciAbort: (reason: Error) => aborts.push(reason) };
  }
  const raw = (...pairs: string[]) => pairs.map((text) => Buffer.from(text, 'latin1'));

  it('skips a 1xx answer: the final status and its headers count', () => {
    const { attempt, settled, undiciAbort } = handler();
    attempt.onConnect(undiciAbort);
    attempt.onHeaders(103, raw('link', '</x>; rel=preload', 'request-id', 'early'));
    attempt.onHeaders(200, raw('Request-Id', 'final'));
    attempt.onData(Buffer.from('{"value":'));
    attempt.onData(Buffer.from('[]}'));
    attempt.onComplete();
    expect(settled).toStrictEqual([
      {
        ok: true,
        answer: { status: 200, empty: false, requestId: 'final', json: { value: [] } },
      },
    ]);
  });

  it('settles once: a body past the cap answers at once, and the error its abort causes is not a second outcome', () => {
    const { attempt, settled, aborts, undiciAbort } = handler();
    attempt.onConnect(undiciAbort);
    attempt.onHeaders(200, raw());
    expect(attempt.onData(Buffer.alloc(MAX_BODY_BYTES))).toBe(true);
    expect(attempt.onData(Buffer.alloc(1))).toBe(false);
    expect(aborts).toHaveLength(1);
    attempt.onError(aborts[0] as Error);
    expect(settled).toStrictEqual([{ ok: true, answer: { status: 200, empty: false } }]);
  });

  it('an abort after the answer does nothing; one before writing stops it at the write moment', () => {
    const answered = handler();
    answered.attempt.onConnect(answered.undiciAbort);
    answered.attempt.onHeaders(204, raw());
    answered.attempt.onComplete();
    answered.attempt.abort(new Error('too late'));
    expect(answered.aborts).toEqual([]);
    expect(answered.settled).toHaveLength(1);

    let asked = 0;
    const early = handler(() => {
      asked += 1;
    });
    const reason = new Error('abandoned');
    early.attempt.abort(reason);
    early.attempt.abort(new Error('again'));
    expect(() => early.attempt.onConnect(early.undiciAbort)).toThrow(reason);
    expect(asked).toBe(0);
  });

  it('an upgrade, never asked for, is an error', () => {
    const { attempt, settled } = handler();
    attempt.onUpgrade();
    expect(settled).toMatchObject([
      { ok: false, error: { message: 'the upstream upgraded the connection' } },
    ]);
  });
});
