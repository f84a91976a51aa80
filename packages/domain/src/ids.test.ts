import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DirectoryObjectId, isDirectoryObjectId } from './ids.ts';
import { validate } from './validation.ts';

describe('DirectoryObjectId', () => {
  it('says a missing id is required, and a wrong one what a GUID looks like', () => {
    expect(validate(DirectoryObjectId, undefined)).toMatchObject({
      ok: false,
      issues: [{ message: 'input is required' }],
    });
    expect(validate(DirectoryObjectId, 'nope')).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringMatching(/^input must be a GUID \(8-4-4-4-12 hex digits/) }],
    });
  });
});

describe('isDirectoryObjectId', () => {
  it('agrees with the DirectoryObjectId schema on any string, GUIDs and near-GUIDs included', () => {
    const hex = fc.constantFrom(...'0123456789abcdefABCDEFgG-'.split(''));
    const nearGuid = fc
      .tuple(
        ...[8, 4, 4, 4, 12].map((n) =>
          fc.string({ unit: hex, minLength: n - 1, maxLength: n + 1 }),
        ),
      )
      .map((parts) => parts.join('-'));
    fc.assert(
      fc.property(fc.oneof(fc.uuid(), nearGuid, fc.string()), (value) => {
        expect(isDirectoryObjectId(value)).toBe(DirectoryObjectId.safeParse(value).success);
      }),
      { seed: 20261201, numRuns: 2000 },
    );
  });

  it('is true for a GUID and false for anything else', () => {
    expect(isDirectoryObjectId('e98f0710-0710-e98f-1007-8fe910078fe9')).toBe(true);
    expect(isDirectoryObjectId('e98f0710-0710-e98f-1007-8fe910078fe')).toBe(false);
    expect(isDirectoryObjectId(undefined)).toBe(false);
    expect(isDirectoryObjectId(42)).toBe(false);
  });
});
