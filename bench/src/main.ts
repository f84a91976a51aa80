/**
 * `pnpm bench`: the side-by-side benchmark. Prints the markdown table on stdout, progress on
 * stderr, and writes `latest.json` and `latest.svg` to `--out`. Exits 1 when a target failed
 * its check or its load, 2 on bad options, 124 on the hard timeout, 130 on SIGINT; every child
 * process is stopped in each case.
 */
import { runBench } from './bench-run.ts';
import { ChildProcesses } from './child-processes.ts';
import { renderMarkdown } from './markdown-table.ts';
import { type BenchOptions, hardTimeoutMs, parseBenchOptions } from './options.ts';
import { writeReportFiles } from './report-files.ts';

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const children = new ChildProcesses();
// Last line of defence: whatever path the process takes out, no server outlives it.
process.on('exit', () => children.killAllNow());

let stopping = false;
async function stopAndExit(code: number, message: string): Promise<void> {
  // Once stopping, the run's own failures (its load process just died) are expected noise.
  if (stopping) return;
  stopping = true;
  console.error(message);
  await children.stopAll(1000);
  process.exit(code);
}

const limitMs = hardTimeoutMs(options);
const hardTimeout = setTimeout(() => {
  void stopAndExit(124, `bench: hard timeout after ${limitMs / 1000} s; stopped every process`);
}, limitMs);
process.once('SIGINT', () => void stopAndExit(130, 'bench: interrupted; stopped every process'));
process.once('SIGTERM', () => void stopAndExit(143, 'bench: terminated; stopped every process'));

try {
  const report = await runBench(options, children, (line) => console.error(line));
  await children.stopAll();
  const files = await writeReportFiles(report, options.outDir);
  process.stdout.write(renderMarkdown(report));
  console.error(
    `bench: wrote ${files.json} and ${files.chart}${files.overloadChart ? ` and ${files.overloadChart}` : ''}`,
  );
  clearTimeout(hardTimeout);
  process.exitCode = report.targets.some((target) => target.status === 'failed') ? 1 : 0;
} catch (error) {
  clearTimeout(hardTimeout);
  await stopAndExit(1, `bench: ${(error as Error).stack ?? String(error)}`);
}
