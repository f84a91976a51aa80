import {
  REST_TO_GRAPHQL_REGION,
  REST_TO_GRAPHQL_TYPE,
  type ValidationIssue,
} from '@connectors/domain';
import {
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';

/** The codes of expected, user-fixable failures (API.md section 2). */
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

export const UserErrorCodeEnum = new GraphQLEnumType({
  name: 'UserErrorCode',
  description: 'Why an operation could not be done as asked; the caller can fix each one.',
  values: {
    [USER_ERROR_CODES.invalidInput]: {
      description:
        'The input is invalid: checked by the gateway (no upstream call) or refused by the upstream with a 400.',
    },
    [USER_ERROR_CODES.notFound]: {
      description: 'The application, connector or connector group does not exist (upstream 404).',
    },
    [USER_ERROR_CODES.alreadyMember]: {
      description: 'The connector is already a member of that connector group.',
    },
  },
});

export const UserErrorObject = new GraphQLObjectType({
  name: 'UserError',
  description:
    'An expected, user-fixable failure, returned as data rather than as a GraphQL error.',
  fields: {
    code: { type: new GraphQLNonNull(UserErrorCodeEnum), description: 'What went wrong.' },
    message: {
      type: new GraphQLNonNull(GraphQLString),
      description: 'A sentence for people: names the field and what is wrong with it.',
    },
    field: {
      type: new GraphQLList(new GraphQLNonNull(GraphQLString)),
      description:
        'Path to the input field at fault, e.g. ["input", "connectorGroup", "name"]; null when not one field.',
    },
  },
});

/**
 * A domain validation issue as an `INVALID_INPUT` user error. The domain's `field` is relative to
 * what it parsed; `prefix` makes it the path in the GraphQL operation (["input"] for the mutation).
 */
export function invalidInputError(issue: ValidationIssue, prefix: readonly string[]): UserError {
  return {
    code: USER_ERROR_CODES.invalidInput,
    message: inGraphQLNames(issue),
    field: [...prefix, ...issue.field],
  };
}

// The domain's messages name enum values as REST writes them (`unknownFutureValue`, `eur`); a
// GraphQL caller writes UNKNOWN_FUTURE_VALUE and EUR, so the message uses those names.
const ENUM_NAMES: Record<string, Record<string, string>> = {
  region: REST_TO_GRAPHQL_REGION,
  connectorGroupType: REST_TO_GRAPHQL_TYPE,
};
const ENUM_VALUE_PATTERNS = Object.fromEntries(
  Object.entries(ENUM_NAMES).map(([field, names]) => [
    field,
    new RegExp(`\\b(${Object.keys(names).join('|')})\\b`, 'g'),
  ]),
);

function inGraphQLNames(issue: ValidationIssue): string {
  const field = issue.field.at(-1);
  const names = field === undefined ? undefined : ENUM_NAMES[field];
  const pattern = field === undefined ? undefined : ENUM_VALUE_PATTERNS[field];
  if (names === undefined || pattern === undefined) return issue.message;
  return issue.message.replace(pattern, (value) => names[value] ?? value);
}
