import { parseUpstreamBase } from '@connectors/domain';
import { EnvError, oneOf, parseEnv as parseAppEnv, port, wholeNumber } from '@connectors/env';
import { z } from 'zod';
import { LOG_LEVELS } from './observability/logger.ts';

export { EnvError };

/** The gateway's environment (API.md section 3); every other module takes values, not env. */
export const GatewayEnv = z.object({
  PORT: port(4000),
  UPSTREAM_URL: z
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
  UPSTREAM_TIMEOUT_MS: wholeNumber(1, 600_000, 'ms', 10_000),
  UPSTREAM_MAX_RETRIES: wholeNumber(0, 10, 'retries', 3),
  UPSTREAM_RETRY_BUDGET_MS: wholeNumber(0, 600_000, 'ms', 10_000),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
  /**
   * The fast path (`src/fast-path/`): `on` by default; `off` leaves every request to yoga, a kill
   * switch that needs no deploy (and what the bench's `gateway-yoga` row measures).
   */
  GATEWAY_FAST_PATH: oneOf(['on', 'off'], 'on'),
});
export type GatewayEnv = z.output<typeof GatewayEnv>;

/**
 * Parses the gateway's environment; an empty variable counts as unset.
 * @throws {EnvError} naming every bad variable, never its value
 */
export function parseEnv(source: Record<string, string | undefined>): GatewayEnv {
  return parseAppEnv('gateway', GatewayEnv, source);
}

/** The one place that reads `process.env`. */
export function loadEnv(): GatewayEnv {
  return parseEnv(process.env);
}
