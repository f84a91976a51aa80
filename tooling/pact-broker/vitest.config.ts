import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // The Pact core and CLI otherwise send usage telemetry on every run.
    env: { PACT_DO_NOT_TRACK: 'true' },
    // Each step runs real commands (npm install, the Pact core's verifier, the broker's CLI) on
    // a shared 2-core machine; every test sets its own bound on top.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One broker, one loop: the files share its state and run one after the other.
    fileParallelism: false,
  },
});
