/**
 * A side-by-side micro-benchmark (issue 15): what graphql's share of a fast-path request costs,
 * graphql-js `execute` against the query graphql-jit compiled at start
 * (`apps/gateway/src/fast-path/compiled-operation.ts`), for the bench's own request (`BENCH_QUERY`,
 * `BENCH_VARIABLES`: gateway-client's `addConnectorMemberOf`) against the gateway's real schema and
 * resolvers. The one stub is the upstream client, answering at once with the group, so what is
 * timed is variable coercion, execution, the resolver (bearer check, zod validation, the trace)
 * and result building: no sockets. Each execution gets a fresh context, as the fast path builds
 * one per request.
 *
 * Rounds interleave the two executors (the order alternates), each round timing `--iterations`
 * executions of each after the warm-up; it reports, per executor, the median over rounds of CPU
 * µs per execution (`process.cpuUsage`: the machine is shared, wall time moves with neighbours)
 * and the wall µs beside it, then the ratio of the medians.
 *
 *   pnpm --filter @connectors/bench bench:fast-path-execute [--rounds 5] [--iterations 20000] [--warmup 50000]
 *
 * About 10 s with the defaults, a hard timeout over it, no network. Decided figures are recorded
 * in bench/README.md ("graphql's share: compiled execution").
 */

import { parseArgs } from 'node:util';
import { compileOperation, gatewaySchema } from '@connectors/gateway';
import { execute, parse } from 'graphql';
import { z } from 'zod';
import {
  BENCH_GROUP_NAME,
  BENCH_QUERY,
  BENCH_TOKEN,
  BENCH_VARIABLES,
  isSuccessPayload,
} from '../bench-request.ts';

const Options = z.object({
  rounds: z.coerce.number().int().min(1).max(20).default(5),
  iterations: z.coerce.number().int().min(100).max(200_000).default(20_000),
  warmup: z.coerce.number().int().min(0).max(200_000).default(50_000),
});
const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    iterations: { type: 'string' },
    warmup: { type: 'string' },
  },
});
const parsed = Options.safeParse(values);
if (!parsed.success) {
  console.error(`fast-path-execute: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const options = parsed.data;

const HARD_TIMEOUT_MS = 60_000;
const hardTimeout = setTimeout(() => {
  console.error(`fast-path-execute: hard timeout after ${HARD_TIMEOUT_MS} ms`);
  process.exit(124);
}, HARD_TIMEOUT_MS);
hardTimeout.unref();

/** The upstream answering at once: a 201 with the group as added (no read-back call). */
const client = {
  api: 'seed' as const,
  addConnectorMemberOf: async () => ({
    ok: true as const,
    status: 201,
    requestId: 'micro-request-id',
    connectorGroup: {
      id: '0f2f0f4e-6e3a-4cb1-9c68-5d3b8a1c2e11',
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      name: BENCH_GROUP_NAME,
      region: 'eur',
    },
  }),
};
const headers = {
  get: (name: string) => (name === 'authorization' ? `Bearer ${BENCH_TOKEN}` : null),
};
const signal = new AbortController().signal;
const variables = JSON.parse(JSON.stringify(BENCH_VARIABLES)) as Record<string, unknown>;
const context = () => ({
  client,
  request: { headers, signal },
  trace: { startedAt: 0 },
  params: { query: BENCH_QUERY, documentId: undefined, variables, operationName: undefined },
});

const document = parse(BENCH_QUERY);
const operation = document.definitions.find(
  (definition) => definition.kind === 'OperationDefinition',
);
if (operation?.kind !== 'OperationDefinition') throw new Error('BENCH_QUERY has no operation');
const compiled = compileOperation(gatewaySchema, BENCH_QUERY, document, operation);
if (compiled.mode !== 'compiled') {
  throw new Error(`the bench's document is not compiled: ${JSON.stringify(compiled.mode)}`);
}
type Executor = () => unknown;
const executors: Record<'graphql-js' | 'compiled', Executor> = {
  // What the fast path ran before, and still runs for an operation its fence keeps from graphql-jit.
  'graphql-js': () =>
    execute({
      schema: gatewaySchema,
      document,
      variableValues: variables,
      contextValue: context(),
    }),
  compiled: () => compiled.execute(variables, context()),
};

// Both must answer the bench's success payload, byte for byte the same, before anything is timed.
const answers = await Promise.all(
  Object.values(executors).map(async (run) => JSON.stringify(await run())),
);
if (!answers.every((answer) => isSuccessPayload(answer) && answer === answers[0])) {
  throw new Error(`the executors do not both answer the success payload: ${answers.join(' / ')}`);
}

async function time(run: Executor, iterations: number): Promise<{ cpuUs: number; wallUs: number }> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await run();
  const wall = Number(process.hrtime.bigint() - wallBefore) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { cpuUs: (cpu.user + cpu.system) / iterations, wallUs: wall / iterations };
}

const names = Object.keys(executors) as (keyof typeof executors)[];
for (const name of names) await time(executors[name], options.warmup);
const samples: Record<string, { cpuUs: number; wallUs: number }[]> = {
  'graphql-js': [],
  compiled: [],
};
for (let round = 0; round < options.rounds; round++) {
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const name of order) samples[name]?.push(await time(executors[name], options.iterations));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const summary: Record<string, number> = {};
for (const name of names) {
  const runs = samples[name] ?? [];
  const cpu = median(runs.map((run) => run.cpuUs));
  summary[name] = cpu;
  console.log(
    `${name.padEnd(10)} CPU ${cpu.toFixed(1)} µs/execution (rounds: ${runs.map((run) => run.cpuUs.toFixed(1)).join(', ')}), wall ${median(runs.map((run) => run.wallUs)).toFixed(1)} µs`,
  );
}
const ratio = (summary['graphql-js'] as number) / (summary.compiled as number);
console.log(
  `compiled: ${ratio.toFixed(2)}x less CPU per execution than graphql-js (${((summary['graphql-js'] as number) - (summary.compiled as number)).toFixed(1)} µs saved), ${options.rounds} rounds of ${options.iterations}`,
);
