import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWellFormedUnicode, loneSurrogateIn } from './well-formed.ts';

// Node 20's own answer (ES2024, past the project's lib setting): the oracle for the property.
const platformIsWellFormed = (value: string): boolean =>
  (value as string & { isWellFormed(): boolean }).isWellFormed();

const codeUnits = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.integer({ min: 0, max: 0xffff }),
      fc.constantFrom(0xd83d, 0xde80, 0x61),
    ),
    { maxLength: 12 },
  )
  .map((units) => String.fromCharCode(...units));

describe('well-formed Unicode', () => {
  it('agrees with String.prototype.isWellFormed on any sequence of code units (property)', () => {
    fc.assert(
      fc.property(fc.oneof(codeUnits, fc.string({ unit: 'binary' })), (value) => {
        expect(isWellFormedUnicode(value)).toBe(platformIsWellFormed(value));
        expect(loneSurrogateIn(value) === undefined).toBe(platformIsWellFormed(value));
      }),
      { seed: 0x16, numRuns: 2000 },
    );
  });

  it('names the first lone surrogate, not a half of a pair', () => {
    expect(loneSurrogateIn('\uD83D\uDE80 \uDC01 \uD800')).toBe('U+DC01');
    expect(loneSurrogateIn('\uD83D\uDE80')).toBeUndefined();
    expect(loneSurrogateIn('\uDE80\uD83D')).toBe('U+DE80');
    expect(loneSurrogateIn('')).toBeUndefined();
  });
});
