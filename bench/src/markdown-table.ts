import type { BenchReport, TargetOutcome } from './bench-report.ts';
import { bulkLines } from './bulk-table.ts';

/** The table's header row: the smoke test and readers look for it. */
export const TABLE_HEADER =
  '| target | req/s | p50 ms | p99 ms | CPU µs/req | RSS MB after load | failed | upstream calls/req | note |';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function number(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

// A reason comes from a child's stderr: keep it on one line and out of the table's syntax.
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 200);
}

function row(target: TargetOutcome): string {
  if (target.status !== 'measured') {
    const note = `${target.status === 'unavailable' ? 'not available' : 'failed'}: ${cell(target.reason)}`;
    return `| ${target.name} | – | – | – | – | – | – | – | ${note} |`;
  }
  const s = target.summary;
  return `| ${target.name} | ${integer.format(s.requestsPerSecond)} | ${number(s.p50Ms, 2)} | ${number(s.p99Ms, 2)} | ${number(s.cpuMicrosPerRequest, 0)} | ${s.rssMb.toFixed(0)} | ${s.failures} | ${number(s.upstreamCallsPerRequest, 2)} | |`;
}

/** The overload scenario's header row. */
export const OVERLOAD_TABLE_HEADER =
  '| overload target | offered req/s | goodput req/s | p99 ms | failed | upstream calls/req | CPU µs/req | note |';

function overloadLines(report: BenchReport): string[] {
  const { overload } = report;
  if (overload === undefined || overload.targets.length === 0) return [];
  const rows = overload.targets.map((target) => {
    if (target.status !== 'measured') {
      const note = `${target.status === 'unavailable' ? 'not available' : 'failed'}: ${cell(target.reason)}`;
      return `| ${target.name} | – | – | – | – | – | – | ${note} |`;
    }
    const s = target.summary;
    const offered = overload.offeredPerSecond[target.name] ?? null;
    return `| ${target.name} | ${offered === null ? '–' : integer.format(offered)} | ${integer.format(s.requestsPerSecond)} | ${number(s.p99Ms, 2)} | ${s.failures} | ${number(s.upstreamCallsPerRequest, 2)} | ${number(s.cpuMicrosPerRequest, 0)} | |`;
  });
  const { capacity, latencyMs } = overload.upstream;
  return [
    '',
    `Overload: ${overload.connections} connections to an upstream that takes ${capacity} calls at once, ${latencyMs} ms each (${Math.round((capacity * 1000) / latencyMs)} calls/s at most), and sheds the rest with 503 + Retry-After: 0. Upstream calls count every call received, shed ones included; goodput counts successes only.`,
    '',
    OVERLOAD_TABLE_HEADER,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ];
}

/** The run as markdown: conditions, one row per target, ratios to the floors, goals. */
export function renderMarkdown(report: BenchReport): string {
  const { options, machine } = report;
  const lines = [
    `${options.connections} connections, ${options.rounds} interleaved round(s) of ${options.durationSeconds} s per target after ${options.warmupSeconds} s of warm-up${options.smoke ? ' (smoke run: figures mean nothing)' : ''}.`,
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}; ${report.pinning}; ${report.generatedAt}.`,
    '',
    TABLE_HEADER,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...report.targets.map(row),
  ];
  if (report.ratios.length > 0) {
    lines.push(
      '',
      '| ratio | req/s | p99 | CPU/req |',
      '| --- | ---: | ---: | ---: |',
      ...report.ratios.map(
        (ratio) =>
          `| ${ratio.numerator} / ${ratio.denominator} | ${number(ratio.requestsPerSecond, 2)} | ${number(ratio.p99, 2)} | ${number(ratio.cpuPerRequest, 2)} |`,
      ),
    );
  }
  lines.push(...overloadLines(report));
  lines.push(...bulkLines(report.bulk));
  lines.push(
    '',
    'Goals (issue 6):',
    '',
    ...report.goals.map(
      (goal) =>
        `- ${goal.met === null ? 'not measured' : goal.met ? 'met' : 'NOT met'}: ${goal.description} (observed ${goal.observed})`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
