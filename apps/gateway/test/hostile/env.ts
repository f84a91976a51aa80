import { oneOf, parseEnv, wholeNumber } from '@connectors/env';
import { z } from 'zod';

/**
 * The hostile-input suite's knobs (`test/hostile-http.test.ts`), parsed once with zod as the
 * apps parse theirs: a bad value stops the suite with a message naming the variable.
 */
export const HostileEnv = z.object({
  /**
   * Runs per mode. Bounded: each run is a few requests of about 1 ms each, and the test's own
   * timeout grows with the count (40 ms a run), so 100,000 is about an hour at worst.
   */
  HOSTILE_RUNS: wholeNumber(1, 100_000, 'runs', 1500),
  /** fast-check's seed for the development run; production runs with the next one. */
  HOSTILE_SEED: wholeNumber(0, 2_147_483_646, 'seed', 20_260_109),
  /** `1`: keep going after a failure and print every kind of failure found. */
  HOSTILE_SURVEY: oneOf(['0', '1'], '0').transform((value) => value === '1'),
});
export type HostileEnv = z.infer<typeof HostileEnv>;

/**
 * Parses the suite's knobs from `source`.
 * @throws {import('@connectors/env').EnvError} naming every variable at fault
 */
export function parseHostileEnv(source: Record<string, string | undefined>): HostileEnv {
  return parseEnv('hostile-input suite', HostileEnv, source);
}

/** The knobs this process was started with. */
export const hostileEnv: HostileEnv = parseHostileEnv({
  HOSTILE_RUNS: process.env.HOSTILE_RUNS,
  HOSTILE_SEED: process.env.HOSTILE_SEED,
  HOSTILE_SURVEY: process.env.HOSTILE_SURVEY,
});
