import { parseUpstreamBase } from '@connectors/domain';
import { EnvError, oneOf, parseEnv as parseAppEnv, port, wholeNumber } from '@connectors/env';
import { z } from 'zod';
import { LOG_LEVELS } from './observability/logger.ts';

export { EnvError };

/**
 * The gateway's environment (API.md section 3); every other module takes values, not env.
 * The server limits guard the HTTP server itself (`src/http/gateway-server.ts`).
 */
export const GatewayEnv = z
  .object({
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
    /** Until a request's headers are all in (Node's default: 60 s, checked every 30 s). */
    HEADERS_TIMEOUT_MS: wholeNumber(1, 600_000, 'ms', 10_000),
    /** Until a whole request, headers and body, is in (Node's default: 300 s). */
    REQUEST_TIMEOUT_MS: wholeNumber(1, 600_000, 'ms', 30_000),
    /**
     * An idle keep-alive connection's life: longer than a load balancer's usual 60 s idle
     * timeout, so the balancer closes first and never reuses a connection the gateway is closing.
     */
    KEEP_ALIVE_TIMEOUT_MS: wholeNumber(1, 600_000, 'ms', 65_000),
    /** Open connections at once; past it, new ones are closed unanswered (Node's default: no cap). */
    MAX_CONNECTIONS: wholeNumber(1, 1_000_000, 'connections', 1024),
    /**
     * The request line and headers, in bytes; past it, 431. Node's own default (16 KiB): Entra ID
     * access tokens are 1 to 4 KB (more with group claims), and a smaller cap saves nothing
     * measurable while risking refusing a real caller's token.
     */
    MAX_HEADER_BYTES: wholeNumber(1024, 1_048_576, 'bytes', 16_384),
  })
  .superRefine((env, ctx) => {
    // The request timeout covers the headers too: a longer headers timeout could never fire, and
    // Node refuses to start with one.
    if (env.HEADERS_TIMEOUT_MS > env.REQUEST_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['HEADERS_TIMEOUT_MS'],
        message: 'must be at most REQUEST_TIMEOUT_MS: the request timeout covers the headers too',
      });
    }
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
