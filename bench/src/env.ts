import { z } from 'zod';

/**
 * The only environment the harness reads. Child processes get a clean environment built from
 * this plus their own settings, so a developer's `LOG_LEVEL` or `NODE_OPTIONS` cannot skew a run.
 */
const Env = z.object({
  PATH: z.string().min(1).default('/usr/local/bin:/usr/bin:/bin'),
});

export const env = Env.parse(process.env);

/** A clean environment for a child: `PATH` and exactly `extra`. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: env.PATH, ...extra };
}
