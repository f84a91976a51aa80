import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UpstreamApi } from '@connectors/domain';
import type { Tracer } from '@opentelemetry/api';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayProcessContext, GatewayServerContext, UpstreamClient } from './context.ts';
import { type CorsPolicy, NO_CORS, useCors } from './cors/cors.ts';
import { createFastPath, type FastPathStats, type TracedHandler } from './fast-path/fast-path.ts';
import { assertFastPathKnows } from './fast-path-fence.ts';
import { graphiqlOptionsFor, renderGraphiQL } from './graphiql/graphiql.ts';
import { HEALTHZ_PATH, type HealthState, useReadiness } from './health/health.ts';
import { answerBadTarget, answerUnexpected } from './http/last-resort.ts';
import { checkRequestTarget } from './http/request-target.ts';
import { type OnUnexpected, yogaListener } from './http/yoga-listener.ts';
import { yogaLogger } from './observability/logger.ts';
import type { GatewayMetrics } from './observability/metrics.ts';
import { useMetricsEndpoint } from './observability/metrics-endpoint.ts';
import { useRequestLog } from './observability/request-log.ts';
import { inRequestContext, openRequestSpan } from './observability/request-span.ts';
import { startTrace } from './observability/request-trace.ts';
import { useAcceptableResponse } from './protection/acceptable-response.ts';
import { useBodyLimit } from './protection/body-limit.ts';
import { useCsrfProtection } from './protection/csrf.ts';
import { useDisableIntrospection } from './protection/introspection.ts';
import { useGraphQLLimits } from './protection/limits.ts';
import { useHideSuggestions } from './protection/suggestions.ts';
import {
  DEFAULT_MAX_UPSTREAM_FIELDS,
  useUpstreamFieldLimit,
} from './protection/upstream-field-limit.ts';
import { useUrlEncodedParams } from './protection/url-encoded-params.ts';
import { gatewaySchema } from './schema/schema.ts';
import { clientManifestEntries } from './trusted-documents/client-manifest.ts';
import type { TrustedDocumentsMode, TrustedEntry } from './trusted-documents/manifest.ts';
import { TrustedDocuments } from './trusted-documents/trusted-documents.ts';
import { useTrustedDocuments } from './trusted-documents/use-trusted-documents.ts';
import { yogaCompiler } from './trusted-documents/yoga-compiler.ts';

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
   * Serve JSON POSTs of trusted documents straight from `node:http` (`src/fast-path/`).
   * Default true; false leaves every request to yoga (the differential test and the bench
   * compare the two).
   */
  fastPath?: boolean;
  /** The client's upstream profile (`UPSTREAM_API`), for GraphiQL's examples; default `seed`. */
  upstreamApi?: UpstreamApi;
  /**
   * The trusted documents (`TRUSTED_DOCUMENTS`): runnable by hash, and the only documents the
   * fast path serves. Default `@connectors/gateway-client`'s manifest. Each is compiled at start.
   */
  trustedDocuments?: readonly TrustedEntry[];
  /** `TRUSTED_DOCUMENTS_MODE`: `allow` (default) runs any valid document, `require` only trusted ones. */
  trustedDocumentsMode?: TrustedDocumentsMode;
  /** `MAX_UPSTREAM_FIELDS`: root fields calling the upstream, per operation; default 5. */
  maxUpstreamFields?: number;
  /**
   * Plugins added after the gateway's own. With the fast path on, each must be one the fast
   * path knows (`src/fast-path-fence.ts`), else `createGateway` throws naming it.
   */
  plugins?: readonly Plugin[];
  /**
   * With tracing on (`OTEL_EXPORTER_OTLP_ENDPOINT`): each GraphQL request gets a span, opened
   * here in front of both paths (`src/observability/request-span.ts`). Unset: no span, no cost.
   */
  tracer?: Tracer;
  /**
   * Serve `GET /metrics` on the gateway's own port; default true. False when `METRICS_PORT`
   * gives metrics their own server (`createMetricsServer`).
   */
  metricsEndpoint?: boolean;
  /** `CORS_ORIGINS`, `CORS_CREDENTIALS`: default no cross-origin grant, on both paths. */
  cors?: CorsPolicy;
}

/** The graphql-yoga app inside the gateway. */
export type GatewayYoga = YogaServerInstance<GatewayServerContext, GatewayProcessContext>;

/**
 * The gateway: a `node:http` request listener (`createGatewayServer(gateway, ...)`), the fast
 * path in front of yoga. Tests send it real HTTP: yoga's own `fetch` would skip the fast path.
 */
