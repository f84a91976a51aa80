import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  ConnectorGroup,
  ConnectorGroupInput,
  ConnectorGroupName,
  type ConnectorGroupRegion,
  ConnectorGroupRegionRead,
  ConnectorGroupTypeRead,
} from './connector-group.ts';
import { DirectoryObjectId } from './ids.ts';
import { SEED } from './seed.ts';
import { validate } from './validation.ts';

const TOO_LONG = 'name must be at most 256 characters (UTF-16 code units: most emoji count as 2)';

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
    expect(issues[0]?.message).toBe(TOO_LONG);
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

// docs/rest-upstream.md: a name is 1 to 256 UTF-16 code units (JavaScript's `length`, what Graph's
// .NET service counts), and well-formed Unicode. zod 4's `.max()` counts code points, so these
// edges are where the two measures part: an astral character is one code point, two code units.
describe('ConnectorGroupName: length in UTF-16 code units', () => {
  const emoji = '\u{1F680}'; // one code point, two code units
  const accepted = (name: string) => validate(ConnectorGroupName, name).ok;

  it.each([
    ['128 emoji (256 code units)', emoji.repeat(128)],
    ['254 ASCII and one emoji (256)', `${'a'.repeat(254)}${emoji}`],
    ['one emoji and 254 ASCII (256)', `${emoji}${'a'.repeat(254)}`],
    ['127 emoji and 2 ASCII (256)', `${emoji.repeat(127)}ab`],
    ['one emoji (2)', emoji],
  ])('accepts %s', (_what, name) => {
    expect(name.length).toBeLessThanOrEqual(256);
    expect(accepted(name)).toBe(true);
  });

  it.each([
    ['128 emoji and one ASCII (257 code units)', `${emoji.repeat(128)}a`],
    ['one ASCII and 128 emoji (257)', `a${emoji.repeat(128)}`],
    ['255 ASCII and one emoji, straddling the edge (257)', `${'a'.repeat(255)}${emoji}`],
    ['129 emoji (258)', emoji.repeat(129)],
    ['256 emoji (512 code units, 256 code points)', emoji.repeat(256)],
  ])('refuses %s', (_what, name) => {
    expect(name.length).toBeGreaterThan(256);
    expect(issuesOf({ ...valid, name })).toEqual([
      { code: 'invalidInput', field: ['name'], message: TOO_LONG },
    ]);
  });

  it('accepts exactly the trimmed names of 1 to 256 code units (property)', () => {
    // Pieces of one and two code units, in runs long enough to land on both sides of the edge
    // (about 130 to 300 code units), plus open-ended strings for everything else.
    const piece = fc.constantFrom('a', ' ', emoji, '\u00e9', '\u6771', '\u{1F469}\u200D\u{1F4BB}');
    const nearTheEdge = fc
      .array(piece, { minLength: 100, maxLength: 200 })
      .map((pieces) => pieces.join(''));
    const openEnded = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
    );
    let refusedAsTooLong = 0;
    fc.assert(
      fc.property(fc.oneof(nearTheEdge, openEnded), (name) => {
        fc.pre(!/\p{Cc}/u.test(name) && !/\p{Cs}/u.test(name));
        const trimmed = name.trim();
        const result = validate(ConnectorGroupName, name);
        expect(result.ok).toBe(trimmed.length >= 1 && trimmed.length <= 256);
        if (result.ok) expect(result.value).toBe(trimmed);
        else if (trimmed.length > 256) {
          refusedAsTooLong += 1;
          expect(result.issues).toEqual([
            { code: 'invalidInput', field: [], message: expect.stringMatching(/at most 256/) },
          ]);
        }
      }),
      { seed: 0x9a11, numRuns: 1000 },
    );
    // The generator must reach past the edge, or the property proves nothing about it.
    expect(refusedAsTooLong).toBeGreaterThan(50);
  });

  it('measures the edge after trimming, in code units', () => {
    expect(accepted(`  ${emoji.repeat(128)}  `)).toBe(true);
    expect(accepted(`  ${emoji.repeat(128)}a `)).toBe(false);
  });
});

describe('ConnectorGroupName: well-formed Unicode', () => {
  // With the u flag a well-formed pair is one code point, never \p{Cs}: only a lone half matches.
  const LONE =
    /^name must be well-formed Unicode: it contains a lone surrogate \(U\+D[89A-F][0-9A-F]{2}\)/;

  it.each([
    ['a lone high surrogate', 'West\uD800Europe'],
    ['a lone low surrogate', 'West\uDC00Europe'],
    ['a high surrogate at the end', 'West Europe\uDBFF'],
    ['a low surrogate at the start', '\uDFFFWest Europe'],
    ['a pair in the wrong order', 'West\uDC00\uD800Europe'],
    ['only a lone surrogate', '\uD83D'],
  ])('refuses %s, naming the field', (_what, name) => {
    const issues = issuesOf({ ...valid, name });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toEqual(['name']);
    expect(issues[0]?.message).toMatch(LONE);
  });

  it('says which code unit it found', () => {
    expect(issuesOf({ ...valid, name: 'ab\uDE00' })[0]?.message).toContain('(U+DE00)');
  });

  it('accepts well-formed pairs', () => {
    expect(validate(ConnectorGroupName, '\uD83D\uDE80 rockets').ok).toBe(true);
  });

  it('refuses any valid name with a lone surrogate inserted anywhere (property)', () => {
    const loneSurrogate = fc
      .integer({ min: 0xd800, max: 0xdfff })
      .map((unit) => String.fromCharCode(unit));
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'binary', minLength: 1, maxLength: 60 })
          .filter((name) => validate(ConnectorGroupName, name).ok),
        loneSurrogate,
        fc.nat(),
        (name, surrogate, at) => {
          const index = at % (name.length + 1);
          const spliced = `${name.slice(0, index)}${surrogate}${name.slice(index)}`;
          // Splicing inside a pair, or next to its missing half, can make a well-formed pair.
          fc.pre(/\p{Cs}/u.test(spliced));
          const result = validate(ConnectorGroupName, spliced);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.issues[0]?.message).toMatch(/lone surrogate/);
        },
      ),
      { seed: 0x5afe, numRuns: 500 },
    );
  });
});

describe('DirectoryObjectId: lone surrogates', () => {
  it.each([
    '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e1\uD800',
    '\uDC006b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12',
    '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d\uD8000e12',
  ])('refuses %j', (id) => {
    expect(DirectoryObjectId.safeParse(id).success).toBe(false);
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
    expectTypeOf<ConnectorGroupInput['isDefault']>().toEqualTypeOf<boolean>();
  });
});
