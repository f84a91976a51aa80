import type { z } from 'zod';

// Characters that draw nothing, or only reorder what is drawn: a name holding one looks exactly
// like another name in every portal and picker (Trojan Source, CVE-2021-42574, for the bidi ones).
// \p{Cc} (refused separately) covers none of them: they are format characters, \p{Cf}.
const NAMED: Readonly<Record<string, string>> = {
  '\u180E': 'MONGOLIAN VOWEL SEPARATOR (zero-width)',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER (zero-width)',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
  '\u061C': 'ARABIC LETTER MARK (bidirectional control)',
  '\u200E': 'LEFT-TO-RIGHT MARK (bidirectional control)',
  '\u200F': 'RIGHT-TO-LEFT MARK (bidirectional control)',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING (bidirectional control)',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING (bidirectional control)',
  '\u202C': 'POP DIRECTIONAL FORMATTING (bidirectional control)',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE (bidirectional control)',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE (bidirectional control)',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE (bidirectional control)',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE (bidirectional control)',
  '\u2068': 'FIRST STRONG ISOLATE (bidirectional control)',
  '\u2069': 'POP DIRECTIONAL ISOLATE (bidirectional control)',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(NAMED).join('')}]`, 'gu');

// A joiner inside an emoji sequence (👩‍💻 is woman, ZWJ, laptop) draws one glyph that no other
// name draws: allowed there, between two pictographs (an emoji's variation selector or skin tone
// in between), and nowhere else.
const PICTOGRAPH_BEFORE = /\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]*$/u;
const PICTOGRAPH_AFTER = /^\p{Extended_Pictographic}/u;

/**
 * The first zero-width or bidirectional control character in `value`, as `U+202E RIGHT-TO-LEFT
 * OVERRIDE (bidirectional control)`; undefined when there is none. A zero width joiner inside an
 * emoji sequence is not one.
 */
export function lookAlikeCharacterIn(value: string): string | undefined {
  for (const match of value.matchAll(LOOK_ALIKE)) {
    const [character] = match;
    if (
      character === '\u200D' &&
      PICTOGRAPH_BEFORE.test(value.slice(0, match.index)) &&
      PICTOGRAPH_AFTER.test(value.slice(match.index + 1))
    ) {
      continue;
    }
    const code = character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `U+${code} ${NAMED[character]}`;
  }
  return undefined;
}

/** A zod check for a name: refuses a character that makes it look like another, naming it. */
export function noLookAlikeCharacters(payload: z.core.ParsePayload<string>): void {
  const found = lookAlikeCharacterIn(payload.value);
  if (found === undefined) return;
  payload.issues.push({
    code: 'custom',
    input: payload.value,
    message: `must not contain zero-width or bidirectional control characters, which make a name look like another: it contains ${found}`,
  });
}
