import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { bulkBudgetSeconds } from './bulk-size.ts';

/** Every target the harness knows, in report order. */
export const TARGET_NAMES = [
  'floor',
  'yoga-floor',
  'gateway',
  'gateway-yoga',
  'yoga-fetch',
  'apollo',
] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** The targets the overload scenario compares: the gateway, and the floor with no protection. */
export const OVERLOAD_TARGETS: readonly TargetName[] = ['floor', 'gateway'];

/** Where `pnpm bench` writes by default: the committed results next to this package. */
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../results', import.meta.url));

/** `--smoke`: just enough load to prove the harness runs end to end (CI). */
const SMOKE = { warmupSeconds: 0.5, durationSeconds: 1, rounds: 1 } as const;

const TargetList = z
  .string()
  .transform((list) => list.split(',').map((name) => name.trim()))
  .pipe(
    z
      .array(z.enum(TARGET_NAMES, { error: `targets must be among ${TARGET_NAMES.join(', ')}` }))
      .min(1),
  )
  // Duplicates would only repeat a row; report order is fixed.
  .transform((names) => TARGET_NAMES.filter((name) => names.includes(name)));

const seconds = (max: number) => z.coerce.number().positive().max(max);

/**
 * The CLI options, parsed and bounded so that every run stops by itself. Keys are the flag
 * names, so an error names the flag the user typed.
 */
export const BenchOptions = z
  .object({
    duration: seconds(120).default(5),
    rounds: z.coerce.number().int().min(1).max(20).default(3),
    connections: z.coerce.number().int().min(1).max(500).default(20),
    warmup: z.coerce.number().min(0).max(60).default(2),
    targets: TargetList.default([...TARGET_NAMES]),
    smoke: z.boolean().default(false),
    out: z
      .string()
      .min(1)
      .transform((dir) => resolve(dir))
      .default(DEFAULT_OUT_DIR),
  })
  .transform(({ duration, warmup, out, ...rest }) => {
    const options = { ...rest, durationSeconds: duration, warmupSeconds: warmup, outDir: out };
    return options.smoke ? { ...options, ...SMOKE } : options;
  });
export type BenchOptions = z.output<typeof BenchOptions>;

export const USAGE = `Usage: pnpm bench [options]
  --duration <s>     length of one measured round per target (default 5)
  --rounds <n>       interleaved rounds: A B C, A B C, ... (default 3)
  --connections <n>  concurrent connections of the load generator (default 20)
  --warmup <s>       unmeasured load per target before the rounds (default 2)
  --targets <list>   comma-separated, from ${TARGET_NAMES.join(',')} (default: all)
  --smoke            tiny durations, to prove the harness runs (CI)
  --out <dir>        where latest.json and latest.svg go (default bench/results)`;

/**
 * Parses the command line.
 * @throws {Error} with a message naming the bad option (and `USAGE`).
 */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      targets: { type: 'string' },
      smoke: { type: 'boolean' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const parsed = BenchOptions.safeParse(values);
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n${USAGE}`);
  return parsed.data;
}

/** Time past which a run is stopped whatever it is doing: its planned load plus generous slack. */
export function hardTimeoutMs(options: BenchOptions): number {
  const perTarget = options.warmupSeconds + options.rounds * (options.durationSeconds + 2);
  // The overload scenario loads the floor and the gateway again, in front of the slow upstream.
  const overloadTargets = options.targets.filter((name) => OVERLOAD_TARGETS.includes(name));
  // The bulk scenario (bulk-run.ts) runs when the gateway is a target.
  const bulk = options.targets.includes('gateway') ? bulkBudgetSeconds(options) : 0;
  return Math.round(
    ((options.targets.length + overloadTargets.length) * perTarget + bulk + 90) * 1000,
  );
}
