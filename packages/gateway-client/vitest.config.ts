import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // As in apps/gateway: Node gives graphql-yoga graphql's CJS build, Vite would give the
    // gateway's sources the ESM one, and graphql-js refuses a schema from "another realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // The Pact core otherwise sends usage telemetry on every run.
    env: { PACT_DO_NOT_TRACK: 'true' },
    // The Pact mock server and codegen each take seconds to start while turbo runs every
    // package's tests at once on a 2-core machine; tests that wait on purpose bound themselves.
    testTimeout: 30_000,
  },
});
