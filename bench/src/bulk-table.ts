import type { BulkReport } from './bulk-run.ts';

/** The bulk scenario's header row: the smoke test and readers look for it. */
export const BULK_TABLE_HEADER =
  '| bulk move | fake-graph | round trips | upstream requests | batch steps | wall time s | moved |';

/** The bulk scenario as markdown lines (none when the run had no gateway target). */
export function bulkLines(bulk: BulkReport | undefined): string[] {
  if (bulk === undefined) return [];
  if (bulk.status !== 'measured') {
    const what = bulk.status === 'unavailable' ? 'not available' : 'failed';
    return ['', `Bulk move of ${bulk.connectors} connectors: ${what}: ${bulk.reason}`];
  }
  const { connectors, retryAfterSeconds } = bulk;
  const rows = bulk.runs.map((run) => {
    const how =
      run.how === 'moveConnectors' ? 'moveConnectors (one mutation)' : `${run.how} x ${connectors}`;
    const upstream = run.throttled
      ? `every 3rd write 429, Retry-After ${retryAfterSeconds} s`
      : 'no throttling';
    return `| ${how} | ${upstream} | ${run.roundTrips} | ${run.upstreamRequests} | ${run.batchSteps} | ${(run.wallMs / 1000).toFixed(2)} | ${run.moved}/${connectors} |`;
  });
  return [
    '',
    `Bulk move: ${connectors} connectors into one group through the gateway (UPSTREAM_API=graph) against fake-graph, by one moveConnectors and by one addConnectorMemberOf per connector (6 at a time). Upstream requests count each $batch once; batch steps count every step sent, re-sent ones included.`,
    '',
    BULK_TABLE_HEADER,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ];
}
