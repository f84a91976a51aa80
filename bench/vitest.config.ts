import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // graphql 16 ships CJS (`main`) and ESM (`module`) without an `exports` map: Node loads
      // the CJS copy for graphql-yoga, Vite would load the ESM one for our code, and yoga would
      // then mask our own GraphQLErrors (two classes, `instanceof` fails). Pin Node's choice.
      graphql: 'graphql/index.js',
    },
  },
});
