import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Pact core otherwise sends usage telemetry on every run.
    env: { PACT_DO_NOT_TRACK: 'true' },
    // swagger-mock-validator takes about 1 s to load and check alone, and over 5 s (vitest's
    // default) while turbo runs every package's tests at once on a 2-core machine. Tests that
    // wait on purpose carry their own, much shorter, bounds.
    testTimeout: 30_000,
  },
});
