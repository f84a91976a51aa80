import type { WriteThrottle } from './write-throttle.ts';

/**
 * Switches that tests (the Pact state handlers above all) turn to make fake-graph answer as Graph
 * does when a token is bad or requests are throttled. They live in `createApp`'s deps, never
 * behind an HTTP route, so nothing reachable over the network can flip them.
 */
export interface Controls {
  /** When set, the only bearer token accepted (`FAKE_GRAPH_TOKEN`); otherwise any non-empty one. */
  acceptedToken: string | undefined;
  /** Tokens answered with 401 `InvalidAuthenticationToken`. */
  readonly rejectedTokens: Set<string>;
  /** Tokens answered with 403 `Authorization_RequestDenied`. */
  readonly forbiddenTokens: Set<string>;
  /** When set, every API request is answered 429 with `Retry-After` of this many seconds. */
  throttleSeconds: number | undefined;
  /**
   * When set, throttles individual writes, alone or as batch steps (write-throttle.ts:
   * `everyNthWrite`, `writeQuota`): each throttled one is answered 429 with its own `Retry-After`.
   */
  writeThrottle: WriteThrottle | undefined;
  /** Back to the options it was created with. */
  reset(): void;
}

/** Creates the controls; `acceptedToken` survives {@link Controls.reset}. */
export function createControls(options: { acceptedToken?: string | undefined } = {}): Controls {
  const controls: Controls = {
    acceptedToken: options.acceptedToken,
    rejectedTokens: new Set(),
    forbiddenTokens: new Set(),
    throttleSeconds: undefined,
    writeThrottle: undefined,
    reset() {
      controls.acceptedToken = options.acceptedToken;
      controls.rejectedTokens.clear();
      controls.forbiddenTokens.clear();
      controls.throttleSeconds = undefined;
      controls.writeThrottle = undefined;
    },
  };
  return controls;
}
