import { describe, expect, it } from 'vitest';
import { ConnectorGroupCollection, ConnectorGroupInput } from './connector-group.ts';
import { validate } from './validation.ts';

const valid = {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
};

/** The one message a single bad field gets, as the gateway shows it. */
function messageFor(input: Record<string, unknown>): string | undefined {
  const result = validate(ConnectorGroupInput, input);
  if (result.ok) throw new Error('expected the input to be refused');
  expect(result.issues).toHaveLength(1);
  return result.issues[0]?.message;
}

describe('ConnectorGroupInput messages say what is allowed', () => {
  it('lists the connector group types', () => {
    expect(messageFor({ ...valid, connectorGroupType: 'other' })).toBe(
      'connectorGroupType must be one of: applicationProxy',
    );
  });

  it('explains why unknownFutureValue cannot be written, and lists the regions', () => {
    expect(messageFor({ ...valid, region: 'unknownFutureValue' })).toBe(
      "region unknownFutureValue is Graph's placeholder for regions this API does not know yet and cannot be written; use one of: nam, eur, aus, asia, ind",
    );
    expect(messageFor({ ...valid, region: 'mars' })).toBe(
      'region must be one of: nam, eur, aus, asia, ind',
    );
  });

  it('tells a missing name from one of the wrong type', () => {
    const { name: _name, ...withoutName } = valid;
    expect(messageFor(withoutName)).toBe('name is required');
    expect(messageFor({ ...valid, name: 7 })).toBe('name must be a string');
  });

  it('names control characters as the problem', () => {
    expect(messageFor({ ...valid, name: 'West\tEurope' })).toBe(
      'name must not contain control characters (such as tabs or line breaks)',
    );
  });
});

describe('ConnectorGroupCollection', () => {
  it("reads an OData collection's groups, tolerating what it does not know", () => {
    const parsed = ConnectorGroupCollection.parse({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#connectorGroups',
      value: [{ ...valid, region: 'mars', extra: true }],
    });
    expect(parsed).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#connectorGroups',
      value: [{ ...valid, region: 'unknownFutureValue' }],
    });
    expect(ConnectorGroupCollection.safeParse({ value: 'nope' }).success).toBe(false);
  });
});
