import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-policy.ts';

describe('parseRetryAfter', () => {
  it('reads a date only when the value starts with a day name, as HTTP dates do', () => {
    // Date.parse reads both; only the second is an HTTP date.
    expect(parseRetryAfter('2025 (Mon)', 0)).toBeUndefined();
    expect(parseRetryAfter('Mon, 01 Jan 2025 00:00:05 GMT', Date.UTC(2025, 0, 1))).toBe(5000);
  });
});
