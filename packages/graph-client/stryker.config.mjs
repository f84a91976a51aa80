// `pnpm mutation` (root): Stryker 9.6 over this package's unit tests. See the root README's
// "Mutation testing" section for how to run it and the scores.
import { fileURLToPath } from 'node:url';

export default {
  testRunner: 'vitest',
  // By path: Stryker globs `@stryker-mutator/*` next to its own install, and pnpm keeps the
  // runner elsewhere (the root's devDependencies).
  plugins: [fileURLToPath(import.meta.resolve('@stryker-mutator/vitest-runner'))],
  mutate: ['src/*.ts', 'src/operations/*.ts', '!src/**/*.test.ts', '!src/index.ts'],
  // The unit tests, chosen by a vitest config rather than Stryker's `testFiles`: with that set,
  // 9.6 runs static mutants (module-level values such as a Set of codes) without activating
  // them, so they all survive.
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // In place, with no tsconfig step: that step (used to rewrite a sandbox copy's `extends`)
  // loads the classic TypeScript API, which TypeScript 7 no longer ships. Stryker keeps the
  // originals in .stryker-tmp/ and puts them back when it ends; a killed run leaves mutants in
  // src/ (`git checkout packages/graph-client/src` undoes it).
  inPlace: true,
  tsconfigFile: '',
  // The machine is shared: two test workers, and generous timeouts for a busy core.
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
};
