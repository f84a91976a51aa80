import type { ConnectorGroup, ConnectorWithGroup } from '@connectors/domain';
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import type { GatewayContext } from '../context.ts';
import { DEFAULT_FIRST, MAX_FIRST } from '../paging/cursor.ts';
import type { Connection } from '../paging/page-window.ts';
import { type MembersArgs, resolveMembers } from './connector-page.ts';
import { ConnectorGroupRegionEnum, ConnectorGroupTypeEnum, ConnectorStatusEnum } from './enums.ts';

// The read model's types reference each other (a group's members are connectors, a connector's
// group is a group), so they live in one file: split, the files would import each other.

/** `first`'s description, the same on every connection field. */
export const FIRST_DESCRIPTION = `How many items, 1 to ${MAX_FIRST} (default ${DEFAULT_FIRST}).`;
/** `after`'s description, the same on every connection field. */
export const AFTER_DESCRIPTION =
  "The `endCursor` (or an edge's `cursor`) of the page before; omit it for the first page. Only the list that gave it out accepts it.";

/** The output `ConnectorGroup`; its source value is the domain's `ConnectorGroup` (REST values). */
export const ConnectorGroupObject: GraphQLObjectType = new GraphQLObjectType<
  ConnectorGroup,
  GatewayContext
>({
  name: 'ConnectorGroup',
  description: 'A group of application proxy connectors that serve the same applications.',
  fields: () => ({
    id: {
      type: GraphQLID,
      description:
        "The group's object id (a GUID); null when the upstream answered 204 for a group named by `name` only.",
    },
    connectorGroupType: {
      type: new GraphQLNonNull(ConnectorGroupTypeEnum),
      description: 'The kind of connector group.',
    },
    isDefault: {
      type: new GraphQLNonNull(GraphQLBoolean),
      description: "Whether this is the tenant's default connector group.",
    },
    name: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'The display name of the group.',
    },
    region: {
      type: new GraphQLNonNull(ConnectorGroupRegionEnum),
      description: "The region the group's traffic is served from.",
    },
    members: {
      type: ConnectorConnectionObject,
      description:
        'The connectors in this group, a page at a time (REST: GET .../connectorGroups/{id}/members, one upstream call). Read only under `Query.connectorGroup`, so a list of groups never costs a call per group: null elsewhere. A bad `first` or `after` is an error with `extensions.code` INVALID_INPUT and no upstream call.',
      args: {
        first: { type: GraphQLInt, defaultValue: DEFAULT_FIRST, description: FIRST_DESCRIPTION },
        after: { type: GraphQLString, description: AFTER_DESCRIPTION },
      },
      resolve: (group: ConnectorGroup, args: MembersArgs, context: GatewayContext) =>
        resolveMembers(group, args, context),
    },
  }),
});

/** The output `Connector`; its source value is the domain's connector with its expanded group. */
export const ConnectorObject: GraphQLObjectType = new GraphQLObjectType<ConnectorWithGroup>({
  name: 'Connector',
  description:
    'An Application Proxy connector: an agent on a server that publishes on-premises applications.',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID), description: "The connector's object id (a GUID)." },
    machineName: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'The name of the server the connector runs on.',
    },
    externalIp: {
      type: GraphQLString,
      description:
        'The public IP address the connector reaches the service from; null until it reports in.',
    },
    status: {
      type: new GraphQLNonNull(ConnectorStatusEnum),
      description: 'Whether it reports in.',
    },
    version: {
      type: GraphQLString,
      description: "The connector's version; null until it reports in.",
    },
    connectorGroup: {
      type: ConnectorGroupObject,
      description:
        'The one group the connector is in, read in the same upstream call as the connector ($expand=memberOf); null if the upstream sent none.',
      resolve: (connector: ConnectorWithGroup) => connector.memberOf[0] ?? null,
    },
  }),
});

/** Relay's `PageInfo`. */
export const PageInfoObject = new GraphQLObjectType({
  name: 'PageInfo',
  description: 'Where a page of a connection ends, and whether another follows (Relay).',
  fields: {
    hasNextPage: {
      type: new GraphQLNonNull(GraphQLBoolean),
      description: 'Whether another page follows: ask for it with `after: endCursor`.',
    },
    endCursor: {
      type: GraphQLString,
      description: "The last edge's cursor; null for an empty page.",
    },
  },
});

/** `<Node>Edge` and `<Node>Connection` for a node type, as Relay names them. */
export function connectionObject(
  node: GraphQLObjectType,
  nodeDescription: string,
): GraphQLObjectType {
  const edge = new GraphQLObjectType({
    name: `${node.name}Edge`,
    description: `A ${nodeDescription} in a connection, with the cursor of the place right after it.`,
    fields: {
      node: { type: new GraphQLNonNull(node), description: `The ${nodeDescription}.` },
      cursor: {
        type: new GraphQLNonNull(GraphQLString),
        description:
          'Opaque: pass it as `after` for what follows this one. Only this list accepts it; an edited cursor is INVALID_INPUT.',
      },
    },
  });
  return new GraphQLObjectType<Connection<unknown>>({
    name: `${node.name}Connection`,
    description: `A page of ${nodeDescription}s, as Relay connections (and Apollo Client, urql) page.`,
    fields: {
      edges: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))),
        description: `The ${nodeDescription}s of this page, in the upstream order.`,
      },
      pageInfo: { type: new GraphQLNonNull(PageInfoObject), description: 'Where the page ends.' },
    },
  });
}

/** A page of connectors. */
export const ConnectorConnectionObject = connectionObject(ConnectorObject, 'connector');
/** A page of connector groups. */
export const ConnectorGroupConnectionObject = connectionObject(
  ConnectorGroupObject,
  'connector group',
);
