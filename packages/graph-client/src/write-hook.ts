import type { Dispatcher } from 'undici';

/** Thrown by a write hook to stop its request before any byte is written. */
export class HeldBack extends Error {
  override readonly name = 'HeldBack';
}

type Handler = Parameters<Dispatcher['dispatch']>[1];

/**
 * A dispatcher that calls a request's hook at the moment undici writes it to a connection (its
 * `onRequestStart`, just before the first byte, after any connect): the one moment that tells
 * whether a request was sent, and when. A hook that throws {@link HeldBack} stops the request
 * there: nothing is written, the connection stays open and in the pool (measured: three
 * requests, one held back between two sent, used one connection, none closed).
 *
 * Hooks are found by the request's `signal` object, unique per attempt, in a WeakMap: nothing to
 * remove, nothing kept once the attempt is gone.
 */
export class WriteHooks {
  readonly dispatcher: Dispatcher;
  readonly #hooks = new WeakMap<object, () => void>();

  constructor(base: Dispatcher) {
    this.dispatcher = base.compose((dispatch) => (options, handler) => {
      // `request()` passes its options, `signal` included, through to dispatch.
      const { signal } = options as { signal?: object | null };
      const hook = signal == null ? undefined : this.#hooks.get(signal);
      return dispatch(options, hook === undefined ? handler : hooked(handler, hook));
    });
  }

  /** Calls `hook` when the request sent with `signal` is about to be written. */
  set(signal: object, hook: () => void): void {
    this.#hooks.set(signal, hook);
  }
}

// A handler of undici's (v7) handler interface, delegating everything; `hook` runs first on
// `onRequestStart`. Methods are called on the original object: undici's own handlers keep their
// state in private fields, which a prototype copy cannot reach.
function hooked(handler: Handler, hook: () => void): Handler {
  const original = handler as Required<Dispatcher.DispatchHandler>;
  return {
    onRequestStart(controller, context) {
      hook();
      original.onRequestStart?.(controller, context);
    },
    onRequestUpgrade: (...args) => original.onRequestUpgrade?.(...args),
    onResponseStart: (...args) => original.onResponseStart?.(...args),
    onResponseData: (...args) => original.onResponseData?.(...args),
    onResponseEnd: (...args) => original.onResponseEnd?.(...args),
    onResponseError: (...args) => original.onResponseError?.(...args),
  };
}
