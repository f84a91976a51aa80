import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvError, oneOf, parseEnv, port } from '@connectors/env';
import { z } from 'zod';

export { EnvError };

/** Where the database lives when `DATABASE_PATH` is not set: the app's own, git-ignored `.data/`. */
export const DEFAULT_DATABASE_PATH = fileURLToPath(
  new URL('../.data/fake-graph.db', import.meta.url),
);

/** Log levels, quietest first. */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** fake-graph's configuration (docs/running.md). */
export const FakeGraphEnv = z.object({
  PORT: port(4010),
  // 127.0.0.1 rather than "localhost": listening on a name binds only its first address, which
  // is ::1 on some machines; clients that dial "localhost" fall back to 127.0.0.1 anyway.
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_PATH: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULT_DATABASE_PATH)
    .transform((path) => (path === ':memory:' ? path : resolve(path))),
  FAKE_GRAPH_TOKEN: z
    .string()
    .optional()
    // An empty value in a .env file means "not set", not "accept the empty token".
    .transform((token) => (token === undefined || token.trim() === '' ? undefined : token.trim())),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
});
export type FakeGraphEnv = z.output<typeof FakeGraphEnv>;

/**
 * Parses fake-graph's environment once; an empty variable counts as unset. The only place that
 * reads `process.env`.
 * @throws {EnvError} naming each bad variable
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): FakeGraphEnv {
  return parseEnv('fake-graph', FakeGraphEnv, source);
}
