import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The scale test runs alone, under `pnpm test:scale` (scale/vitest.config.ts).
    exclude: [...configDefaults.exclude, 'scale/**'],
  },
});
