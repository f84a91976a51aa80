import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships ESM (`module`) and CJS (`main`). Node gives @graphql-inspector/core (not
    // bundled by Vite) the CJS build; Vite would give our sources the ESM one, and graphql-js
    // refuses a schema from "another realm". Pinning the bare import keeps one instance, as the
    // gateway's config does.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
});
