import { parseEnv, port } from '@connectors/env';
import { z } from 'zod';

/**
 * The launcher's configuration. Both ports are optional overrides (tests pick free ones); the
 * defaults are API.md's, so `pnpm start` needs no configuration.
 */
export const LocalEnv = z.object({
  GATEWAY_PORT: port(4000, { allowZero: false }),
  FAKE_GRAPH_PORT: port(4010, { allowZero: false }),
});
export type LocalEnv = z.output<typeof LocalEnv>;

/**
 * Parses the launcher's environment once; an empty variable counts as unset. With
 * {@link childEnvironment}, the only code that reads `process.env`.
 * @throws {EnvError} naming each bad variable
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): LocalEnv {
  return parseEnv('local', LocalEnv, source);
}

/**
 * A child's environment: this process's, so that the apps' own variables (`DATABASE_PATH`,
 * `LOG_LEVEL`, `FAKE_GRAPH_TOKEN`, ...) reach them, with `overrides` on top.
 */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
