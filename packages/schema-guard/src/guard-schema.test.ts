import type { LoadedPact } from '@connectors/pact-tools';
import { describe, expect, it } from 'vitest';
import { guardSchema, type SchemaSource } from './guard-schema.ts';

/** The part of the gateway's schema (docs/graphql-api.md) these cases change, in memory. */
const SDL = `
type Query {
  connectorMemberOf(applicationId: ID!, connectorId: ID!): ConnectorMemberOfPayload!
}
type Mutation {
  addConnectorMemberOf(input: AddConnectorMemberOfInput!): AddConnectorMemberOfPayload!
}
input AddConnectorMemberOfInput {
  applicationId: ID!
  connectorId: ID!
  connectorGroup: ConnectorGroupInput!
}
input ConnectorGroupInput {
  id: ID
  connectorGroupType: ConnectorGroupType!
  isDefault: Boolean!
  name: String!
  region: ConnectorGroupRegion!
}
enum ConnectorGroupType { APPLICATION_PROXY }
enum ConnectorGroupRegion { NAM EUR AUS ASIA IND UNKNOWN_FUTURE_VALUE }
type ConnectorGroup {
  id: ID
  connectorGroupType: ConnectorGroupType!
  isDefault: Boolean!
  name: String!
  region: ConnectorGroupRegion!
}
type ConnectorMemberOfPayload {
  connectorGroups: [ConnectorGroup!]
  userErrors: [UserError!]!
  requestId: String
}
type AddConnectorMemberOfPayload {
  connectorGroup: ConnectorGroup
  userErrors: [UserError!]!
  requestId: String
}
type UserError {
  code: UserErrorCode!
  message: String!
  field: [String!]
}
enum UserErrorCode { INVALID_INPUT NOT_FOUND ALREADY_MEMBER }
`;

const ADD = `mutation AddConnectorMemberOf($input: AddConnectorMemberOfInput!) {
  addConnectorMemberOf(input: $input) {
    connectorGroup { id name region }
    userErrors { code message field }
    requestId
  }
}`;
const LIST = `query ConnectorMemberOf($applicationId: ID!, $connectorId: ID!) {
  connectorMemberOf(applicationId: $applicationId, connectorId: $connectorId) {
    connectorGroups { id name isDefault }
    requestId
  }
}`;

function graphqlInteraction(description: string, query: string, operationName: string) {
  return {
    type: 'Synchronous/HTTP',
    description,
    request: {
      method: 'POST',
      path: '/graphql',
      body: {
        contentType: 'application/json',
        encoded: false,
        content: { operationName, query, variables: {} },
      },
    },
  };
}

const PACTS: LoadedPact[] = [
  {
    path: '/pacts/connector-admin-web-connector-gateway.json',
    pact: {
      consumer: { name: 'connector-admin-web' },
      provider: { name: 'connector-gateway' },
      interactions: [
        graphqlInteraction('adds a connector to a new group', ADD, 'AddConnectorMemberOf'),
        graphqlInteraction("lists a connector's groups", LIST, 'ConnectorMemberOf'),
      ],
    },
  },
  {
    // A REST pact under the same folder: no GraphQL in it, nothing to validate.
    path: '/pacts/connector-gateway-graph-api.json',
    pact: {
      consumer: { name: 'connector-gateway' },
      provider: { name: 'graph-api' },
      interactions: [
        { description: 'a POST', request: { body: { content: { name: 'West Europe' } } } },
      ],
    },
  },
];

const released: SchemaSource = { name: 'schema.released.graphql', sdl: SDL };
const current = (sdl: string): SchemaSource => ({ name: 'schema.graphql', sdl });

/** SDL with one line of a type replaced; fails loudly if the line is not there. */
function edit(sdl: string, from: string, to: string): string {
  if (!sdl.includes(from)) throw new Error(`fixture has no ${from}`);
  return sdl.replace(from, to);
}

