/**
 * docs/errors.md's table as code: each failure kind of the client becomes the user
 * error or the coded GraphQL error the table names, with the gateway's own message (an upstream
 * body never reaches the caller, except a 400's message, which is Graph's sentence for them).
 */
import type { GraphFailure } from '@connectors/graph-client';
import { describe, expect, it } from 'vitest';
import { GatewayError, UNEXPECTED_ERROR_MESSAGE } from './gateway-error.ts';
import { answerForFailure } from './upstream-failure.ts';
import type { UserError } from './user-error.ts';

/**
 * The user error `answerForFailure` answers with, or its fault thrown: the two kinds of answer
 * as one call, so each row of the table reads as an expectation on one value.
 */
function userErrorForFailure(input: GraphFailure, groupField: readonly string[] | null): UserError {
  const answer = answerForFailure(input, groupField);
  if (answer.kind === 'fault') throw answer.error;
  return answer.userError;
}

const GROUP_FIELD = ['input', 'connectorGroup'] as const;

function failure(kind: GraphFailure['kind'], extra: Partial<GraphFailure> = {}): GraphFailure {
  return {
    ok: false,
    kind,
    message: `upstream says ${kind}`,
    requestId: 'rid-1',
    sent: true,
    ...extra,
  };
}

/** The fault `answerForFailure` answers `input` with. */
function thrown(input: GraphFailure): GatewayError {
  try {
    userErrorForFailure(input, GROUP_FIELD);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error(`expected ${input.kind} to throw`);
}

describe('userErrorForFailure: expected failures are user errors', () => {
  it("invalidInput and notFound keep the upstream's message and point at no field", () => {
    expect(userErrorForFailure(failure('invalidInput'), GROUP_FIELD)).toEqual({
      code: 'INVALID_INPUT',
      message: 'upstream says invalidInput',
      field: null,
    });
    expect(userErrorForFailure(failure('notFound'), GROUP_FIELD)).toEqual({
      code: 'NOT_FOUND',
      message: 'upstream says notFound',
      field: null,
    });
  });

  it("alreadyMember has the gateway's sentence and a copy of the group's field path", () => {
    const groupField = ['input', 'connectorGroup'];
    const userError = userErrorForFailure(failure('alreadyMember'), groupField);
    expect(userError).toEqual({
      code: 'ALREADY_MEMBER',
      message: 'The connector is already a member of this connector group.',
      field: ['input', 'connectorGroup'],
    });
    expect(userError.field).not.toBe(groupField);
    expect(userErrorForFailure(failure('alreadyMember'), null).field).toBeNull();
  });
});

describe('userErrorForFailure: faults throw coded errors', () => {
  it.each([
    [
      'unauthenticated',
      'UNAUTHENTICATED',
      'The upstream did not accept the bearer token (401): get a new token.',
    ],
    ['forbidden', 'FORBIDDEN', 'The token is not allowed to do this (upstream 403).'],
    [
      'timeout',
      'UPSTREAM_TIMEOUT',
      'The upstream did not answer in time. The change may or may not have been made: read it back before retrying.',
    ],
    ['unavailable', 'UPSTREAM_UNAVAILABLE', 'The upstream is unavailable: try again later.'],
    ['unknown', 'INTERNAL_SERVER_ERROR', UNEXPECTED_ERROR_MESSAGE],
  ] as const)('%s is %s with its own message and the request-id', (kind, code, message) => {
    const input = failure(kind);
    const error = thrown(input);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.extensions).toStrictEqual({ code, requestId: 'rid-1', sent: true });
    expect(error.cause).toBe(input);
    expect(JSON.stringify(error)).not.toContain('upstream says');
  });

  it('rateLimited says how long to wait when the upstream did', () => {
    const error = thrown(failure('rateLimited', { retryAfterSeconds: 7 }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.message).toBe('The upstream is rate limiting requests (429): try again in 7 s.');
    expect(error.extensions).toStrictEqual({
      code: 'RATE_LIMITED',
      requestId: 'rid-1',
      retryAfterSeconds: 7,
      sent: true,
    });
  });

  it('rateLimited without a Retry-After says only to try later', () => {
    const error = thrown(failure('rateLimited', { requestId: undefined }));
    expect(error.message).toBe('The upstream is rate limiting requests (429): try again later.');
    expect(error.extensions).toStrictEqual({ code: 'RATE_LIMITED', sent: true });
  });

  it('a call refused before sending says so: sent false, nothing changed, when to retry', () => {
    const queue = thrown(failure('unavailable', { sent: false, retryAfterSeconds: 1 }));
    expect(queue.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(queue.message).toBe(
      'The gateway did not send this call: too many calls to the upstream are in progress (nothing was changed): try again in 1 s.',
    );
    expect(queue.extensions).toStrictEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      requestId: 'rid-1',
      retryAfterSeconds: 1,
      sent: false,
    });
    const gate = thrown(failure('rateLimited', { sent: false, retryAfterSeconds: 2 }));
    expect(gate.code).toBe('RATE_LIMITED');
    expect(gate.message).toBe(
      'The upstream asked for a pause, so the gateway did not send this call (nothing was changed): try again in 2 s.',
    );
    expect(gate.extensions).toMatchObject({ sent: false, retryAfterSeconds: 2 });
  });

  it('a 5xx with Retry-After says when to retry; Retry-After 0 says only later', () => {
    const soon = thrown(failure('unavailable', { retryAfterSeconds: 3 }));
    expect(soon.message).toBe('The upstream is unavailable: try again in 3 s.');
    expect(soon.extensions).toMatchObject({ retryAfterSeconds: 3, sent: true });
    const zero = thrown(failure('unavailable', { retryAfterSeconds: 0 }));
    expect(zero.message).toBe('The upstream is unavailable: try again later.');
  });

  it('a kind added later is masked like an unexpected error', () => {
    const error = thrown(failure('somethingNew' as GraphFailure['kind']));
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('Unexpected error.');
  });
});

describe('GatewayError', () => {
  it('is named, keeps its cause out of the serialised error, and omits absent extensions', () => {
    const cause = new Error('secret upstream detail');
    const error = new GatewayError('FORBIDDEN', 'No.', { cause });
    expect(error.name).toBe('GatewayError');
    expect(error.cause).toBe(cause);
    expect(error.extensions).toStrictEqual({ code: 'FORBIDDEN' });
    expect(JSON.stringify(error)).not.toContain('secret');
    expect(new GatewayError('FORBIDDEN', 'No.').extensions).toStrictEqual({ code: 'FORBIDDEN' });
  });
});
