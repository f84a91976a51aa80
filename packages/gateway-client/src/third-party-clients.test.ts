/**
 * Contract: the generated documents work with the GraphQL clients frontend teams use (Apollo
 * Client 4, urql 6, graphql-request 7), against the real gateway in front of fake-graph, with the
 * configuration the README gives each. urql's default (queries as GET without a preflight header)
 * is refused by the gateway's CSRF prevention with 403: that is asserted too, so the README's
 * advice stays true.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client, fetchExchange } from '@urql/core';
import { parse } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessGateway, startInProcessGateway } from '../test/in-process-gateway.ts';
import {
  AddConnectorMemberOfDocument,
  ConnectorMemberOfDocument,
  type TypedDocumentString,
} from './generated/graphql.ts';

// What the README gives Apollo and urql users: both want a DocumentNode (urql reads a `String`
// object as one and fails), so parse the generated text once, keeping its types.
const typed = <TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) =>
  parse(String(document)) as TypedDocumentNode<TResult, TVariables>;
const ConnectorMemberOf = typed(ConnectorMemberOfDocument);
const AddConnectorMemberOf = typed(AddConnectorMemberOfDocument);

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
});
