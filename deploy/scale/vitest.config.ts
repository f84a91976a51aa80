import { defineConfig } from 'vitest/config';

// `pnpm test:scale`: the scale test alone, never part of `pnpm test` (about a minute, haproxy).
export default defineConfig({
  test: {
    include: ['scale/**/*.scale.test.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
