import type { BenchReport, TargetOutcome } from './bench-report.ts';

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

/**
 * Throughput and p99 per target as a two-panel bar chart, in plain SVG (no chart dependency):
 * longer is better on the left, shorter is better on the right.
 */
export function renderChart(report: BenchReport): string {
  const { options } = report;
  const caption = `${options.connections} connections, ${options.rounds} x ${options.durationSeconds} s rounds, ${report.generatedAt}${options.smoke ? ' (smoke run)' : ''}`;
  return barChart(report.targets, caption, 'Throughput (requests/s, higher is better)');
}

/**
 * The overload scenario's chart, drawn like {@link renderChart}: goodput (successes per second)
 * and p99 per target; `null` when the run had no overload scenario.
 */
export function renderOverloadChart(report: BenchReport): string | null {
  const { overload, options } = report;
  if (overload === undefined || overload.targets.length === 0) return null;
  const { capacity, latencyMs } = overload.upstream;
  const caption = `Overload: ${overload.connections} connections to an upstream of ${capacity} calls at once, ${latencyMs} ms each; ${options.rounds} x ${options.durationSeconds} s rounds, ${report.generatedAt}${options.smoke ? ' (smoke run)' : ''}`;
  return barChart(overload.targets, caption, 'Goodput (successes/s, higher is better)');
}

function barChart(targets: readonly TargetOutcome[], caption: string, title: string): string {
  const throughput: Bar[] = [];
  const p99: Bar[] = [];
  for (const target of targets) {
    if (target.status !== 'measured') {
      const text = target.status === 'unavailable' ? 'not available' : 'failed';
      throughput.push({ label: target.name, value: null, text });
      p99.push({ label: target.name, value: null, text });
      continue;
    }
    const { requestsPerSecond, p99Ms } = target.summary;
    throughput.push({
      label: target.name,
      value: requestsPerSecond,
      text: `${Math.round(requestsPerSecond)}`,
    });
    p99.push({
      label: target.name,
      value: p99Ms,
      text: p99Ms === null ? 'n/a' : `${p99Ms.toFixed(2)} ms`,
    });
  }
  const width = PANEL_WIDTH * 2 + 40;
  const height = TOP + targets.length * ROW + 30;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="18" font-size="12" fill="#555">${escapeXml(caption)}</text>
${panel(10, title, throughput, '#3b6ea8')}
${panel(PANEL_WIDTH + 30, 'p99 latency (lower is better)', p99, '#c0504d')}
</svg>
`;
}
