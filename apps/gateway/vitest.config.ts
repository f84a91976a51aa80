import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships ESM (`module`) and CJS (`main`). Node gives graphql-yoga the CJS build;
    // Vite would give our sources the ESM one, and graphql-js refuses a schema from "another
    // realm". Pinning the bare import to Node's choice keeps one graphql instance.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // The Pact core otherwise sends usage telemetry on every run.
    env: { PACT_DO_NOT_TRACK: 'true' },
    // The browser test starts chromium; everything else finishes in well under a second.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
