import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  AddMemberOfRequest,
  ConnectorGroup,
  ConnectorGroupInput,
  type ConnectorGroupRegion,
  ConnectorGroupRegionRead,
  ConnectorGroupTypeRead,
} from './connector-group.ts';
import { DirectoryObjectId } from './ids.ts';
import { SEED } from './seed.ts';
import { validate } from './validation.ts';

const valid = {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
};

function issuesOf(input: unknown) {
  const result = validate(ConnectorGroupInput, input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.issues;
}

describe('DirectoryObjectId', () => {
  it.each([
    SEED.connectorId, // no RFC 4122 version nibble
    SEED.applicationId,
    '00000000-0000-0000-0000-000000000000',
    'ABCDEF01-2345-6789-ABCD-EF0123456789',
  ])('accepts the GUID %s', (id) => {
    expect(DirectoryObjectId.safeParse(id).success).toBe(true);
  });

  it.each([
    '',
    'not-a-guid',
    'e98f0710-0710-e98f-1007-8fe910078fe', // one digit short
    'e98f0710-0710-e98f-1007-8fe910078fe9x',
    '{e98f0710-0710-e98f-1007-8fe910078fe9}',
    'e98f07100710e98f10078fe910078fe9',
    'g98f0710-0710-e98f-1007-8fe910078fe9',
    '../e98f0710-0710-e98f-1007-8fe910078fe9',
  ])('refuses %j', (id) => {
    expect(DirectoryObjectId.safeParse(id).success).toBe(false);
  });
});

describe('ConnectorGroupInput (write)', () => {
  it('accepts the body of docs/rest-upstream.md and trims the name', () => {
    const result = validate(ConnectorGroupInput, { ...valid, name: '  West Europe connectors ' });
    expect(result).toEqual({ ok: true, value: valid });
  });

  it('accepts an optional existing group id', () => {
    const id = SEED.defaultGroup.id;
    expect(validate(ConnectorGroupInput, { ...valid, id })).toEqual({
      ok: true,
      value: { ...valid, id },
    });
  });

  it("refuses the seed example's placeholder values, naming each field", () => {
    const issues = issuesOf({
      '@odata.type': '#microsoft.graph.connectorGroup',
      connectorGroupType: 'String',
      isDefault: 'Boolean',
      name: 'String',
      region: 'String',
    });
    expect(issues.map((issue) => issue.field)).toEqual([
      ['connectorGroupType'],
      ['isDefault'],
      ['region'],
    ]);
    expect(issues[0]?.message).toBe('connectorGroupType must be one of: applicationProxy');
    expect(issues[1]?.message).toBe('isDefault must be true or false');
    expect(issues[2]?.message).toBe('region must be one of: nam, eur, aus, asia, ind');
  });

  it('refuses unknownFutureValue on write and says why', () => {
    const [issue, ...rest] = issuesOf({ ...valid, region: 'unknownFutureValue' });
    expect(rest).toEqual([]);
    expect(issue?.field).toEqual(['region']);
    expect(issue?.message).toMatch(/unknownFutureValue .* cannot be written/);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '    '],
    ['a tab', 'West\tEurope'],
    ['a line break', 'West Europe\n'],
    ['NUL', 'West\u0000Europe'],
    ['DEL', 'West\u007fEurope'],
    ['a C1 control', 'West\u0085Europe'],
    ['a lone surrogate', 'West \uD800Europe'],
  ])('refuses a name with %s', (_what, name) => {
    const issues = issuesOf({ ...valid, name });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toEqual(['name']);
    expect(issues[0]?.message).toMatch(/^name must/);
  });

  it('accepts 256 characters and refuses 257', () => {
    expect(validate(ConnectorGroupInput, { ...valid, name: 'a'.repeat(256) }).ok).toBe(true);
    const issues = issuesOf({ ...valid, name: 'a'.repeat(257) });
    expect(issues[0]?.message).toBe('name must be at most 256 characters');
  });

  it('counts the length after trimming', () => {
    expect(validate(ConnectorGroupInput, { ...valid, name: ` ${'a'.repeat(256)} ` }).ok).toBe(true);
  });

  it('accepts names in any script', () => {
    const name = 'Connecteurs Île-de-France 東京 🚀';
    expect(validate(ConnectorGroupInput, { ...valid, name })).toEqual({
      ok: true,
      value: { ...valid, name },
    });
  });

  it('names missing fields as required', () => {
    const issues = issuesOf({});
    expect(issues.map((issue) => issue.message)).toEqual([
      'connectorGroupType must be one of: applicationProxy',
      'isDefault is required',
      'name is required',
      'region must be one of: nam, eur, aus, asia, ind',
    ]);
  });
});

describe('ConnectorGroup (read)', () => {
  it('ignores unknown properties and keeps a server-assigned id', () => {
    const parsed = ConnectorGroup.parse({
      '@odata.type': '#microsoft.graph.connectorGroup',
      id: SEED.connectorId,
      ...valid,
      connectorCount: 3,
    });
    expect(parsed).toEqual({ id: SEED.connectorId, ...valid });
  });

  it('reads unknownFutureValue and any unknown enum value as unknownFutureValue', () => {
    expect(ConnectorGroupRegionRead.parse('unknownFutureValue')).toBe('unknownFutureValue');
    expect(ConnectorGroupRegionRead.parse('mars')).toBe('unknownFutureValue');
    expect(ConnectorGroupTypeRead.parse('privateAccess')).toBe('unknownFutureValue');
    expect(ConnectorGroup.parse({ ...valid, region: 'bra' }).region).toBe('unknownFutureValue');
  });

  it('still refuses a value of the wrong type', () => {
    expect(ConnectorGroup.safeParse({ ...valid, region: 7 }).success).toBe(false);
    expect(ConnectorGroup.safeParse({ ...valid, isDefault: 'Boolean' }).success).toBe(false);
  });
});

describe('AddMemberOfRequest', () => {
  it('reports every problem with its full path', () => {
    const result = validate(AddMemberOfRequest, {
      applicationId: 'app',
      connectorId: SEED.connectorId,
      connectorGroup: { ...valid, name: '' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.field, issue.message])).toEqual([
      [
        ['applicationId'],
        `applicationId must be a GUID (8-4-4-4-12 hex digits, e.g. ${SEED.applicationId})`,
      ],
      [['connectorGroup', 'name'], 'connectorGroup.name must not be empty or only spaces'],
    ]);
  });
});

describe('derived types', () => {
  it('are what the schemas infer', () => {
    expectTypeOf<ConnectorGroupInput>().toEqualTypeOf<z.output<typeof ConnectorGroupInput>>();
    expectTypeOf<ConnectorGroupInput['region']>().toEqualTypeOf<
      'nam' | 'eur' | 'aus' | 'asia' | 'ind'
    >();
    expectTypeOf<ConnectorGroup['region']>().toEqualTypeOf<
      'nam' | 'eur' | 'aus' | 'asia' | 'ind' | 'unknownFutureValue'
    >();
    // Branded: a read id is had only by parsing, and is still a string.
    expectTypeOf<ConnectorGroup['id']>().toEqualTypeOf<DirectoryObjectId | undefined>();
    expectTypeOf<DirectoryObjectId>().toExtend<string>();
    expectTypeOf<ConnectorGroupRegion>().toEqualTypeOf<ConnectorGroupInput['region']>();
    expectTypeOf<AddMemberOfRequest['connectorGroup']>().toEqualTypeOf<ConnectorGroupInput>();
    expectTypeOf<ConnectorGroupInput['isDefault']>().toEqualTypeOf<boolean>();
  });
});
