import { describe, expect, it } from 'vitest';
import { ConnectorGroupRestBody } from './connector-group.ts';
import {
  GRAPHQL_TO_REST_REGION,
  GRAPHQL_TO_REST_TYPE,
  REST_TO_GRAPHQL_REGION,
  REST_TO_GRAPHQL_TYPE,
} from './graphql-enums.ts';
import { toRestBody } from './rest-body.ts';
import { SEED } from './seed.ts';

const group = {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
} as const;

describe('toRestBody', () => {
  it('is the exact JSON of docs/rest-upstream.md without an id', () => {
    expect(JSON.stringify(toRestBody(group))).toBe(
      '{"@odata.type":"#microsoft.graph.connectorGroup","connectorGroupType":"applicationProxy","isDefault":false,"name":"West Europe connectors","region":"eur"}',
    );
  });

  it('puts an existing group id right after @odata.type', () => {
    const id = SEED.defaultGroup.id;
    expect(JSON.stringify(toRestBody({ ...group, id }))).toBe(
      `{"@odata.type":"#microsoft.graph.connectorGroup","id":"${id}","connectorGroupType":"applicationProxy","isDefault":false,"name":"West Europe connectors","region":"eur"}`,
    );
  });

  it('produces a body the REST schema accepts', () => {
    expect(ConnectorGroupRestBody.safeParse(toRestBody(group)).success).toBe(true);
  });
});

describe('GraphQL to REST enum mapping', () => {
  it('maps every GraphQL value and round-trips', () => {
    expect(Object.keys(GRAPHQL_TO_REST_REGION)).toEqual([
      'NAM',
      'EUR',
      'AUS',
      'ASIA',
      'IND',
      'UNKNOWN_FUTURE_VALUE',
    ]);
    for (const [graphql, rest] of Object.entries(GRAPHQL_TO_REST_REGION)) {
      expect(REST_TO_GRAPHQL_REGION[rest]).toBe(graphql);
    }
    for (const [graphql, rest] of Object.entries(GRAPHQL_TO_REST_TYPE)) {
      expect(REST_TO_GRAPHQL_TYPE[rest]).toBe(graphql);
    }
    expect(GRAPHQL_TO_REST_TYPE.APPLICATION_PROXY).toBe('applicationProxy');
    expect(REST_TO_GRAPHQL_REGION.unknownFutureValue).toBe('UNKNOWN_FUTURE_VALUE');
  });

  it('is one-to-one', () => {
    expect(new Set(Object.values(GRAPHQL_TO_REST_REGION)).size).toBe(
      Object.keys(GRAPHQL_TO_REST_REGION).length,
    );
  });
});
