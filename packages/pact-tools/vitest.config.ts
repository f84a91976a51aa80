import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Pact core otherwise sends usage telemetry on every run (there is no network for it here).
    env: { PACT_DO_NOT_TRACK: 'true' },
    // Two tests run the real verifier (a proxy and a Rust core per run); generous on 2 shared cores.
    testTimeout: 60_000,
  },
});
