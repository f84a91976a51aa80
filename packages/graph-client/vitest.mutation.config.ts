import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

// `pnpm mutation` runs the unit tests only: the Pact consumer test and its checks (src/contract/)
// need the Pact mock server for every mutant and say nothing about the client's logic.
export default mergeConfig(
  base,
  defineConfig({ test: { exclude: [...configDefaults.exclude, 'src/contract/**'] } }),
);
