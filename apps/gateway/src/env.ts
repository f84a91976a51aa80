import { parseUpstreamBase } from '@connectors/domain';
import { z } from 'zod';
import { LOG_LEVELS } from './observability/logger.ts';

// An empty variable (`PORT=`) reads as unset, as shells and compose files often leave them.
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

function wholeNumber(min: number, max: number, unit: string) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, { error: `must be a whole number of ${unit} from ${min} to ${max}` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(min, { error: `must be at least ${min} ${unit}` })
          .max(max, { error: `must be at most ${max} ${unit}` }),
      )
      .optional(),
  );
}

/** The gateway's environment (API.md section 3); every other module takes values, not env. */
export const GatewayEnv = z.object({
  PORT: wholeNumber(0, 65535, 'port').transform((value) => value ?? 4000),
  UPSTREAM_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string({
        error: 'is required: the Graph REST base with its version, e.g. http://localhost:4010/v1.0',
      })
      .transform((value, ctx) => {
        try {
          return parseUpstreamBase(value);
        } catch (error) {
          const reason = (error as Error).message;
          // The domain's reason may quote the value, and a URL can carry credentials.
          ctx.addIssue({
            code: 'custom',
            message: reason.includes(value) ? 'must be an absolute http(s) URL' : reason,
          });
          return z.NEVER;
        }
      }),
  ),
  UPSTREAM_TIMEOUT_MS: wholeNumber(1, 600_000, 'ms').transform((value) => value ?? 10_000),
  UPSTREAM_MAX_RETRIES: wholeNumber(0, 10, 'retries').transform((value) => value ?? 3),
  UPSTREAM_RETRY_BUDGET_MS: wholeNumber(0, 600_000, 'ms').transform((value) => value ?? 10_000),
  LOG_LEVEL: z.preprocess(
    unsetIfEmpty,
    z.enum(LOG_LEVELS, { error: `must be one of: ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  NODE_ENV: z.preprocess(
    unsetIfEmpty,
    z
      .enum(['development', 'production', 'test'], {
        error: 'must be one of: development, production, test',
      })
      .default('development'),
  ),
  /**
   * The fast path (`src/fast-path/`): `on` by default; `off` leaves every request to yoga, a kill
   * switch that needs no deploy (and what the bench's `gateway-yoga` row measures).
   */
  GATEWAY_FAST_PATH: z.preprocess(
    unsetIfEmpty,
    z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  ),
});
export type GatewayEnv = z.output<typeof GatewayEnv>;

/** A bad environment; `message` names each variable at fault (never its value, which may be secret). */
export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses the gateway's environment.
 * @throws {EnvError} naming every bad variable
 */
export function parseEnv(source: Record<string, string | undefined>): GatewayEnv {
  const parsed = GatewayEnv.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? 'environment'),
    message: issue.message,
  }));
  throw new EnvError(
    problems.map((problem) => problem.variable),
    `Invalid gateway environment:\n${problems.map((p) => `  ${p.variable} ${p.message}`).join('\n')}`,
  );
}

/** The one place that reads `process.env`. */
export function loadEnv(): GatewayEnv {
  return parseEnv(process.env);
}
