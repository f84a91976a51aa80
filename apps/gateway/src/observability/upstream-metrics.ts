import type { UpstreamStats } from '@connectors/graph-client';
import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * The upstream's protections as Prometheus metrics (docs/running.md, "Metrics"), read from the
 * client's `stats()` when `/metrics` is scraped: nothing is counted twice, and a call pays
 * nothing for them. Totals are counters (they only grow), current values gauges.
 */
export function registerUpstreamMetrics(registry: Registry, stats: () => UpstreamStats): void {
  const registers = [registry];
  // A counter whose value is the client's own total: set at scrape time.
  const total = (name: string, help: string, read: (s: UpstreamStats) => number) =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(read(stats()));
      },
    });
  // The same, one series per label value.
  const labelledTotal = (
    name: string,
    help: string,
    label: string,
    read: (s: UpstreamStats) => Record<string, number>,
  ) =>
    new Counter({
      name,
      help,
      labelNames: [label],
      registers,
      collect() {
        this.reset();
        for (const [value, count] of Object.entries(read(stats()))) {
          this.labels({ [label]: value }).inc(count);
        }
      },
    });
  new Gauge({
    name: 'gateway_upstream_in_flight',
    help: 'Upstream requests on a connection now (at most UPSTREAM_MAX_IN_FLIGHT).',
    registers,
    collect() {
      this.set(stats().inFlight);
    },
  });
  new Gauge({
    name: 'gateway_upstream_queued',
    help: 'Upstream calls waiting for a slot now (at most UPSTREAM_MAX_QUEUE).',
    registers,
    collect() {
      this.set(stats().queued);
    },
  });
  labelledTotal(
    'gateway_upstream_refused_total',
    'Upstream calls answered without sending, by reason: queue_full, queue_timeout, gate_closed.',
    'reason',
    ({ refused }) => ({
      queue_full: refused.queueFull,
      queue_timeout: refused.queueTimeout,
      gate_closed: refused.gateClosed,
    }),
  );
  total(
    'gateway_upstream_retries_total',
    'Upstream retries made, each drawn from the retry budget.',
    (s) => s.retries,
  );
  total(
    'gateway_upstream_retries_denied_total',
    'Upstream retries not made because the retry budget was spent.',
    (s) => s.retriesDenied,
  );
  total(
    'gateway_upstream_connections_opened_total',
    'TCP connections opened to the upstream.',
    (s) => s.connectionsOpened,
  );
  labelledTotal(
    'gateway_upstream_gate_closed_seconds_total',
    'Seconds a throttle gate was closed by a Retry-After, by kind of call: read, write.',
    'kind',
    (s) => s.gateClosedSeconds,
  );
  new Gauge({
    name: 'gateway_upstream_throttle_limit_ratio',
    help: "Graph's last x-ms-throttle-limit-percentage by kind of call (0 when the last answer had none).",
    labelNames: ['kind'] as const,
    registers,
    collect() {
      const { throttleLimitPercentage } = stats();
      this.labels({ kind: 'read' }).set(throttleLimitPercentage.read);
      this.labels({ kind: 'write' }).set(throttleLimitPercentage.write);
    },
  });
}
