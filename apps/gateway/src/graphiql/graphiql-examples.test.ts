import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { gatewaySchema } from '../schema/schema.ts';
import { graphiqlOptionsFor } from './graphiql.ts';

// Every tab GraphiQL opens with is a document the schema accepts: an example that no longer
// validates would greet a frontend developer with an error.
describe('GraphiQL examples', () => {
  it.each(['seed', 'graph'] as const)(
    'validate against the schema under %s, the screen included',
    (api) => {
      const tabs = graphiqlOptionsFor(api).defaultTabs ?? [];
      const documents = tabs.map((tab) => tab.query ?? '');
      expect(documents.some((query) => query.includes('connectors(first:'))).toBe(true);
      expect(documents.some((query) => query.includes('createConnectorGroup('))).toBe(true);
      for (const query of documents) expect(validate(gatewaySchema, parse(query))).toEqual([]);
    },
  );
});
