import { z } from 'zod';
import { EnvError } from './env-error.ts';

/**
 * Parses an app's environment once. An empty variable (`PORT=`, as shells and compose files
 * often leave them) counts as unset. Values are never quoted back: they may be secrets.
 * @param app the app's name, for the message ("Invalid gateway environment: ...")
 * @throws {EnvError} naming every variable at fault
 */
export function parseEnv<S extends z.ZodType>(
  app: string,
  schema: S,
  source: Record<string, string | undefined>,
): z.output<S> {
  const set = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(set);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? 'environment'),
    message: issue.message,
  }));
  throw new EnvError(
    [...new Set(problems.map((problem) => problem.variable))],
    `Invalid ${app} environment:\n${problems.map((p) => `  ${p.variable} ${p.message}`).join('\n')}`,
  );
}

/** A whole number from `min` to `max` (in `unit`), or `fallback` when unset. */
export function wholeNumber(min: number, max: number, unit: string, fallback: number) {
  const range = `must be a whole number from ${min} to ${max} (${unit})`;
  return z
    .string()
    .regex(/^\d+$/, { error: range })
    .transform(Number)
    .pipe(z.number().min(min, { error: range }).max(max, { error: range }))
    .default(fallback);
}

/** A TCP port, or `fallback` when unset; `0` (any free port) only when `allowZero`. */
export function port(fallback: number, { allowZero = true } = {}) {
  return wholeNumber(allowZero ? 0 : 1, 65_535, 'port', fallback);
}

/** One of `values`, or `fallback` when unset. */
export function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` }).default(fallback);
}
