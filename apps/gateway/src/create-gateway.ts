import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { graphiqlOptions, renderGraphiQL } from './graphiql/graphiql.ts';
import { HEALTHZ_PATH, type HealthState, useReadiness } from './health/health.ts';
import { yogaLogger } from './observability/logger.ts';
import type { GatewayMetrics } from './observability/metrics.ts';
import { useMetricsEndpoint } from './observability/metrics-endpoint.ts';
import { useRequestLog } from './observability/request-log.ts';
import { useBodyLimit } from './protection/body-limit.ts';
import { useCsrfProtection } from './protection/csrf.ts';
import { useDisableIntrospection } from './protection/introspection.ts';
import { useGraphQLLimits } from './protection/limits.ts';
import type { GatewayContext, UpstreamClient } from './schema/context.ts';
import { gatewaySchema } from './schema/schema.ts';

/** Everything the gateway is built from; `main` makes one of each for the process. */
export interface GatewayDeps {
  /** The process's one GraphClient (or anything with its two calls). */
  client: UpstreamClient;
  logger: Logger;
  metrics: GatewayMetrics;
  /** Readiness; defaults to always ready. */
  health?: HealthState;
  /** `NODE_ENV=production`: GraphiQL, introspection and field suggestions off. */
  production: boolean;
}

/** The yoga app: a Node request handler (`createServer(gateway)`) with `fetch` for tests. */
export type Gateway = YogaServerInstance<Record<string, unknown>, Partial<GatewayContext>>;

/** The GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

/**
 * Builds the gateway: the schema of API.md section 2 on graphql-yoga, with every protection on
 * (Armor limits, 100 KiB bodies, no batching, CSRF prevention, masked errors), `/healthz`,
 * `/readyz`, `/metrics`, one log line per request, and GraphiQL outside production.
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const health = deps.health ?? { draining: false };
  const plugins: Plugin[] = [
    useRequestLog(deps.logger, deps.metrics),
    useReadiness(health),
    useMetricsEndpoint(deps.metrics),
    useCsrfProtection(),
    useBodyLimit(),
    useGraphQLLimits({ production: deps.production }),
  ];
  if (deps.production) plugins.push(useDisableIntrospection());

  return createYoga<Record<string, unknown>, Partial<GatewayContext>>({
    schema: gatewaySchema,
    // One object for every request: yoga merges it into the context, so resolvers reach the
    // process's one client without a per-request allocation.
    context: { client: deps.client },
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTHZ_PATH,
    landingPage: false,
    graphiql: deps.production ? false : graphiqlOptions,
    renderGraphiQL,
    batching: false,
    multipart: false,
    // Replaced by useBodyLimit, which skips the streaming count when the length is declared.
    maxRequestBodySize: false,
    // isDev false even under NODE_ENV=development: a masked error never carries its stack.
    maskedErrors: { isDev: false },
    logging: yogaLogger(deps.logger),
    plugins,
  });
}
