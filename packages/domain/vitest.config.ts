import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The property tests run a few hundred cases each; under turbo's parallel `pnpm test` on a
    // 2-core machine one took 6.5 s, past vitest's 5 s default. A hang still fails.
    testTimeout: 30_000,
  },
});
