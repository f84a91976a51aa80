import type { GraphFailure } from '@connectors/graph-client';
import { GATEWAY_ERROR_CODES, GatewayError, UNEXPECTED_ERROR_MESSAGE } from './gateway-error.ts';
import { USER_ERROR_CODES, type UserError } from './user-error.ts';

/**
 * How a failed client call reaches the caller: an expected failure as a user error (data), or a
 * fault as a coded GraphQL error for the resolver to raise.
 */
export type FailureAnswer =
  | { kind: 'userError'; userError: UserError }
  | { kind: 'fault'; error: GatewayError };

/**
 * Maps a failed client call by docs/errors.md's table. Fault messages are the gateway's own, so no
 * upstream body reaches the client; a 400's message is Graph's own sentence for the caller. A
 * user error's `field` is the failure's own when the client set one (the `graph` profile's
 * group-name lookup), else null (Graph's answers name no input field).
 * @param groupField where the connector group sits in the operation, for ALREADY_MEMBER
 */
export function answerForFailure(
  failure: GraphFailure,
  groupField: readonly string[] | null,
): FailureAnswer {
  // Every fault below came from the upstream side: each says whether anything was sent.
  const details = { requestId: failure.requestId, sent: failure.sent, cause: failure };
  const retry = { ...details, retryAfterSeconds: failure.retryAfterSeconds };
  switch (failure.kind) {
    case 'invalidInput':
      return userError({
        code: USER_ERROR_CODES.invalidInput,
        message: failure.message,
        field: fieldOf(failure),
      });
    case 'notFound':
      return userError({
        code: USER_ERROR_CODES.notFound,
        message: failure.message,
        field: fieldOf(failure),
      });
    case 'alreadyMember':
      return userError({
        code: USER_ERROR_CODES.alreadyMember,
        message: 'The connector is already a member of this connector group.',
        field: groupField === null ? null : [...groupField],
      });
    case 'unauthenticated':
      return fault(
        GATEWAY_ERROR_CODES.unauthenticated,
        'The upstream did not accept the bearer token (401): get a new token.',
        details,
      );
    case 'forbidden':
      return fault(
        GATEWAY_ERROR_CODES.forbidden,
        'The token is not allowed to do this (upstream 403).',
        details,
      );
    case 'rateLimited':
      return fault(GATEWAY_ERROR_CODES.rateLimited, rateLimitedMessage(failure), retry);
    case 'timeout':
      return fault(
        GATEWAY_ERROR_CODES.upstreamTimeout,
        'The upstream did not answer in time. The change may or may not have been made: read it back before retrying.',
        details,
      );
    case 'unavailable':
      return fault(GATEWAY_ERROR_CODES.upstreamUnavailable, unavailableMessage(failure), retry);
    default:
      // 'unknown' and any kind added later: the masked error's shape, nothing of the answer.
      return fault(GATEWAY_ERROR_CODES.internal, UNEXPECTED_ERROR_MESSAGE, details);
  }
}

// In whole seconds when known: "later" is no help to a caller that could wait exactly.
function retryIn(failure: GraphFailure): string {
  return failure.retryAfterSeconds === undefined || failure.retryAfterSeconds === 0
    ? 'try again later'
    : `try again in ${failure.retryAfterSeconds} s`;
}

// Sent or not is the one thing a caller needs to know about a write: not sent, it surely did not
// land, and the same call can simply be made again.
function rateLimitedMessage(failure: GraphFailure): string {
  return failure.sent
    ? `The upstream is rate limiting requests (429): ${retryIn(failure)}.`
    : `The upstream asked for a pause, so the gateway did not send this call (nothing was changed): ${retryIn(failure)}.`;
}

function unavailableMessage(failure: GraphFailure): string {
  return failure.sent
    ? `The upstream is unavailable: ${retryIn(failure)}.`
    : `The gateway did not send this call: too many calls to the upstream are in progress (nothing was changed): ${retryIn(failure)}.`;
}

// Graph's own 400 and 404 name no input field; the client's group-name lookup does (its path in
// the operation, e.g. ["input","connectorGroup","name"]), and a caller can then point at it.
function fieldOf(failure: GraphFailure): string[] | null {
  return failure.field === undefined ? null : [...failure.field];
}

function userError(error: UserError): FailureAnswer {
  return { kind: 'userError', userError: error };
}

function fault(...args: ConstructorParameters<typeof GatewayError>): FailureAnswer {
  return { kind: 'fault', error: new GatewayError(...args) };
}
