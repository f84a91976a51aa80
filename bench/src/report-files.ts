import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from './bench-report.ts';
import { renderChart, renderOverloadChart } from './svg-chart.ts';

/**
 * Writes `latest.json` (the whole report), `latest.svg` (the chart) and, when the run had the
 * overload scenario, `latest-overload.svg` into `outDir`.
 */
export async function writeReportFiles(
  report: BenchReport,
  outDir: string,
): Promise<{ json: string; chart: string; overloadChart?: string }> {
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, 'latest.json');
  const chart = join(outDir, 'latest.svg');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(chart, renderChart(report));
  const overload = renderOverloadChart(report);
  if (overload === null) return { json, chart };
  const overloadChart = join(outDir, 'latest-overload.svg');
  await writeFile(overloadChart, overload);
  return { json, chart, overloadChart };
}
