import {
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import { USER_ERROR_CODES } from '../errors/user-error.ts';

export const UserErrorCodeEnum = new GraphQLEnumType({
  name: 'UserErrorCode',
  description: 'Why an operation could not be done as asked; the caller can fix each one.',
  values: {
    [USER_ERROR_CODES.invalidInput]: {
      description:
        'The input is invalid: checked by the gateway (no upstream call) or refused by the upstream with a 400.',
    },
    [USER_ERROR_CODES.notFound]: {
      description:
        'The application, connector or connector group does not exist (upstream 404), or no connector group has the name given (UPSTREAM_API=graph).',
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
