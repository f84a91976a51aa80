import { describe, expect, it } from 'vitest';
import { classifyGraphError } from './graph-error.ts';

describe('classifyGraphError status ranges', () => {
  it.each([
    [499, 'unknown'],
    [500, 'unavailable'],
    [599, 'unavailable'],
    [600, 'unknown'],
    [302, 'unknown'],
    [200, 'unknown'],
  ] as const)('classifies %i as %s', (status, kind) => {
    expect(classifyGraphError(status, undefined)).toBe(kind);
  });
});
