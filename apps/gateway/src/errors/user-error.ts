import type { ValidationIssue } from '@connectors/domain';

/** The codes of expected, user-fixable failures (docs/errors.md). */
export const USER_ERROR_CODES = {
  invalidInput: 'INVALID_INPUT',
  notFound: 'NOT_FOUND',
  alreadyMember: 'ALREADY_MEMBER',
} as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[keyof typeof USER_ERROR_CODES];

/** One `UserError` as a resolver returns it. */
export interface UserError {
  code: UserErrorCode;
  message: string;
  /** Path to the input field at fault; null when the upstream did not say which. */
  field: string[] | null;
}

/**
 * A domain validation issue as an `INVALID_INPUT` user error. The domain's `field` is relative to
 * what it parsed; `prefix` makes it the path in the GraphQL operation (["input"] for the mutation).
 */
export function invalidInputError(issue: ValidationIssue, prefix: readonly string[]): UserError {
  return {
    code: USER_ERROR_CODES.invalidInput,
    message: issue.message,
    field: [...prefix, ...issue.field],
  };
}
