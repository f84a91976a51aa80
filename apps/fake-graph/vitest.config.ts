import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Pact core's usage telemetry would call out to the internet from the verifier and the
    // mock server; this machine must not, and a test must not depend on it.
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