describe('guardSchema', () => {
  it('passes an unchanged schema, validating every GraphQL operation and skipping the REST pact', async () => {
    const report = await guardSchema({ released, current: current(SDL), pacts: PACTS });
    expect(report.ok).toBe(true);
    expect(report.changes).toEqual([]);
    expect(report.operationCount).toBe(2);
    expect(report.text).toBe(
      'schema guard: 0 change(s) from schema.released.graphql to schema.graphql; 2 GraphQL operation(s) in 1 consumer pact(s) validated',
    );
  });

  it('fails removing a field a pact operation uses, naming the consumer, the interaction and the field', async () => {
    const without = edit(
      SDL,
      'type AddConnectorMemberOfPayload {\n  connectorGroup: ConnectorGroup\n  userErrors: [UserError!]!',
      'type AddConnectorMemberOfPayload {\n  connectorGroup: ConnectorGroup',
    );
    const report = await guardSchema({ released, current: current(without), pacts: PACTS });
    expect(report.ok).toBe(false);
    expect(report.changes).toEqual([
      expect.objectContaining({
        level: 'breaking',
        type: 'FIELD_REMOVED',
        path: 'AddConnectorMemberOfPayload.userErrors',
      }),
    ]);
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^breaking change not released: Field 'userErrors' was removed from object type 'AddConnectorMemberOfPayload'.*pnpm schema:release/,
      ),
      `connector-admin-web's interaction "adds a connector to a new group" (connector-admin-web-connector-gateway.json) is not valid against schema.graphql: Cannot query field "userErrors" on type "AddConnectorMemberOfPayload". (line 4:5)`,
    ]);
    expect(report.text).toContain("  BREAKING  Field 'userErrors' was removed");
  });

  it('still fails that removal after it is released: the consumer still uses the field', async () => {
    const without = edit(
      SDL,
      '  userErrors: [UserError!]!\n  requestId: String\n}\ntype UserError',
      '  requestId: String\n}\ntype UserError',
    );
    const report = await guardSchema({
      released: { name: 'schema.released.graphql', sdl: without },
      current: current(without),
      pacts: PACTS,
    });
    expect(report.changes).toEqual([]);
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^connector-admin-web's interaction "adds a connector to a new group" .*Cannot query field "userErrors"/,
      ),
    ]);
  });

  it('removing a field no pact uses is breaking until released, then passes', async () => {
    // ConnectorGroup.connectorGroupType: no operation above selects it.
    const without = edit(
      SDL,
      'type ConnectorGroup {\n  id: ID\n  connectorGroupType: ConnectorGroupType!',
      'type ConnectorGroup {\n  id: ID',
    );
    const unreleased = await guardSchema({ released, current: current(without), pacts: PACTS });
    expect(unreleased.invalid).toEqual([]);
    expect(unreleased.failures).toEqual([
      expect.stringMatching(
        /^breaking change not released: Field 'connectorGroupType' was removed from object type 'ConnectorGroup'/,
      ),
    ]);
    const afterRelease = await guardSchema({
      released: { name: 'schema.released.graphql', sdl: without },
      current: current(without),
      pacts: PACTS,
    });
    expect(afterRelease.ok).toBe(true);
  });

  it('warns about an added enum value, naming what a client must handle and who reads it', async () => {
    const withMars = edit(
      SDL,
      'enum ConnectorGroupRegion { NAM EUR',
      'enum ConnectorGroupRegion { MARS NAM EUR',
    );
    const report = await guardSchema({ released, current: current(withMars), pacts: PACTS });
    expect(report.ok).toBe(true);
    expect(report.changes).toEqual([
      expect.objectContaining({
        level: 'dangerous',
        type: 'ENUM_VALUE_ADDED',
        path: 'ConnectorGroupRegion.MARS',
      }),
    ]);
    expect(report.warnings).toEqual([
      'ConnectorGroupRegion gained MARS: every client that reads ConnectorGroupRegion must handle a value it does not know (show it, never crash on it); read by connector-admin-web ("adds a connector to a new group")',
    ]);
    expect(report.text).toContain(
      "  DANGEROUS Enum value 'MARS' was added to enum 'ConnectorGroupRegion'",
    );
    expect(report.text).toContain('warning: ConnectorGroupRegion gained MARS');
  });

  it('says when no consumer pact reads an enum that gained a value', async () => {
    const withCode = edit(
      SDL,
      'enum ConnectorGroupType { APPLICATION_PROXY }',
      'enum ConnectorGroupType { APPLICATION_PROXY PRIVATE_ACCESS }',
    );
    const report = await guardSchema({ released, current: current(withCode), pacts: PACTS });
    expect(report.warnings).toEqual([
      expect.stringMatching(
        /^ConnectorGroupType gained PRIVATE_ACCESS: .*; no consumer pact reads it yet$/,
      ),
    ]);
  });

  it('lists a safe change as safe, and passes', async () => {
    const withField = edit(
      SDL,
      '  requestId: String\n}\ntype UserError',
      '  requestId: String\n  retriedAttempts: Int\n}\ntype UserError',
    );
    const report = await guardSchema({ released, current: current(withField), pacts: PACTS });
    expect(report.ok).toBe(true);
    expect(report.changes.map((change) => change.level)).toEqual(['safe']);
    expect(report.text).toContain(
      "  SAFE      Field 'retriedAttempts' was added to object type 'AddConnectorMemberOfPayload'",
    );
  });

  it('names a schema that does not build, and an operation that does not parse', async () => {
    await expect(
      guardSchema({ released, current: current('type Query {'), pacts: [] }),
    ).rejects.toThrow(/^schema\.graphql is not a valid GraphQL schema: Syntax Error/);
    const broken: LoadedPact = {
      path: '/pacts/web.json',
      pact: {
        consumer: { name: 'web' },
        provider: { name: 'connector-gateway' },
        interactions: [graphqlInteraction('sends garbage', 'query {', 'X')],
      },
    };
    const report = await guardSchema({ released, current: current(SDL), pacts: [broken] });
    expect(report.failures).toEqual([
      expect.stringMatching(
        /^web's interaction "sends garbage" .*: not a GraphQL document: Syntax Error/,
      ),
    ]);
  });
});
