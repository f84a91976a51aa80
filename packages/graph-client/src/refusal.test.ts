import { describe, expect, it } from 'vitest';
import { refusalFailure } from './refusal.ts';

describe('refusalFailure', () => {
  it('the gateway’s own bounds: unavailable, unsent, retry in 1 s', () => {
    for (const reason of ['queueFull', 'queueTimeout'] as const) {
      expect(refusalFailure({ reason })).toEqual({
        ok: false,
        kind: 'unavailable',
        message: expect.stringContaining('nothing was sent'),
        sent: false,
        retryAfterSeconds: 1,
      });
    }
  });

  it('a closed gate: rateLimited, unsent, the time left rounded up, never 0', () => {
    expect(refusalFailure({ reason: 'gateClosed', retryAfterMs: 1200 })).toMatchObject({
      kind: 'rateLimited',
      sent: false,
      retryAfterSeconds: 2,
    });
    expect(refusalFailure({ reason: 'gateClosed', retryAfterMs: 1 })).toMatchObject({
      retryAfterSeconds: 1,
    });
  });
});
