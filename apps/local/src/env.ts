import { z } from 'zod';

const port = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number from 1 to 65535' })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: 'must be a whole number from 1 to 65535' })
        .max(65_535, { error: 'must be a whole number from 1 to 65535' }),
    )
    .default(fallback);

/**
 * The launcher's configuration. Both ports are optional overrides (tests pick free ones); the
 * defaults are API.md's, so `pnpm start` needs no configuration.
 */
export const LocalEnv = z.object({
  GATEWAY_PORT: port(4000),
  FAKE_GRAPH_PORT: port(4010),
});
export type LocalEnv = z.output<typeof LocalEnv>;

/** Thrown when a variable has a bad value; the message names it. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/**
 * Parses the launcher's environment once; with {@link childEnvironment}, the only code that
 * reads `process.env`.
 * @throws {EnvError} naming each bad variable
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): LocalEnv {
  // An empty variable reads as unset, as in the apps it starts.
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = LocalEnv.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`invalid environment: ${lines.join('; ')}`);
  }
  return parsed.data;
}

/**
 * A child's environment: this process's, so that the apps' own variables (`DATABASE_PATH`,
 * `LOG_LEVEL`, `FAKE_GRAPH_TOKEN`, ...) reach them, with `overrides` on top.
 */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
