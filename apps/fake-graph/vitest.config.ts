import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Pact core otherwise sends usage telemetry on every run (and this machine has no internet).
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
