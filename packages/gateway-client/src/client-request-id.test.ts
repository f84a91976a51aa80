import { describe, expect, it } from 'vitest';
import { newClientRequestId } from './client-request-id.ts';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientRequestId', () => {
  it('uses crypto.randomUUID where there is one', () => {
    expect(newClientRequestId()).toMatch(V4);
    expect(newClientRequestId()).not.toBe(newClientRequestId());
  });

  it('builds a version 4 UUID from getRandomValues outside secure contexts', () => {
    const insecure = { getRandomValues: (array: Uint8Array) => array.fill(0xff) };
    expect(newClientRequestId(insecure)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    const zeros = { getRandomValues: (array: Uint8Array) => array.fill(0) };
    expect(newClientRequestId(zeros)).toBe('00000000-0000-4000-8000-000000000000');
    const real = {
      getRandomValues: (array: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(array),
    };
    expect(newClientRequestId(real)).toMatch(V4);
  });
});
