import { describe, expect, it } from 'vitest';
import { ClientGone } from './client-gone.ts';

describe("ClientGone, the fast path's signal that the client went away", () => {
  it('is not aborted until abort(); then aborted once, with an AbortError as an AbortController gives', () => {
    const gone = new ClientGone();
    expect(gone.aborted).toBe(false);
    expect(gone.reason).toBeUndefined();
    expect(() => gone.throwIfAborted()).not.toThrow();

    gone.abort();
    const reason = gone.reason;
    expect(gone.aborted).toBe(true);
    expect(reason).toBeInstanceOf(DOMException);
    expect(reason).toMatchObject({ name: 'AbortError' });
    const controller = new AbortController();
    controller.abort();
    expect((reason as DOMException).message).toBe(
      (controller.signal.reason as DOMException).message,
    );
    expect(() => gone.throwIfAborted()).toThrow(reason as Error);

    gone.abort();
    expect(gone.reason).toBe(reason);
  });

  it('runs each listener once, in order, and none that was removed or added after the abort', () => {
    const gone = new ClientGone();
    const calls: string[] = [];
    const first = () => calls.push('first');
    const removed = () => calls.push('removed');
    gone.addEventListener('abort', first, { once: true });
    gone.addEventListener('abort', removed);
    gone.addEventListener('abort', () => calls.push('second'));
    gone.removeEventListener('abort', removed);
    gone.removeEventListener('abort', () => {});

    gone.abort();
    gone.abort();
    gone.addEventListener('abort', () => calls.push('late'));
    expect(calls).toEqual(['first', 'second']);
  });
});
