import type { AddressInfo } from 'node:net';
import { GraphClient } from '@connectors/graph-client';
import { createGateway, type Gateway } from '../src/create-gateway.ts';
import { createHealthState, type HealthState } from '../src/health/health.ts';
import {
  createGatewayServer,
  DEFAULT_SERVER_LIMITS,
  type ServerLimits,
} from '../src/http/gateway-server.ts';
import { createLogger, type LogLevel } from '../src/observability/logger.ts';
import { createMetrics, type GatewayMetrics } from '../src/observability/metrics.ts';

/** A gateway wired as `main` wires it (its server too), with its log lines captured. */
export interface TestGateway {
  gateway: Gateway;
  metrics: GatewayMetrics;
  health: HealthState;
  /** Every log line written, raw JSON. */
  logLines: string[];
  /** Log lines parsed. */
  logs(): Record<string, unknown>[];
  /** Listens on 127.0.0.1:0; the gateway's URL, e.g. `http://127.0.0.1:1234`. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  upstreamBaseUrl: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryBudgetMs?: number;
  production?: boolean;
  logLevel?: LogLevel;
  /** `createGateway`'s switch; default on, as `main` runs it. */
  fastPath?: boolean;
  /** The HTTP server's limits; default API.md section 3's, as `main` runs it. */
  limits?: ServerLimits;
}

/** Builds a gateway with a real GraphClient pointed at `upstreamBaseUrl`. */
export function createTestGateway(options: TestGatewayOptions): TestGateway {
  const logLines: string[] = [];
  const logger = createLogger({
    level: options.logLevel ?? 'info',
    destination: { write: (line: string) => void logLines.push(line) },
  });
  const metrics = createMetrics();
  const client = new GraphClient({
    baseUrl: options.upstreamBaseUrl,
    timeoutMs: options.timeoutMs ?? 2000,
    maxRetries: options.maxRetries ?? 0,
    retryBudgetMs: options.retryBudgetMs ?? 2000,
    connections: 4,
    onUpstreamCall: (event) => metrics.observeUpstreamCall(event),
  });
  const health = createHealthState();
  const gateway = createGateway({
    client,
    logger,
    metrics,
    health,
    production: options.production ?? false,
    fastPath: options.fastPath ?? true,
  });
  const server = createGatewayServer(gateway, {
    limits: options.limits ?? DEFAULT_SERVER_LIMITS,
    health,
    logger,
  });
  return {
    gateway,
    metrics,
    health,
    logLines,
    logs: () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>),
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
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
