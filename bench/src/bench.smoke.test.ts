/**
 * Smoke of `pnpm bench` (issue 6): the harness runs end to end in a few seconds, against the
 * floor, the yoga floor and the gateway (reported "not available" while apps/gateway has no
 * main.ts), prints the table with a row per target and writes the JSON and chart; then the
 * overload scenario, and the bulk scenario (issue 17) at 5 connectors. This protects
 * the harness, not the figures: no number is ever asserted.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchReport } from './bench-report.ts';
import { BULK_TABLE_HEADER } from './bulk-table.ts';
import { nodeCommand } from './child-processes.ts';
import { OVERLOAD_TABLE_HEADER, TABLE_HEADER } from './markdown-table.ts';
import { gatewayUnavailableReason } from './targets/gateway.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
/** Far above the ~15 s a smoke takes, below vitest's own limit: a hang fails, it never stalls. */
const RUN_LIMIT_MS = 90_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runMain(args: string[]): Promise<Run> {
  const { command, args: nodeArgs } = nodeCommand(MAIN, args);
  return new Promise((resolve) => {
    // SIGTERM on timeout: main stops every server it started before it exits.
    execFile(
      command,
      nodeArgs,
      { timeout: RUN_LIMIT_MS, killSignal: 'SIGTERM', maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The harness samples each server's CPU and memory from /proc (process-metrics.ts), which only
 * Linux has: elsewhere the smoke is skipped, its name saying why, rather than failing.
 */
const notLinux = process.platform !== 'linux';

describe.skipIf(notLinux)('pnpm bench --smoke (reads /proc: Linux only)', () => {
  let outDir = '';
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it(
    'prints the tables with a row per target and writes latest.json and both charts, bulk moves included',
    async () => {
      outDir = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
      const run = await runMain([
        '--smoke',
        '--targets',
        'floor,yoga-floor,gateway',
        '--out',
        outDir,
      ]);
      expect(run.code, run.stderr).toBe(0);

      const lines = run.stdout.split('\n');
      expect(lines).toContain(TABLE_HEADER);
      // Measured rows carry a throughput; which one is never checked.
      expect(run.stdout).toMatch(/^\| floor \| [\d,]+ \|/m);
      expect(run.stdout).toMatch(/^\| yoga-floor \| [\d,]+ \|/m);
      if (gatewayUnavailableReason() === null) {
        expect(run.stdout).toMatch(/^\| gateway \| [\d,]+ \|/m);
      } else {
        expect(run.stdout).toMatch(/^\| gateway \| – .*not available/m);
      }

      const report = JSON.parse(await readFile(join(outDir, 'latest.json'), 'utf8')) as BenchReport;
      expect(report.targets.map((target) => target.name)).toEqual([
        'floor',
        'yoga-floor',
        'gateway',
      ]);
      expect(report.options.smoke).toBe(true);
      expect(existsSync(join(outDir, 'latest.svg'))).toBe(true);
      expect(await readFile(join(outDir, 'latest.svg'), 'utf8')).toContain('<svg');

      // The overload scenario: the floor and the gateway again, in front of the slow upstream.
      expect(lines).toContain(OVERLOAD_TABLE_HEADER);
      expect(run.stdout).toMatch(/^\| floor \| [\d,]+ \| [\d,]+ \|/m);
      expect(report.overload?.targets.map((target) => target.name)).toEqual(['floor', 'gateway']);
      expect(await readFile(join(outDir, 'latest-overload.svg'), 'utf8')).toContain('Goodput');

      // The bulk scenario at 5 connectors: both ways, unthrottled and throttled, every connector
      // moved (a correctness outcome, not a figure), one round trip for moveConnectors.
      if (gatewayUnavailableReason() !== null) return;
      expect(lines).toContain(BULK_TABLE_HEADER);
      expect(report.bulk?.status, JSON.stringify(report.bulk)).toBe('measured');
      if (report.bulk?.status !== 'measured') return;
      expect(report.bulk.runs.map((run) => [run.how, run.throttled, run.moved])).toEqual([
        ['moveConnectors', false, 5],
        ['addConnectorMemberOf', false, 5],
        ['moveConnectors', true, 5],
        ['addConnectorMemberOf', true, 5],
      ]);
      expect(report.bulk.runs.map((run) => run.roundTrips)).toEqual([1, 5, 1, 5]);
      expect(run.stdout).toMatch(/^\| moveConnectors \(one mutation\) \| no throttling \| 1 \|/m);
    },
    RUN_LIMIT_MS + 10_000,
  );
});
