import { isIP } from 'node:net';
import { parseUpstreamBase, UpstreamApi } from '@connectors/domain';
import { EnvError, oneOf, parseEnv as parseAppEnv, port, wholeNumber } from '@connectors/env';
import { z } from 'zod';
import { CorsOrigins } from './cors/cors.ts';
import { LOG_LEVELS } from './observability/logger.ts';
import { CLIENT_MANIFEST, clientManifestEntries } from './trusted-documents/client-manifest.ts';
import {
  ManifestError,
  readManifest,
  TRUSTED_DOCUMENTS_MODES,
  type TrustedEntry,
} from './trusted-documents/manifest.ts';

export { EnvError };

/**
 * The gateway's environment (docs/running.md); every other module takes values, not env.
 * The server limits guard the HTTP server itself (`src/http/gateway-server.ts`).
 */
export const GatewayEnv = z
  .object({
    PORT: port(4000),
    /**
     * The listening address. Unset: every interface (Node's default), what a container needs;
     * `pnpm start` sets 127.0.0.1 (apps/local), so a laptop's gateway is not on the network.
     */
    HOST: z
      .string()
      .regex(/^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|[0-9A-Fa-f:.]+)$/, {
        error: 'must be an IP address or a host name, e.g. 127.0.0.1, ::, 0.0.0.0',
      })
      .refine((host) => !host.includes(':') || isIP(host) === 6, {
        error: 'must be an IP address or a host name, e.g. 127.0.0.1, ::, 0.0.0.0',
      })
      .optional(),
    /**
     * `/metrics` on its own port, so an ingress that routes the main port never exposes it.
     * Unset: on the main port.
     */
    METRICS_PORT: z
      .string()
      .regex(/^\d+$/, { error: 'must be a whole number from 0 to 65535 (port)' })
      .transform(Number)
      .pipe(z.number().max(65_535, { error: 'must be a whole number from 0 to 65535 (port)' }))
      .optional(),
    CORS_ORIGINS: CorsOrigins,
    CORS_CREDENTIALS: oneOf(['true', 'false'], 'false').transform((value) => value === 'true'),
    /**
     * Traces go out over OTLP/HTTP only when one of these is set (docs/tracing.md); the exporter
     * reads them, and the other `OTEL_*` variables, itself. Checked here so a typo stops the start.
     */
    OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpEndpoint(),
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
    /**
     * Which REST operations the client calls (docs/rest-upstream.md): `seed`, the source
     * document's path and body (the default), or `graph`, Microsoft Graph's documented ones.
     */
    UPSTREAM_API: UpstreamApi.default('seed'),
    UPSTREAM_TIMEOUT_MS: wholeNumber(1, 600_000, 'ms', 10_000),
    UPSTREAM_MAX_RETRIES: wholeNumber(0, 10, 'retries', 3),
    UPSTREAM_RETRY_BUDGET_MS: wholeNumber(0, 600_000, 'ms', 10_000),
    /**
     * The upstream's protections (issue 15; docs/running.md gives the reasoning for each default):
     * requests in flight at once, which is also the keep-alive pool's size; calls waiting behind
     * them before a call is refused unsent; retries as a share of first attempts.
     */
    UPSTREAM_MAX_IN_FLIGHT: wholeNumber(1, 1024, 'requests', 64),
    UPSTREAM_MAX_QUEUE: wholeNumber(0, 100_000, 'calls', 64),
    UPSTREAM_RETRY_RATIO_PERCENT: wholeNumber(0, 100, 'percent', 20),
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
    /**
     * Root fields that call the upstream, per operation, aliases included; past it the operation
     * is refused before anything runs. The default is `DEFAULT_MAX_UPSTREAM_FIELDS`
     * (`src/protection/upstream-field-limit.ts` says why 5; env.test.ts keeps the two equal),
     * written out because env.ts imports nothing the server imports back.
     */
    MAX_UPSTREAM_FIELDS: wholeNumber(1, 100, 'fields', 5),
    /**
     * A persisted-documents manifest's path, read and checked here, so a bad file stops the start
     * like any bad variable (its reason given, never its content). Unset: the client's committed
     * manifest, bundled with the gateway. Each document is then compiled by `createGateway`.
     */
    TRUSTED_DOCUMENTS: z
      .string()
      .optional()
      .transform((path, ctx): readonly TrustedEntry[] => {
        try {
          return path === undefined ? clientManifestEntries() : readManifest(path);
        } catch (error) {
          if (!(error instanceof ManifestError)) throw error;
          const message =
            path === undefined ? `(unset: ${CLIENT_MANIFEST}) ${error.message}` : error.message;
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
      }),
    /** `allow` runs any valid document; `require` only the trusted ones (docs/contracts.md). */
    TRUSTED_DOCUMENTS_MODE: oneOf(TRUSTED_DOCUMENTS_MODES, 'allow'),
    /**
     * After SIGTERM, how long `/readyz` answers 503 while the listener keeps serving, before it
     * stops accepting and drains: long enough for endpoints and balancers to stop sending
     * (docs/running.md#shutdown says how 5 s was chosen); 0 drains at once.
     */
    SHUTDOWN_DELAY_MS: wholeNumber(0, 600_000, 'ms', 5_000),
  })
  .superRefine((env, ctx) => {
    // Microsoft Graph serves the connector-group API on beta only: the documented operations
    // on v1.0 are a 400 or 404 for every call, better said once at start than on each request.
    // The bearer token travels to the upstream with every call: only over TLS, unless the
    // upstream is this machine (fake-graph, a local proxy).
    if (!isHttpsOrLoopback(env.UPSTREAM_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['UPSTREAM_URL'],
        message:
          'must be https unless its host is loopback (localhost, 127.0.0.1, [::1]): the bearer token travels with every call',
      });
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT !== 0 && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'must differ from PORT (unset it to serve /metrics on the main port)',
      });
    }
    if (env.CORS_CREDENTIALS && env.CORS_ORIGINS.size === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['CORS_CREDENTIALS'],
        message: 'needs CORS_ORIGINS: credentials are granted to listed origins only',
      });
    }
    if (env.UPSTREAM_API === 'graph' && isMicrosoftGraphOffBeta(env.UPSTREAM_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['UPSTREAM_URL'],
        message:
          'must be https://graph.microsoft.com/beta with UPSTREAM_API=graph: Microsoft Graph serves the connector-group API on beta only',
      });
    }
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

