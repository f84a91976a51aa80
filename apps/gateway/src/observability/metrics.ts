import type { UpstreamCallEvent, UpstreamStats } from '@connectors/graph-client';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { registerUpstreamMetrics } from './upstream-metrics.ts';

/** The gateway's Prometheus metrics, in a registry of their own (so tests can make several). */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** One GraphQL request done: its root field (or `none`) and outcome. */
  recordRequest(operation: string, outcome: string): void;
  /** One upstream attempt done: wire this to the GraphClient's `onUpstreamCall`. */
  observeUpstreamCall(event: UpstreamCallEvent): void;
  /** Exposes the client's protections (`GraphClient.stats`), read at each scrape; call once. */
  watchUpstream(stats: () => UpstreamStats): void;
  /** A caller's connection closed by `MAX_CONNECTIONS`: wire this to the server's `onConnectionLimit`. */
  recordConnectionLimit(action: 'evicted' | 'refused'): void;
}

/**
 * Creates the metrics:
 * - `gateway_graphql_requests_total{operation,outcome}`
 * - `gateway_upstream_call_duration_seconds{operation,outcome,status}` (one per attempt)
 * - once `watchUpstream` is called, the upstream's protections (`upstream-metrics.ts`)
 * - `gateway_connections_closed_total{reason}`: callers' connections `MAX_CONNECTIONS` closed,
 *   `evicted` (an idle keep-alive one, for a newcomer) or `refused` (a newcomer, all busy)
 * @param options.defaultMetrics also collect Node's process metrics (main turns it on)
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'gateway_graphql_requests_total',
    help: 'GraphQL requests by root field and outcome (ok, a user error code or an error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const upstreamCalls = new Histogram({
    name: 'gateway_upstream_call_duration_seconds',
    help: 'Upstream REST attempts by operation, outcome (ok, retry or a failure kind) and HTTP status.',
    labelNames: ['operation', 'outcome', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const connectionsClosed = new Counter({
    name: 'gateway_connections_closed_total',
    help: "Callers' connections closed at MAX_CONNECTIONS: evicted (idle keep-alive, for a newcomer) or refused (a newcomer, every connection busy).",
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  // Each label combination's child, found by one string key: prom-client would otherwise hash a
  // label object on every observation. The label sets are bounded (fields, outcomes, statuses).
  const requestChildren = new Map<string, Counter.Internal>();
  const upstreamChildren = new Map<
    string,
    Histogram.Internal<'operation' | 'outcome' | 'status'>
  >();
  return {
    registry,
    watchUpstream(stats) {
      registerUpstreamMetrics(registry, stats);
    },
    recordConnectionLimit(action) {
      connectionsClosed.inc({ reason: action });
    },
    recordRequest(operation, outcome) {
      const key = `${operation}\n${outcome}`;
      let child = requestChildren.get(key);
      if (child === undefined) {
        child = requests.labels({ operation, outcome });
        requestChildren.set(key, child);
      }
      child.inc();
    },
    observeUpstreamCall(event) {
      // No status: the attempt got no answer (timeout, refused, reset).
      const status = event.status === undefined ? 'none' : String(event.status);
      const key = `${event.operation}\n${event.outcome}\n${status}`;
      let child = upstreamChildren.get(key);
      if (child === undefined) {
        child = upstreamCalls.labels({
          operation: event.operation,
          outcome: event.outcome,
          status,
        });
        upstreamChildren.set(key, child);
      }
      child.observe(event.durationMs / 1000);
    },
  };
}
