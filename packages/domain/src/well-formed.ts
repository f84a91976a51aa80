import type { z } from 'zod';

// With the u flag a well-formed surrogate pair is one code point, never \p{Cs}: only a lone
// half matches. (`String.prototype.isWellFormed` says the same, but is ES2024, past our lib.)
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The first lone surrogate in `value` (a UTF-16 code unit from D800 to DFFF without its other
 * half), as `U+D800`; undefined when `value` is well-formed Unicode.
 *
 * A lone surrogate arrives through a JSON escape (`"\ud800"`); raw bytes cannot carry one, since
 * UTF-8 decoding replaces them. It must not be forwarded: Graph's .NET service and most JSON
 * parsers outside JavaScript refuse or silently replace it.
 */
export function loneSurrogateIn(value: string): string | undefined {
  const match = LONE_SURROGATE.exec(value);
  if (match === null) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase()}`;
}

/** True when `value` has no lone surrogate. */
export function isWellFormedUnicode(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** A zod check for `z.string().check(...)`: refuses a lone surrogate and says which one. */
export function wellFormedUnicode(payload: z.core.ParsePayload<string>): void {
  const found = loneSurrogateIn(payload.value);
  if (found === undefined) return;
  payload.issues.push({
    code: 'custom',
    input: payload.value,
    message: `must be well-formed Unicode: it contains a lone surrogate (${found}), half of a UTF-16 pair`,
  });
}
