/**
 * Contract: the schema guard (docs/contracts.md) over the real files. The schema the gateway
 * serves is compared with the last released one (`schema.released.graphql`): every change is
 * printed as breaking, dangerous or safe; a breaking change fails until released on purpose
 * (`pnpm schema:release`, a reviewed diff of the baseline); a dangerous one warns. And every
 * GraphQL operation in every consumer pact under `pacts/` must be valid against the current
 * schema: one that is not fails naming the consumer, the interaction and the field, released or
 * not. The served schema is the code's (`printGatewaySchema`), so a change the committed
 * `schema.graphql` has not caught up with yet is still guarded (schema.test.ts fails that too).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPactDir } from '@connectors/pact-tools';
import { guardSchema, pactOperations } from '@connectors/schema-guard';
import { parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printGatewaySchema } from '../schema/schema.ts';

const RELEASED = fileURLToPath(new URL('../../schema.released.graphql', import.meta.url));
const PACTS_DIR = fileURLToPath(new URL('../../../../pacts/', import.meta.url));

describe('the schema guard', () => {
  it('passes the served schema against the released one and every consumer pact', async () => {
    const pacts = readPactDir(PACTS_DIR);
    const report = await guardSchema({
      released: {
        name: 'apps/gateway/schema.released.graphql',
        sdl: readFileSync(RELEASED, 'utf8'),
      },
      current: { name: 'apps/gateway/schema.graphql', sdl: printGatewaySchema() },
      pacts,
    });
    // Printed on every run: the changes since the release are part of the review.
    console.log(report.text);
    expect(report.ok, report.text).toBe(true);
  });

  it("reads every interaction of the gateway's own consumer pacts as a GraphQL operation", () => {
    const gatewayPacts = readPactDir(PACTS_DIR, { provider: 'connector-gateway' });
    const interactions = gatewayPacts.flatMap(({ pact }) => pact.interactions);
    // Otherwise a change in how pacts carry the query would make the guard validate nothing.
    expect(pactOperations(gatewayPacts)).toHaveLength(interactions.length);
  });
});

/**
 * The served schema without `Query.connectorGroups` and its payload type: the schema as it was
 * before the query was added (issue 12), built from today's, so this holds after any release.
 */
function withoutConnectorGroups(sdl: string): string {
  const document = visit(parse(sdl), {
    ObjectTypeDefinition(node) {
      if (node.name.value === 'ConnectorGroupsPayload') return null;
      if (node.name.value !== 'Query') return undefined;
      return {
        ...node,
        fields: node.fields?.filter((field) => field.name.value !== 'connectorGroups'),
      };
    },
  });
  return print(document);
}

describe('adding Query.connectorGroups', () => {
  it('is classified safe, field and type alike, and passes the guard with every consumer pact', async () => {
    const current = printGatewaySchema();
    const before = withoutConnectorGroups(current);
    expect(before).not.toContain('connectorGroups(');

    const report = await guardSchema({
      released: { name: 'before connectorGroups', sdl: before },
      current: { name: 'apps/gateway/schema.graphql', sdl: current },
      pacts: readPactDir(PACTS_DIR),
    });
    const changes = report.changes.map(({ level, type, path }) => ({ level, type, path }));
    expect(changes).toEqual(
      expect.arrayContaining([
        { level: 'safe', type: 'FIELD_ADDED', path: 'Query.connectorGroups' },
        { level: 'safe', type: 'FIELD_ARGUMENT_ADDED', path: 'Query.connectorGroups.name' },
        { level: 'safe', type: 'TYPE_ADDED', path: 'ConnectorGroupsPayload' },
      ]),
    );
    // Nothing else changed, and nothing of it is breaking or dangerous.
    for (const change of changes) {
      expect(change.level, change.type).toBe('safe');
      expect(change.path).toMatch(/^(Query\.connectorGroups|ConnectorGroupsPayload)\b/);
    }
    expect(report.warnings).toEqual([]);
    expect(report.ok, report.text).toBe(true);
    // A pact already listing groups is valid against the new schema, invalid against the old.
    const operations = pactOperations(readPactDir(PACTS_DIR, { provider: 'connector-gateway' }));
    expect(operations.some((operation) => operation.query.includes('connectorGroups('))).toBe(true);
    const old = await guardSchema({
      released: { name: 'before connectorGroups', sdl: before },
      current: { name: 'before connectorGroups', sdl: before },
      pacts: readPactDir(PACTS_DIR),
    });
    expect(old.invalid.map(({ operation }) => operation.operationName)).toContain(
      'ConnectorGroups',
    );
  });
});
