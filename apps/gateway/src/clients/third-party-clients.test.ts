/**
 * Contract: the generated documents work with the GraphQL clients frontend teams use (Apollo
 * Client 4, urql 6, graphql-request 7), against the real gateway in front of fake-graph, with the
 * configuration the README gives each. urql's default (queries as GET without a preflight header)
 * is refused by the gateway's CSRF prevention with 403: that is asserted too, so the README's
 * advice stays true.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { seedTenant } from '@connectors/fake-graph';
import {
  AddConnectorMemberOfDocument,
  ConnectorMemberOfDocument,
  ConnectorsDocument,
  type TypedDocumentString,
} from '@connectors/gateway-client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, fetchExchange } from '@urql/core';
import { parse } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type InProcessGateway, startInProcessGateway } from '../../test/in-process-gateway.ts';

// What the README gives Apollo and urql users: both want a DocumentNode (urql reads a `String`
// object as one and fails), so parse the generated text once, keeping its types.
const typed = <TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) =>
  parse(String(document)) as TypedDocumentNode<TResult, TVariables>;
const ConnectorMemberOf = typed(ConnectorMemberOfDocument);
const AddConnectorMemberOf = typed(AddConnectorMemberOfDocument);
const Connectors = typed(ConnectorsDocument);

const APPLICATION_ID = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR_ID = 'e98f0710-0710-e98f-1007-8fe910078fe9';
const DEFAULT_GROUP = 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const authorization = 'Bearer third-party-client-token';
const listVariables = { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID };
const addVariables = (name: string) => ({
  input: {
    applicationId: APPLICATION_ID,
    connectorId: CONNECTOR_ID,
    connectorGroup: {
      connectorGroupType: 'APPLICATION_PROXY',
      isDefault: false,
      name,
      region: 'IND',
    } as const,
  },
});

let gateway: InProcessGateway;
beforeAll(async () => {
  gateway = await startInProcessGateway();
});
afterAll(async () => {
  await gateway?.close();
});
beforeEach(() => gateway.reset());

describe('graphql-request 7', () => {
  it('runs both operations as they are (POST, JSON)', async () => {
    const client = new GraphQLClient(gateway.url, { headers: { authorization } });
    const listed = await client.request(ConnectorMemberOfDocument, listVariables);
    expect(listed.connectorMemberOf.connectorGroups?.map((group) => group.id)).toContain(
      DEFAULT_GROUP,
    );
    const added = await client.request(
      AddConnectorMemberOfDocument,
      addVariables('Via graphql-request'),
    );
    expect(added.addConnectorMemberOf).toMatchObject({
      userErrors: [],
      connectorGroup: { name: 'Via graphql-request' },
    });
  });
});

describe('urql 6 (@urql/core)', () => {
  const client = (options: Partial<ConstructorParameters<typeof Client>[0]> = {}) =>
    new Client({
      url: gateway.url,
      exchanges: [fetchExchange],
      fetchOptions: { headers: { authorization } },
      ...options,
    });

  it('by default sends a query as GET without a preflight header: 403 from CSRF prevention', async () => {
    const result = await client().query(ConnectorMemberOf, listVariables).toPromise();
    expect(result.data).toBeUndefined();
    expect(result.error?.response?.status).toBe(403);
    expect(result.error?.message).toContain('CSRF');
  });

  it('runs queries with preferGetMethod: false (POST, JSON)', async () => {
    const result = await client({ preferGetMethod: false })
      .query(ConnectorMemberOf, listVariables)
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.connectorMemberOf.connectorGroups?.map((group) => group.id)).toContain(
      DEFAULT_GROUP,
    );
  });

  it('runs queries over GET with the graphql-require-preflight header', async () => {
    const result = await client({
      fetchOptions: { headers: { authorization, 'graphql-require-preflight': '1' } },
    })
      .query(ConnectorMemberOf, listVariables)
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.connectorMemberOf.userErrors).toEqual([]);
  });

  it('runs mutations as they are: urql always POSTs them', async () => {
    const result = await client()
      .mutation(AddConnectorMemberOf, addVariables('Via urql'))
      .toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.addConnectorMemberOf.connectorGroup?.name).toBe('Via urql');
  });
});

describe('Apollo Client 4', () => {
  it('runs both operations through HttpLink (POST, JSON)', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: gateway.url, headers: { authorization } }),
      cache: new InMemoryCache(),
    });
    const listed = await client.query({
      query: ConnectorMemberOf,
      variables: listVariables,
      fetchPolicy: 'no-cache',
    });
    expect(listed.error).toBeUndefined();
    expect(listed.data?.connectorMemberOf.connectorGroups?.map((group) => group.id)).toContain(
      DEFAULT_GROUP,
    );
    const added = await client.mutate({
      mutation: AddConnectorMemberOf,
      variables: addVariables('Via Apollo'),
    });
    expect(added.data?.addConnectorMemberOf.connectorGroup?.name).toBe('Via Apollo');
    client.stop();
  });

  it("pages through every connector exactly once with the README's relayStylePagination recipe", async () => {
    // The README's recipe as written there (packages/gateway-client/README.md). The connection
    // sits one level down, in the payload, whose own field has no arguments: relayStylePagination
    // put on it never sees `after` and replaces the list with each page (measured with the
    // earlier recipe: the cache held 7 of the 42 connectors, the last page). So Query.connectors,
    // which has the arguments, merges the nested connection with them.
    const connectorPages = relayStylePagination();
    const cache = new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            connectors: {
              keyArgs: ['filter'],
              merge(existing, incoming, options) {
                const merge = connectorPages.merge;
                if (typeof merge !== 'function')
                  throw new Error('relayStylePagination has a merge');
                return {
                  ...existing,
                  ...incoming,
                  connectors: merge(existing?.connectors, incoming.connectors, options),
                };
              },
            },
          },
        },
      },
    });
    const client = new ApolloClient({
      link: new HttpLink({ uri: gateway.url, headers: { authorization } }),
      cache,
    });
    // The embedded default's realistic tenant (42 connectors): reset() leaves only the seed's one.
    seedTenant(gateway.fakeGraph.store);
    const expected = gateway.fakeGraph.store
      .listConnectors({}, { top: 10_000, after: undefined })
      .items.map((connector) => connector.id);
    // Pages of 7 so the seeded tenant takes several (and the last one is short).
    const first = 7;
    expect(expected.length).toBeGreaterThan(2 * first);

    let result = await client.query({ query: Connectors, variables: { first } });
    let fetches = 1;
    while (result.data?.connectors.connectors?.pageInfo.hasNextPage) {
      expect(fetches).toBeLessThan(expected.length);
      const after = result.data.connectors.connectors.pageInfo.endCursor;
      await client.query({
        query: Connectors,
        variables: { first, after },
        fetchPolicy: 'network-only',
      });
      fetches += 1;
      // What a component reads: the cache's merged list, under the first page's variables.
      result = await client.query({
        query: Connectors,
        variables: { first },
        fetchPolicy: 'cache-only',
      });
    }
    const ids = result.data?.connectors.connectors?.edges.map((edge) => edge.node.id) ?? [];
    expect(ids).toHaveLength(expected.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...expected].sort());
    expect(fetches).toBe(Math.ceil(expected.length / first));
    client.stop();
  });
});
