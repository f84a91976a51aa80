import type { GraphFailure } from '@connectors/graph-client';
import { USER_ERROR_CODES, type UserError } from '../schema/user-error.ts';
import { GATEWAY_ERROR_CODES, GatewayError, UNEXPECTED_ERROR_MESSAGE } from './gateway-error.ts';

/**
 * Maps a failed client call by API.md section 2's table: expected failures become a user error
 * (returned as data), faults throw a {@link GatewayError}. Fault messages are the gateway's own,
 * so no upstream body reaches the client; a 400's message is Graph's own sentence for the caller.
 * @param groupField where the connector group sits in the operation, for ALREADY_MEMBER
 * @throws {GatewayError} for every fault
 */
export function userErrorForFailure(
  failure: GraphFailure,
  groupField: readonly string[] | null,
): UserError {
  const details = { requestId: failure.requestId, cause: failure };
  switch (failure.kind) {
    case 'invalidInput':
      return { code: USER_ERROR_CODES.invalidInput, message: failure.message, field: null };
    case 'notFound':
      return { code: USER_ERROR_CODES.notFound, message: failure.message, field: null };
    case 'alreadyMember':
      return {
        code: USER_ERROR_CODES.alreadyMember,
        message: 'The connector is already a member of this connector group.',
        field: groupField === null ? null : [...groupField],
      };
    case 'unauthenticated':
      throw new GatewayError(
        GATEWAY_ERROR_CODES.unauthenticated,
        'The upstream did not accept the bearer token (401): get a new token.',
        details,
      );
    case 'forbidden':
      throw new GatewayError(
        GATEWAY_ERROR_CODES.forbidden,
        'The token is not allowed to do this (upstream 403).',
        details,
      );
    case 'rateLimited':
      throw new GatewayError(
        GATEWAY_ERROR_CODES.rateLimited,
        failure.retryAfterSeconds === undefined
          ? 'The upstream is rate limiting requests (429): try again later.'
          : `The upstream is rate limiting requests (429): try again in ${failure.retryAfterSeconds} s.`,
        { ...details, retryAfterSeconds: failure.retryAfterSeconds },
      );
    case 'timeout':
      throw new GatewayError(
        GATEWAY_ERROR_CODES.upstreamTimeout,
        'The upstream did not answer in time. The change may or may not have been made: read it back before retrying.',
        details,
      );
    case 'unavailable':
      throw new GatewayError(
        GATEWAY_ERROR_CODES.upstreamUnavailable,
        'The upstream is unavailable: try again later.',
        details,
      );
    default:
      // 'unknown' and any kind added later: the masked error's shape, nothing of the answer.
      throw new GatewayError(GATEWAY_ERROR_CODES.internal, UNEXPECTED_ERROR_MESSAGE, details);
  }
}
