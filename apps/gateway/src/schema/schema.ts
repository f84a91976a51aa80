import { GraphQLObjectType, GraphQLSchema, printSchema } from 'graphql';
import { addConnectorMemberOfField } from './add-connector-member-of.ts';
import { connectorGroupsConnectionField, connectorGroupsField } from './connector-groups.ts';
import { connectorMemberOfField } from './connector-member-of.ts';
import { connectorGroupField, connectorsField } from './connectors.ts';
import { createConnectorGroupField } from './create-connector-group.ts';
import { moveConnectorsField } from './move-connectors.ts';

/**
 * The gateway's schema, built code-first with graphql-js: the enums are generated from the
 * domain's GraphQL<->REST maps, so they cannot drift from it, and resolvers work in REST values.
 * `schema.graphql` is printed from this (`pnpm --filter ./apps/gateway schema`).
 */
export const gatewaySchema = new GraphQLSchema({
  description:
    'Application Proxy connector groups for frontend teams, proxied to the Microsoft Graph REST API.',
  query: new GraphQLObjectType({
    name: 'Query',
    description: 'Reads: what the upstream holds now.',
    fields: {
      connectorMemberOf: connectorMemberOfField,
      connectorGroups: connectorGroupsField,
      connectors: connectorsField,
      connectorGroup: connectorGroupField,
      connectorGroupsConnection: connectorGroupsConnectionField,
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    description:
      'Changes; each field is one upstream REST write, retried only when that is safe (under UPSTREAM_API=graph, an add by name first looks the group up).',
    fields: {
      addConnectorMemberOf: addConnectorMemberOfField,
      createConnectorGroup: createConnectorGroupField,
      moveConnectors: moveConnectorsField,
    },
  }),
});

/** The SDL committed as `schema.graphql`, in definition order (the order of docs/graphql-api.md). */
export function printGatewaySchema(): string {
  return `${printSchema(gatewaySchema)}\n`;
}
