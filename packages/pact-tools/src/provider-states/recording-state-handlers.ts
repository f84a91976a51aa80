import type { VerifierOptions } from '@pact-foundation/pact';
import type { StateSetups } from './state-setup.ts';

type StateHandlers = NonNullable<VerifierOptions['stateHandlers']>;

/** pact-js state handlers that note every failure instead of letting pact-js swallow it. */
export interface RecordingStateHandlers {
  stateHandlers: StateHandlers;
  /** One line per failed or missing state setup, naming the state and its parameters. */
  readonly problems: readonly string[];
}

/**
 * Wraps each setup so that a throw is recorded (pact-js would only print it and answer the
 * core 200), and answers a state with no setup by recording that too (pact-js would only warn).
 * The second matters when the pacts come from a broker, where nothing could be checked before
 * the run. pact-js looks a handler up as `stateHandlers[name]`, so a Proxy sees every name.
 * Measured with pact-js 17.1.4: an interaction without states is set up as the state `''`
 * (which needs no handler), and pact-js serialises its options once, calling `toJSON`.
 */
export function recordingStateHandlers(setups: StateSetups): RecordingStateHandlers {
  const problems: string[] = [];
  const describe = (name: string, params: unknown) =>
    `"${name}" ${params === undefined ? '' : JSON.stringify(params)}`.trimEnd();
  const handlers: StateHandlers = {};
  for (const [name, setup] of Object.entries(setups)) {
    handlers[name] = async (params) => {
      try {
        await setup(params);
      } catch (error) {
        problems.push(
          `state handler for ${describe(name, params)} threw: ${(error as Error).message}`,
        );
        throw error;
      }
    };
  }
  const stateHandlers = new Proxy(handlers, {
    get(target, property, receiver) {
      if (typeof property !== 'string' || property in target || property === 'toJSON') {
        return Reflect.get(target, property, receiver);
      }
      if (property === '') return async () => {};
      return async (params?: unknown) => {
        problems.push(`no handler for state ${describe(property, params)}`);
      };
    },
  });
  return { stateHandlers, problems };
}
