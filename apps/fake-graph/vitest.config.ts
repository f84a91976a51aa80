import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Pact core otherwise sends usage telemetry on every run.
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
