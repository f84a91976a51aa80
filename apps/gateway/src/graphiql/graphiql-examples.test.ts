import { SEED } from '@connectors/domain';
import { startFakeGraph } from '@connectors/fake-graph';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { gatewaySchema } from '../schema/schema.ts';
import { graphiqlOptionsFor, MOVE_EXAMPLE } from './graphiql.ts';

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
      expect(documents.some((query) => query.includes('moveConnectors('))).toBe(true);
      for (const query of documents) expect(validate(gatewaySchema, parse(query))).toEqual([]);
    },
  );
});

// The bulk-move tab names ids of fake-graph's seeded tenant: they must be there, the connectors
// outside the target group, so the tab moves them as it says.
describe('GraphiQL moveConnectors tab', () => {
  it("names connectors of fake-graph's tenant, in Default, and an existing group", async () => {
    const fakeGraph = await startFakeGraph();
    try {
      expect(fakeGraph.store.getGroup(MOVE_EXAMPLE.connectorGroupId)?.name).toBe(
        'Amsterdam datacenter',
      );
      for (const id of MOVE_EXAMPLE.connectorIds) {
        expect(fakeGraph.store.groupOf(id)?.id, id).toBe(SEED.defaultGroup.id);
      }
    } finally {
      await fakeGraph.close();
    }
  });
});
