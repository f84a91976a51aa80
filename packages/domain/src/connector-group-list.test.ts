import { describe, expect, it } from 'vitest';
import { ConnectorGroupList, ConnectorGroupsQuery } from './connector-group-list.ts';

const GROUP = 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const listed = {
  id: GROUP,
  connectorGroupType: 'applicationProxy',
  isDefault: true,
  name: 'Default',
  region: 'nam',
};

describe('ConnectorGroupList', () => {
  it('reads tolerantly: unknown properties ignored, unknown enum values as unknownFutureValue', () => {
    const parsed = ConnectorGroupList.parse({
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#connectorGroups',
      value: [{ ...listed, region: 'mars', connectorGroupType: 'quantum', extra: 1 }],
    });
    expect(parsed.value).toEqual([
      { ...listed, region: 'unknownFutureValue', connectorGroupType: 'unknownFutureValue' },
    ]);
  });

  it('needs an id on every listed group, and fails the whole list for one bad item', () => {
    const { id: _id, ...withoutId } = listed;
    expect(ConnectorGroupList.safeParse({ value: [listed, withoutId] }).success).toBe(false);
    expect(ConnectorGroupList.safeParse({ value: [{ ...listed, id: 'x' }] }).success).toBe(false);
    expect(ConnectorGroupList.safeParse({ value: [] }).success).toBe(true);
    expect(ConnectorGroupList.safeParse({}).success).toBe(false);
  });
});

describe('ConnectorGroupsQuery', () => {
  it('takes an optional name with the rules of a written name', () => {
    expect(ConnectorGroupsQuery.parse({})).toEqual({});
    expect(ConnectorGroupsQuery.parse({ name: ' West ' })).toEqual({ name: 'West' });
    expect(ConnectorGroupsQuery.safeParse({ name: '' }).success).toBe(false);
    expect(ConnectorGroupsQuery.safeParse({ name: 'a\u0000' }).success).toBe(false);
  });

  it('refuses a lone surrogate, but not a well-formed pair', () => {
    expect(ConnectorGroupsQuery.safeParse({ name: 'a\uDC00' }).success).toBe(false);
    expect(ConnectorGroupsQuery.safeParse({ name: 'a\uD83D\uDE00' }).success).toBe(true);
  });
});
