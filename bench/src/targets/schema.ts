import { addConnectorMemberOf } from './add-connector-member-of.ts';
import type { UpstreamHop } from './upstream-hop.ts';

/**
 * The GraphQL schema of API.md section 2, as SDL. The GraphQL peers (yoga floor, yoga with
 * `fetch`, Apollo) serve it so that they differ from the gateway only in what the gateway adds;
 * they keep their own copy, so they run without the gateway; `schema.test.ts` checks that every
 * type here has the gateway's shape.
 */
export const BENCH_TYPE_DEFS = /* GraphQL */ `
  type Query {
    "Always true: GraphQL requires a Query type."
    ok: Boolean!
  }
  type Mutation {
    "Adds a connector to a connector group (REST: POST .../members/{connectorId}/memberOf/$ref)."
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
  enum ConnectorGroupType {
    APPLICATION_PROXY
  }
  enum ConnectorGroupRegion {
    NAM
    EUR
    AUS
    ASIA
    IND
    UNKNOWN_FUTURE_VALUE
  }
  type ConnectorGroup {
    id: ID
    connectorGroupType: ConnectorGroupType!
    isDefault: Boolean!
    name: String!
    region: ConnectorGroupRegion!
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
  enum UserErrorCode {
    INVALID_INPUT
    NOT_FOUND
    ALREADY_MEMBER
  }
`;

/** What the GraphQL peers put in context: the caller's `Authorization` header, verbatim. */
export interface BenchContext {
  authorization: string | null;
}

/** Resolvers for {@link BENCH_TYPE_DEFS}, sending through `hop`. */
export function createBenchResolvers(hop: UpstreamHop) {
  return {
    Query: { ok: () => true },
    Mutation: {
      addConnectorMemberOf: (_root: unknown, args: { input: unknown }, context: BenchContext) =>
        addConnectorMemberOf(hop, args.input, context.authorization),
    },
  };
}
