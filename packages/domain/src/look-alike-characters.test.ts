import { describe, expect, it } from 'vitest';
import { ConnectorGroupName } from './connector-group.ts';
import { lookAlikeCharacterIn } from './look-alike-characters.ts';
import { validate } from './validation.ts';

describe('group names that only look like another are refused, naming the character', () => {
  it.each([
    ['Default\u200B', 'U+200B ZERO WIDTH SPACE'],
    ['De\u200Cfault', 'U+200C ZERO WIDTH NON-JOINER'],
    ['a\u200Db', 'U+200D ZERO WIDTH JOINER'],
    ['\uFEFFDefault', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['West\u2060Europe', 'U+2060 WORD JOINER (zero-width)'],
    ['exe.\u202Etxt', 'U+202E RIGHT-TO-LEFT OVERRIDE (bidirectional control)'],
    ['\u2066Default\u2069', 'U+2066 LEFT-TO-RIGHT ISOLATE (bidirectional control)'],
    ['Default\u200F', 'U+200F RIGHT-TO-LEFT MARK (bidirectional control)'],
    ['\u061CDefault', 'U+061C ARABIC LETTER MARK (bidirectional control)'],
  ])('%j: %s', (name, named) => {
    expect(lookAlikeCharacterIn(name)).toBe(named);
    const result = validate(ConnectorGroupName, name);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          code: 'invalidInput',
          field: [],
          message: `input must not contain zero-width or bidirectional control characters, which make a name look like another: it contains ${named}`,
        },
      ],
    });
  });

  it.each([
    ['plain text', 'West Europe connectors'],
    ['right-to-left text itself', 'מחברים'],
    ['an emoji ZWJ sequence', 'Dev team 👩‍💻'],
    ['a ZWJ sequence with a skin tone', 'ops 👩🏽‍🚒'],
    ['a ZWJ sequence with a variation selector', 'flag 🏳️‍🌈'],
  ])('keeps %s', (_what, name) => {
    expect(lookAlikeCharacterIn(name)).toBeUndefined();
    expect(validate(ConnectorGroupName, name).ok).toBe(true);
  });

  it('refuses a joiner that ends a name after an emoji, or starts one before it', () => {
    expect(lookAlikeCharacterIn('team 👩\u200D')).toBe('U+200D ZERO WIDTH JOINER');
    expect(lookAlikeCharacterIn('\u200D💻')).toBe('U+200D ZERO WIDTH JOINER');
  });
});
