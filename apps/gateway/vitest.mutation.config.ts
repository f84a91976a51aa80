import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `pnpm mutation` mutates the error mapping (src/errors/) and runs the tests that decide it: its
// own unit tests and the resolver tests that drive it through GraphQL against a scripted upstream.
// Not the browser, process or end-to-end tests, which would run for every mutant.
export default mergeConfig(
  base,
  defineConfig({ test: { include: ['src/errors/**/*.test.ts', 'src/schema/**/*.test.ts'] } }),
);