// Microsoft Graph's global service; another host (fake-graph, a proxy) chooses its own paths.
// `graph.microsoft.com.` (the fully qualified name, trailing dot) is the same host.
function isMicrosoftGraphOffBeta(upstreamUrl: string): boolean {
  const url = new URL(upstreamUrl);
  return (
    url.hostname.replace(/\.$/, '') === 'graph.microsoft.com' &&
    url.pathname.replace(/\/+$/, '') !== '/beta'
  );
}

function isHttpsOrLoopback(upstreamUrl: string): boolean {
  const url = new URL(upstreamUrl);
  if (url.protocol === 'https:') return true;
  const host = url.hostname.replace(/\.$/, '');
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

// An OTLP endpoint: an absolute http(s) URL. Its value is never quoted back (it may carry a key).
function otlpEndpoint() {
  return z
    .string()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === 'http:' || url.protocol === 'https:';
        } catch {
          return false;
        }
      },
      { error: 'must be an absolute http(s) URL, e.g. http://otel-collector:4318' },
    )
    .optional();
}

/** Whether traces are exported (and so made at all): an OTLP endpoint is configured. */
export function tracingEnabled(env: GatewayEnv): boolean {
  return (
    env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined
  );
}

/**
 * Parses the gateway's environment; an empty variable counts as unset.
 * @throws {EnvError} naming every bad variable, never its value
 */
export function parseEnv(source: Record<string, string | undefined>): GatewayEnv {
  return parseAppEnv('gateway', GatewayEnv, source);
}

/**
 * A bad variable found after parsing (a trusted document that does not validate, found when
 * `createGateway` compiles it): the same message and exit as a value the parse refused.
 */
export function gatewayEnvError(variable: keyof GatewayEnv, reason: string): EnvError {
  return new EnvError([variable], `Invalid gateway environment:\n  ${variable} ${reason}`);
}

/** The one place that reads `process.env`. */
export function loadEnv(): GatewayEnv {
  return parseEnv(process.env);
}
