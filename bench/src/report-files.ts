import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchReport } from './bench-report.ts';
import { renderChart } from './svg-chart.ts';

/** Writes `latest.json` (the whole report) and `latest.svg` (the chart) into `outDir`. */
export async function writeReportFiles(
  report: BenchReport,
  outDir: string,
): Promise<{ json: string; chart: string }> {
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, 'latest.json');
  const chart = join(outDir, 'latest.svg');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(chart, renderChart(report));
  return { json, chart };
}
