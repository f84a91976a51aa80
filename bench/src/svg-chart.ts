import type { BenchReport, TargetOutcome, TargetSummary } from './bench-report.ts';

const ROW = 30;
const LABEL_WIDTH = 110;
const BAR_WIDTH = 230;
const VALUE_WIDTH = 70;
const PANEL_WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
const TOP = 64;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

interface Bar {
  label: string;
  value: number | null;
  text: string;
}

function panel(x: number, title: string, bars: readonly Bar[], colour: string): string {
  const max = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const parts = [`<text x="${x}" y="${TOP - 20}" font-weight="bold">${escapeXml(title)}</text>`];
  bars.forEach((bar, index) => {
    const y = TOP + index * ROW;
    parts.push(`<text x="${x}" y="${y + 15}">${escapeXml(bar.label)}</text>`);
    if (bar.value === null) {
      parts.push(
        `<text x="${x + LABEL_WIDTH}" y="${y + 15}" fill="#777">${escapeXml(bar.text)}</text>`,
      );
      return;
    }
    const width = max > 0 ? Math.max(1, (bar.value / max) * BAR_WIDTH) : 1;
    parts.push(
      `<rect class="bar" x="${x + LABEL_WIDTH}" y="${y + 2}" width="${width.toFixed(1)}" height="${ROW - 10}" fill="${colour}"><title>${escapeXml(`${bar.label}: ${bar.text}`)}</title></rect>`,
      `<text x="${(x + LABEL_WIDTH + width + 6).toFixed(1)}" y="${y + 15}">${escapeXml(bar.text)}</text>`,
    );
  });
  return parts.join('\n');
}

/** One panel of a chart: a figure of each measured target's summary, drawn as bars. */
interface PanelSpec {
  title: string;
  colour: string;
  value(summary: TargetSummary): number | null;
  text(summary: TargetSummary): string;
}

const THROUGHPUT_TEXT = (summary: TargetSummary) => `${Math.round(summary.requestsPerSecond)}`;
const P99: PanelSpec = {
  title: 'p99 latency (lower is better)',
  colour: '#c0504d',
  value: (summary) => summary.p99Ms,
  text: (summary) => (summary.p99Ms === null ? 'n/a' : `${summary.p99Ms.toFixed(2)} ms`),
};

/**
 * Throughput and p99 per target as a two-panel bar chart, in plain SVG (no chart dependency):
 * longer is better on the left, shorter is better on the right.
 */
export function renderChart(report: BenchReport): string {
  const { options } = report;
  const caption = `${options.connections} connections, ${options.rounds} x ${options.durationSeconds} s rounds, ${report.generatedAt}${options.smoke ? ' (smoke run)' : ''}`;
  return barChart(report.targets, caption, [
    {
      title: 'Throughput (requests/s, higher is better)',
      colour: '#3b6ea8',
      value: (summary) => summary.requestsPerSecond,
      text: THROUGHPUT_TEXT,
    },
    P99,
  ]);
}

/**
 * The overload scenario's chart, drawn like {@link renderChart}: goodput (successes per second),
 * p99 and upstream calls per request, per target; `null` when the run had no overload scenario.
 */
export function renderOverloadChart(report: BenchReport): string | null {
  const { overload, options } = report;
  if (overload === undefined || overload.targets.length === 0) return null;
  const { capacity, latencyMs } = overload.upstream;
  const caption = `Overload: ${overload.connections} connections to an upstream of ${capacity} calls at once, ${latencyMs} ms each; ${options.rounds} x ${options.durationSeconds} s rounds, ${report.generatedAt}${options.smoke ? ' (smoke run)' : ''}`;
  return barChart(overload.targets, caption, [
    {
      title: 'Goodput (successes/s, higher is better)',
      colour: '#3b6ea8',
      value: (summary) => summary.requestsPerSecond,
      text: THROUGHPUT_TEXT,
    },
    P99,
    {
      title: 'Upstream calls per request (lower is better)',
      colour: '#8064a2',
      value: (summary) => summary.upstreamCallsPerRequest,
      text: (summary) => summary.upstreamCallsPerRequest?.toFixed(2) ?? 'n/a',
    },
  ]);
}

function barChart(
  targets: readonly TargetOutcome[],
  caption: string,
  panels: readonly PanelSpec[],
): string {
  const drawn = panels.map((spec, index) => {
    const bars: Bar[] = targets.map((target) => {
      if (target.status !== 'measured') {
        const text = target.status === 'unavailable' ? 'not available' : 'failed';
        return { label: target.name, value: null, text };
      }
      return {
        label: target.name,
        value: spec.value(target.summary),
        text: spec.text(target.summary),
      };
    });
    return panel(10 + index * (PANEL_WIDTH + 20), spec.title, bars, spec.colour);
  });
  const width = PANEL_WIDTH * panels.length + 20 * (panels.length - 1) + 20;
  const height = TOP + targets.length * ROW + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="18" font-size="12" fill="#555">${escapeXml(caption)}</text>
${drawn.join('\n')}
</svg>
`;
}
