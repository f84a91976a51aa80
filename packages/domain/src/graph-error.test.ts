import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyGraphError,
  DUPLICATE_REFERENCE_MESSAGE,
  GRAPH_ERROR_KINDS,
  GraphErrorEnvelope,
  graphErrorEnvelope,
} from './graph-error.ts';

const envelope = (code: string, message: string) => ({ error: { code, message } });

describe('classifyGraphError', () => {
  it.each([
    [400, envelope('Request_BadRequest', 'Invalid value for property name'), 'invalidInput'],
    [400, envelope('Request_BadRequest', DUPLICATE_REFERENCE_MESSAGE), 'alreadyMember'],
    [401, envelope('InvalidAuthenticationToken', 'Access token is empty.'), 'unauthenticated'],
    [403, envelope('Authorization_RequestDenied', 'Insufficient privileges'), 'forbidden'],
    [404, envelope('Request_ResourceNotFound', 'Resource does not exist'), 'notFound'],
    [429, envelope('TooManyRequests', 'Slow down'), 'rateLimited'],
    [500, envelope('InternalServerError', 'boom'), 'unavailable'],
    [503, undefined, 'unavailable'],
    [504, '<html>gateway timeout</html>', 'unavailable'],
    [409, envelope('Conflict', 'x'), 'unknown'],
    [302, undefined, 'unknown'],
  ] as const)('%i %j is %s', (status, body, kind) => {
    expect(classifyGraphError(status, body)).toBe(kind);
  });

  it('reads no message but the duplicate prefix, and that only on a 400', () => {
    expect(classifyGraphError(404, envelope('x', DUPLICATE_REFERENCE_MESSAGE))).toBe('notFound');
    expect(classifyGraphError(400, { error: { message: DUPLICATE_REFERENCE_MESSAGE } })).toBe(
      'invalidInput',
    );
    expect(
      classifyGraphError(400, `{"error":${JSON.stringify(DUPLICATE_REFERENCE_MESSAGE)}}`),
    ).toBe('invalidInput');
  });

  it('classifies any status and body into a known kind without throwing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999 }), fc.anything(), (status, body) => {
        expect(GRAPH_ERROR_KINDS).toContain(classifyGraphError(status, body));
      }),
    );
  });
});

describe('graphErrorEnvelope', () => {
  it("builds Graph's envelope with correlation ids and a second-precision date", () => {
    const built = graphErrorEnvelope('Request_BadRequest', 'bad', {
      requestId: 'r-1',
      clientRequestId: 'c-1',
      date: new Date('2026-11-28T01:02:03.456Z'),
    });
    expect(built).toEqual({
      error: {
        code: 'Request_BadRequest',
        message: 'bad',
        innerError: {
          date: '2026-11-28T01:02:03Z',
          'request-id': 'r-1',
          'client-request-id': 'c-1',
        },
      },
    });
    expect(GraphErrorEnvelope.safeParse(built).success).toBe(true);
  });
});
