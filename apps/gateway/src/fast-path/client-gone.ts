import type { CallerSignal } from '@connectors/graph-client';

/**
 * The fast path's "the client went away" signal, aborted when a response closes before it
 * finished (as yoga's adapter aborts `request.signal`), with the reason an `AbortController`
 * gives: a `DOMException` named `AbortError`. Resolvers hand it to the graph client as the
 * caller's signal, which is all it is for.
 *
 * Why not an `AbortController`: measured with `--cpu-prof` on the gateway's bundle under the
 * bench's load, creating one per request (its `signal` is an `EventTarget`) took 1.7% of the
 * gateway's busy time, and the `EventTarget` listener the graph client adds and removes around
 * each attempt another 1.4%, for a signal that almost never fires; side by side, the gateway's
 * CPU per request went from 173 to 152 µs with this (bench/README.md). This
 * keeps its listeners in an array, made only when one is added.
 */
export class ClientGone implements CallerSignal {
  #aborted = false;
  #reason: unknown;
  #listeners: Array<() => void> | undefined;

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  throwIfAborted(): void {
    if (this.#aborted) throw this.#reason;
  }

  /**
   * Listeners run once (every listener is `once`: there is one abort), in the order added; one
   * added after the abort never runs, as on an AbortSignal.
   */
  addEventListener(_type: 'abort', listener: () => void, _options?: { once?: boolean }): void {
    if (this.#aborted) return;
    this.#listeners ??= [];
    this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const listeners = this.#listeners;
    if (listeners === undefined) return;
    const index = listeners.indexOf(listener);
    if (index !== -1) listeners.splice(index, 1);
  }

  /** Aborts once; later calls do nothing. */
  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = new DOMException('This operation was aborted', 'AbortError');
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners === undefined) return;
    for (const listener of listeners) listener();
  }
}