export interface Gateway {
  (request: IncomingMessage, response: ServerResponse): void;
  yoga: GatewayYoga;
  /** Requests the fast path answered itself; stays 0 with `fastPath: false`. */
  readonly fastPathStats: Readonly<FastPathStats>;
}

/** The GraphQL endpoint. */
export const GRAPHQL_PATH = '/graphql';

/**
 * Builds the gateway: the schema of docs/graphql-api.md on graphql-yoga, with every protection on
 * (Armor limits, 100 KiB bodies, no batching, CSRF prevention, masked errors), trusted documents
 * (by hash; under `require` nothing else), `/healthz`, `/readyz`, `/metrics`, one log line per
 * request, and GraphiQL outside production. Every trusted document is parsed and validated at
 * start through yoga's own pipeline. In front of yoga sits the fast path (unless
 * `fastPath: false`): a JSON POST of a trusted document is executed straight from `node:http`,
 * answering byte for byte as yoga would (`fast-path.differential.test.ts`); everything else goes
 * to yoga unchanged.
 * @throws {InvalidTrustedDocumentError} naming a trusted document that does not validate
 * @throws {Error} with the fast path on, naming a plugin the fast path does not know
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const health = deps.health ?? { draining: false };
  const tracer = deps.tracer;
  const cors = deps.cors ?? NO_CORS;
  const fastPath = deps.fastPath ?? true;
  const trustedEntries = deps.trustedDocuments ?? clientManifestEntries();
  const plugins: Plugin[] = [
    useRequestLog(deps.logger, deps.metrics),
    useCors(cors),
    useReadiness(health),
    ...((deps.metricsEndpoint ?? true) ? [useMetricsEndpoint(deps.metrics)] : []),
    useCsrfProtection(),
    // Before the body is read: a request no answer can satisfy is refused first, unexecuted.
    useAcceptableResponse(),
    // Before the body limit, which wraps whichever parser is chosen by then.
    useUrlEncodedParams(),
    useBodyLimit(),
    useGraphQLLimits({ production: deps.production }),
    useUpstreamFieldLimit(deps.maxUpstreamFields ?? DEFAULT_MAX_UPSTREAM_FIELDS),
    useTrustedDocuments(trustedEntries, deps.trustedDocumentsMode ?? 'allow'),
  ];
  if (deps.production) plugins.push(useDisableIntrospection(), useHideSuggestions());
  plugins.push(...(deps.plugins ?? []));
  if (fastPath) assertFastPathKnows(plugins);
  const logging = yogaLogger(deps.logger);

  const yoga: GatewayYoga = createYoga<GatewayServerContext, GatewayProcessContext>({
    schema: gatewaySchema,
    // One object for every request: yoga merges it into the context, so resolvers reach the
    // process's one client without a per-request allocation.
    context: { client: deps.client },
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTHZ_PATH,
    landingPage: false,
    // Replaced by useCors: yoga's grants every origin by default, `null` included.
    cors: false,
    graphiql: deps.production ? false : graphiqlOptionsFor(deps.upstreamApi ?? 'seed'),
    renderGraphiQL,
    batching: false,
    multipart: false,
    // Replaced by useBodyLimit, which skips the streaming count when the length is declared:
    // measured again in issue 11, yoga's own limit cost 280 to 520 µs of CPU more per request on
    // yoga's path (README, Performance).
    maxRequestBodySize: false,
    // isDev false even under NODE_ENV=development: a masked error never carries its stack.
    maskedErrors: { isDev: false },
    logging,
    plugins,
  });
  // Compiled whether or not the fast path runs: a trusted document the gateway cannot run stops
  // the start, in every configuration.
  const documents = new TrustedDocuments(trustedEntries, yogaCompiler(yoga));
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
          cors,
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
      const trace = startTrace();
      // Probes and scrapes stay untraced: one every few seconds would bury the requests.
      if (tracer !== undefined && isGraphQLTarget(request.url)) {
        openRequestSpan(tracer, request, response, trace, GRAPHQL_PATH);
        inRequestContext(trace, () => handler(request, response, trace));
      } else {
        handler(request, response, trace);
      }
    } catch (error) {
      onUnexpected(request, response, error);
    }
  };
  return Object.assign(frontDoor, { yoga, fastPathStats });
}

// The GraphQL endpoint, with or without a query string (a GET).
function isGraphQLTarget(url: string | undefined): boolean {
  if (!url?.startsWith(GRAPHQL_PATH)) return false;
  return url.length === GRAPHQL_PATH.length || url[GRAPHQL_PATH.length] === '?';
}
