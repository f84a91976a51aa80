import { SEED } from '@connectors/domain';
import { describe, expect, it } from 'vitest';
import { BENCH_BODY, BENCH_GROUP_NAME, isSuccessPayload } from './bench-request.ts';

const success = {
  data: {
    addConnectorMemberOf: {
      connectorGroup: { id: null, name: BENCH_GROUP_NAME, region: 'EUR' },
      userErrors: [],
      requestId: 'abc',
    },
  },
};

describe('isSuccessPayload', () => {
  it('accepts the success payload', () => {
    expect(isSuccessPayload(JSON.stringify(success))).toBe(true);
  });

  it.each([
    ['not JSON', 'oops'],
    ['a GraphQL error', JSON.stringify({ ...success, errors: [{ message: 'x' }] })],
    [
      'a userError',
      JSON.stringify({
        data: {
          addConnectorMemberOf: {
            connectorGroup: null,
            userErrors: [{ code: 'INVALID_INPUT', message: 'x', field: null }],
            requestId: null,
          },
        },
      }),
    ],
    [
      'another group',
      JSON.stringify({
        data: {
          addConnectorMemberOf: {
            ...success.data.addConnectorMemberOf,
            connectorGroup: { id: null, name: 'Other', region: 'EUR' },
          },
        },
      }),
    ],
    ['no data', JSON.stringify({ data: null })],
    ['JSON null', 'null'],
  ])('refuses %s', (_label, body) => {
    expect(isSuccessPayload(body)).toBe(false);
  });
});

describe('BENCH_BODY', () => {
  it('is the documented mutation (docs/graphql-api.md) with the seeded ids and a bearer-less body', () => {
    const body = JSON.parse(BENCH_BODY) as { query: string; variables: { input: unknown } };
    expect(body.query).toContain('addConnectorMemberOf(input: $input)');
    expect(body.variables.input).toMatchObject({
      applicationId: SEED.applicationId,
      connectorId: SEED.connectorId,
      connectorGroup: { connectorGroupType: 'APPLICATION_PROXY', region: 'EUR' },
    });
  });
});
