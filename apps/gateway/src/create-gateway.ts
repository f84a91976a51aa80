import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UpstreamApi } from '@connectors/domain';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayProcessContext, GatewayServerContext, UpstreamClient } from './context.ts';
import { createFastPath, type FastPathStats, type TracedHandler } from './fast-path/fast-path.ts';
import {
  useValidatedDocumentCapture,
  ValidatedDocuments,
} from './fast-path/validated-documents.ts';
import { graphiqlOptionsFor, renderGraphiQL } from './graphiql/graphiql.ts';
import { HEALTHZ_PATH, type HealthState, useReadiness } from './health/health.ts';
import { answerBadTarget, answerUnexpected } from './http/last-resort.ts';
import { checkRequestTarget } from './http/request-target.ts';
import { type OnUnexpected, yogaListener } from './http/yoga-listener.ts';
import { yogaLogger } from './observability/logger.ts';
import type { GatewayMetrics } from './observability/metrics.ts';
import { useMetricsEndpoint } from './observability/metrics-endpoint.ts';
import { useRequestLog } from './observability/request-log.ts';
import { startTrace } from './observability/request-trace.ts';
import { useAcceptableResponse } from './protection/acceptable-response.ts';
import { useBodyLimit } from './protection/body-limit.ts';
import { useCsrfProtection } from './protection/csrf.ts';
import { useDisableIntrospection } from './protection/introspection.ts';
import { useGraphQLLimits } from './protection/limits.ts';
import { useUrlEncodedParams } from './protection/url-encoded-params.ts';
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
  /**
   * Serve JSON POSTs of already-validated documents straight from `node:http` (`src/fast-path/`).
   * Default true; false leaves every request to yoga (the differential test and the bench
   * compare the two).
   */
  fastPath?: boolean;
  /** The client's upstream profile (`UPSTREAM_API`), for GraphiQL's examples; default `seed`. */
  upstreamApi?: UpstreamApi;
}

/** The graphql-yoga app inside the gateway. */
export type GatewayYoga = YogaServerInstance<GatewayServerContext, GatewayProcessContext>;

/**
 * The gateway: a `node:http` request listener (`createServer(gateway)`), plus yoga's in-process
 * `fetch` for tests (which always runs yoga's full pipeline: the fast path is `node:http`-level).
 */
export interface Gateway {
  (request: IncomingMessage, response: ServerResponse): void;
  /** yoga's in-process `fetch`, each request with its own trace as the node handler gives it. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  yoga: GatewayYoga;
  /** Requests the fast path answered itself; stays 0 with `fastPath: false`. */
  readonly fastPathStats: Readonly<FastPathStats>;
}

/** The GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

/**
 * Builds the gateway: the schema of API.md section 2 on graphql-yoga, with every protection on
 * (Armor limits, 100 KiB bodies, no batching, CSRF prevention, masked errors), `/healthz`,
 * `/readyz`, `/metrics`, one log line per request, and GraphiQL outside production. In front of
 * yoga sits the fast path (unless `fastPath: false`): a JSON POST of a document yoga already
 * validated is executed straight from `node:http`, answering byte for byte as yoga would
 * (`fast-path.differential.test.ts`); everything else goes to yoga unchanged.
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const health = deps.health ?? { draining: false };
  const plugins: Plugin[] = [
    useRequestLog(deps.logger, deps.metrics),
    useReadiness(health),
    useMetricsEndpoint(deps.metrics),
    useCsrfProtection(),
    // Before the body is read: a request no answer can satisfy is refused first, unexecuted.
    useAcceptableResponse(),
    // Before the body limit, which wraps whichever parser is chosen by then.
    useUrlEncodedParams(),
    useBodyLimit(),
    useGraphQLLimits({ production: deps.production }),
  ];
  if (deps.production) plugins.push(useDisableIntrospection());
  const fastPath = deps.fastPath ?? true;
  const documents = new ValidatedDocuments();
  // Last, so the documents it records passed every rule the plugins above add.
  if (fastPath) plugins.push(useValidatedDocumentCapture(documents));
  const logging = yogaLogger(deps.logger);

  const yoga: GatewayYoga = createYoga<GatewayServerContext, GatewayProcessContext>({
    schema: gatewaySchema,
    // One object for every request: yoga merges it into the context, so resolvers reach the
    // process's one client without a per-request allocation.
    context: { client: deps.client },
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTHZ_PATH,
    landingPage: false,
    graphiql: deps.production ? false : graphiqlOptionsFor(deps.upstreamApi ?? 'seed'),
    renderGraphiQL,
    batching: false,
    multipart: false,
    // Replaced by useBodyLimit, which skips the streaming count when the length is declared.
    maxRequestBodySize: false,
    // isDev false even under NODE_ENV=development: a masked error never carries its stack.
    maskedErrors: { isDev: false },
    logging,
    plugins,
  });
  const fastPathStats: FastPathStats = { served: 0 };
  const onUnexpected: OnUnexpected = (request, response, error) =>
    answerUnexpected(deps.logger, request, response, error);
  const toYoga = yogaListener<GatewayServerContext>(yoga, onUnexpected);
  const viaYoga: TracedHandler = (request, response, trace) => toYoga(request, response, { trace });
  const handler: TracedHandler = fastPath
    ? createFastPath(
        {
          schema: gatewaySchema,
          client: deps.client,
          logger: deps.logger,
          yogaLogger: logging,
          metrics: deps.metrics,
          documents,
          graphqlPath: GRAPHQL_PATH,
          onUnexpected,
        },
        viaYoga,
        fastPathStats,
      )
    : viaYoga;
  // The front door, before both paths: the request target and Host checked (absolute form made
  // origin form), and a last resort around everything, so nothing thrown reaches a client.
  const frontDoor = (request: IncomingMessage, response: ServerResponse): void => {
    const fault = checkRequestTarget(request);
    if (fault !== undefined) {
      if (deps.logger.isLevelEnabled('debug')) {
        deps.logger.debug({ method: request.method, status: 400, fault }, 'request refused');
      }
      answerBadTarget(response, fault);
      return;
    }
    try {
      // The trace starts here, before either path takes the request, so every request has one.
      handler(request, response, startTrace());
    } catch (error) {
      onUnexpected(request, response, error);
    }
  };
  const fetch: Gateway['fetch'] = (input, init) =>
    Promise.resolve(yoga.fetch(input as string, init ?? {}, { trace: startTrace() }));
  return Object.assign(frontDoor, { fetch, yoga, fastPathStats });
}
