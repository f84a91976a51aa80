import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UpstreamApi } from '@connectors/domain';
import { GraphClient } from '@connectors/graph-client';
import type { Plugin } from 'graphql-yoga';
import type { CorsPolicy } from '../src/cors/cors.ts';
import { createGateway, type Gateway } from '../src/create-gateway.ts';
import { createHealthState, type HealthState } from '../src/health/health.ts';
import {
  createGatewayServer,
  DEFAULT_SERVER_LIMITS,
  type ServerLimits,
} from '../src/http/gateway-server.ts';
import { createLogger, type LogLevel } from '../src/observability/logger.ts';
import { createMetrics, type GatewayMetrics } from '../src/observability/metrics.ts';
import { activeSpanIds } from '../src/observability/request-span.ts';
import type { Tracing } from '../src/observability/tracing.ts';
import { logUpstreamState } from '../src/observability/upstream-state-log.ts';
import type { TrustedDocumentsMode, TrustedEntry } from '../src/trusted-documents/manifest.ts';
import { nodeFetch } from './node-fetch.ts';

/** A gateway wired as `main` wires it (its server too), with its log lines captured. */
export interface TestGateway {
  gateway: Gateway;
  /** The gateway's client: its `stats()`, or `resetUpstreamState()` between scenarios. */
  client: GraphClient;
  metrics: GatewayMetrics;
  health: HealthState;
  /** Every log line written, raw JSON. */
  logLines: string[];
  /** Log lines parsed. */
  logs(): Record<string, unknown>[];
  /** Listens on 127.0.0.1:0 (once; later calls give the same URL), e.g. `http://127.0.0.1:1234`. */
  listen(): Promise<string>;
  /**
   * Real HTTP to the gateway's server (listening first if need be), answered as a Fetch
   * `Response`: through the node handler and the fast path, as production serves it. A full URL
   * is taken for its path and query only.
   */
  fetch(pathOrUrl: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  upstreamBaseUrl: string;
  /** The client's upstream profile (`UPSTREAM_API`); default `seed`, as `main` runs it. */
  api?: UpstreamApi;
  timeoutMs?: number;
  maxRetries?: number;
  retryBudgetMs?: number;
  /** The client's pool and in-flight bound (`UPSTREAM_MAX_IN_FLIGHT`); default 4. */
  connections?: number;
  /** The client's queue (`UPSTREAM_MAX_QUEUE`); default: as many as `connections`. */
  maxQueue?: number;
  production?: boolean;
  logLevel?: LogLevel;
  /** `createGateway`'s switch; default on, as `main` runs it. */
  fastPath?: boolean;
  /** The HTTP server's limits; default docs/running.md's, as `main` runs it. */
  limits?: ServerLimits;
  /** `createGateway`'s trusted documents; default the client's manifest, as `main` runs it. */
  trustedDocuments?: readonly TrustedEntry[];
  /** Default `allow`, as `main` runs it. */
  trustedDocumentsMode?: TrustedDocumentsMode;
  /** `createGateway`'s `maxUpstreamFields`; default 5, as `main` runs it. */
  maxUpstreamFields?: number;
  /** Extra plugins (`createGateway` refuses unknown ones with the fast path on). */
  plugins?: readonly Plugin[];
  /** `CORS_ORIGINS`/`CORS_CREDENTIALS`; default none, as `main` runs it. */
  cors?: CorsPolicy;
  /** Started tracing, wired as `main` wires it (spans, log ids, attempt events); default off. */
  tracing?: Tracing;
}

/** Builds a gateway with a real GraphClient pointed at `upstreamBaseUrl`. */
export function createTestGateway(options: TestGatewayOptions): TestGateway {
  const logLines: string[] = [];
  const logger = createLogger({
    level: options.logLevel ?? 'info',
    destination: { write: (line: string) => void logLines.push(line) },
    ...(options.tracing === undefined ? {} : { mixin: activeSpanIds }),
  });
  const metrics = createMetrics();
  const client = new GraphClient({
    baseUrl: options.upstreamBaseUrl,
    api: options.api ?? 'seed',
    timeoutMs: options.timeoutMs ?? 2000,
    maxRetries: options.maxRetries ?? 0,
    retryBudgetMs: options.retryBudgetMs ?? 2000,
    connections: options.connections ?? 4,
    ...(options.maxQueue === undefined ? {} : { maxQueue: options.maxQueue }),
    onUpstreamState: (event) => {
      logUpstreamState(logger, event);
      options.tracing?.onUpstreamState(event);
    },
    onUpstreamCall: (event) => {
      metrics.observeUpstreamCall(event);
      options.tracing?.onUpstreamCall(event);
    },
  });
  metrics.watchUpstream(() => client.stats());
  const health = createHealthState();
  const gateway = createGateway({
    client,
    logger,
    metrics,
    health,
    production: options.production ?? false,
    fastPath: options.fastPath ?? true,
    upstreamApi: options.api ?? 'seed',
    trustedDocuments: options.trustedDocuments,
    trustedDocumentsMode: options.trustedDocumentsMode,
    maxUpstreamFields: options.maxUpstreamFields,
    plugins: options.plugins,
    ...(options.cors === undefined ? {} : { cors: options.cors }),
    ...(options.tracing === undefined ? {} : { tracer: options.tracing.tracer }),
  });
  const server = createGatewayServer(gateway, {
    limits: options.limits ?? DEFAULT_SERVER_LIMITS,
    health,
    logger,
    onConnectionLimit: (action) => metrics.recordConnectionLimit(action),
  });
  const agent = new Agent({ keepAlive: true });
  let listening: Promise<string> | undefined;
  const listen = () => {
    listening ??= new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      ),
    );
    return listening;
  };
  return {
    gateway,
    client,
    metrics,
    health,
    logLines,
    logs: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
    listen,
    async fetch(pathOrUrl, init) {
      return nodeFetch(await listen(), agent, pathOrUrl, init);
    },
    async close() {
      agent.destroy();
      if (server.listening) {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }
      await client.close();
    },
  };
}

/** A GraphQL POST body. */
export function graphqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables === undefined ? { query } : { query, variables });
}
