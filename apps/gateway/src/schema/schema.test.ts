/**
 * Contract: the gateway's schema keeps every name and shape of docs/graphql-api.md (frontend teams
 * build on them), describes every type, field, argument and enum value, and matches the
 * committed `schema.graphql`.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { gatewaySchema, printGatewaySchema } from './schema.ts';

// docs/graphql-api.md, verbatim: the contract this schema may grow from but not change.
// ConnectorGroupType's UNKNOWN_FUTURE_VALUE and the screen's types: API.md section 8 (issue 16);
// moveConnectors and its types: API.md section 8 (issue 17). ConnectorGroupInput's four fields
// beside `id` became nullable (issue 16: an add by id needs only the id), a safe change.
const CONTRACT_SDL = `
type Mutation {
  """Adds a connector to a connector group (REST: POST .../members/{connectorId}/memberOf/$ref)."""
  addConnectorMemberOf(input: AddConnectorMemberOfInput!): AddConnectorMemberOfPayload!
  createConnectorGroup(input: CreateConnectorGroupInput!): CreateConnectorGroupPayload!
  moveConnectors(input: MoveConnectorsInput!): MoveConnectorsPayload!
}
input MoveConnectorsInput { connectorIds: [ID!]!, connectorGroupId: ID! }
type MoveConnectorsPayload {
  "One result per requested connector, in the order asked."
  results: [ConnectorMoveResult!]!
  "Input errors that stopped every item (empty when results were produced)."
  userErrors: [UserError!]!
}
type ConnectorMoveResult { connectorId: ID!, outcome: MoveOutcome!, error: MoveError, requestId: String }
enum MoveOutcome { MOVED ALREADY_MEMBER FAILED }
type MoveError { code: String!, message: String!, retryAfterSeconds: Int, sent: Boolean! }
input AddConnectorMemberOfInput {
  applicationId: ID
  connectorId: ID!
  connectorGroup: ConnectorGroupInput!
}
input ConnectorGroupInput {
  id: ID
  connectorGroupType: ConnectorGroupType
  isDefault: Boolean
  name: String
  region: ConnectorGroupRegion
}
enum ConnectorGroupType { APPLICATION_PROXY UNKNOWN_FUTURE_VALUE }
enum ConnectorGroupRegion { NAM EUR AUS ASIA IND UNKNOWN_FUTURE_VALUE }
type ConnectorGroup {
  id: ID
  connectorGroupType: ConnectorGroupType!
  isDefault: Boolean!
  name: String!
  region: ConnectorGroupRegion!
  members(first: Int = 50, after: String): ConnectorConnection
}
type AddConnectorMemberOfPayload {
  "The group the connector now belongs to; null when userErrors is not empty."
  connectorGroup: ConnectorGroup
  "Expected, user-fixable failures. Empty on success."
  userErrors: [UserError!]!
  "The upstream request-id, when the upstream sent one: quote it in support requests."
  requestId: String
}
type UserError {
  code: UserErrorCode!
  message: String!
  "Path to the input field at fault, e.g. [\\"input\\", \\"connectorGroup\\", \\"name\\"]."
  field: [String!]
}
enum UserErrorCode { INVALID_INPUT NOT_FOUND ALREADY_MEMBER }
input ConnectorFilter { status: ConnectorStatus, connectorGroupId: ID }
type ConnectorsPayload { connectors: ConnectorConnection, userErrors: [UserError!]!, requestId: String }
type ConnectorGroupPayload { connectorGroup: ConnectorGroup, userErrors: [UserError!]!, requestId: String }
type ConnectorConnection { edges: [ConnectorEdge!]!, pageInfo: PageInfo! }
type ConnectorEdge { node: Connector!, cursor: String! }
type PageInfo { hasNextPage: Boolean!, endCursor: String }
type Connector {
  id: ID!
  machineName: String!
  externalIp: String
  status: ConnectorStatus!
  version: String
  "The one group the connector is in."
  connectorGroup: ConnectorGroup
}
enum ConnectorStatus { ACTIVE INACTIVE UNKNOWN_FUTURE_VALUE }
input CreateConnectorGroupInput { name: String!, region: ConnectorGroupRegion! }
type CreateConnectorGroupPayload { connectorGroup: ConnectorGroup, userErrors: [UserError!]!, requestId: String }
`;

/** A type's shape as comparable strings: `field(arg: T): T` per field, or the enum's values. */
function shape(type: GraphQLNamedType | undefined): string[] {
  if (type === undefined) return ['<missing>'];
  if (isEnumType(type)) return type.getValues().map((value) => value.name);
  if (isObjectType(type)) {
    return Object.values(type.getFields()).map((field) => {
      const args = field.args.map((arg) => `${arg.name}: ${arg.type}`).join(', ');
      return `${field.name}${args ? `(${args})` : ''}: ${field.type}`;
    });
  }
  if (isInputObjectType(type)) {
    return Object.values(type.getFields()).map((field) => `${field.name}: ${field.type}`);
  }
  return [type.toString()];
}

describe('the GraphQL schema', () => {
  const contract = buildSchema(CONTRACT_SDL);
  const contractTypes = Object.values(contract.getTypeMap()).filter(
    (type) =>
      !type.name.startsWith('__') && !['ID', 'String', 'Boolean', 'Int'].includes(type.name),
  );

  it.each(contractTypes.map((type) => [type.name, type] as const))(
    'keeps docs/graphql-api.md type %s exactly',
    (name, type) => {
      const ours = gatewaySchema.getType(name);
      expect(ours?.constructor).toBe(type.constructor);
      expect(shape(ours)).toEqual(shape(type));
    },
  );

  it("has a Query type that earns its place: the lookups and the screen's reads", () => {
    expect(shape(gatewaySchema.getQueryType() ?? undefined)).toEqual([
      'connectorMemberOf(applicationId: ID, connectorId: ID!): ConnectorMemberOfPayload!',
      'connectorGroups(name: String): ConnectorGroupsPayload!',
      'connectors(first: Int, after: String, filter: ConnectorFilter): ConnectorsPayload!',
      'connectorGroup(id: ID!): ConnectorGroupPayload!',
      'connectorGroupsConnection(name: String, first: Int, after: String): ConnectorGroupsConnectionPayload!',
    ]);
  });

  it('gives connectorGroups the payload shape of connectorMemberOf', () => {
    const payload = (name: string) => shape(gatewaySchema.getType(name) ?? undefined);
    expect(payload('ConnectorGroupsPayload')).toEqual(payload('ConnectorMemberOfPayload'));
  });

  it('describes every type, field, argument and enum value', () => {
    const undescribed: string[] = [];
    for (const type of Object.values(gatewaySchema.getTypeMap())) {
      if (type.name.startsWith('__') || ['ID', 'String', 'Boolean'].includes(type.name)) continue;
      if (!type.description) undescribed.push(type.name);
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) undescribed.push(`${type.name}.${value.name}`);
        }
      }
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('matches the committed schema.graphql (run `pnpm --filter ./apps/gateway schema`)', () => {
    const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printGatewaySchema());
  });
});
