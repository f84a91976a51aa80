import {
  type GraphQLFieldConfig,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import { UserErrorObject } from './user-error.ts';

/**
 * The GraphQL type of a payload of a field that calls the upstream: its result under its own name,
 * then `userErrors` and `requestId`, the same two fields on every such payload (the shape
 * `UpstreamPayload` types on the resolver side).
 */
export function upstreamPayloadObject(config: {
  name: string;
  description: string;
  result: { name: string; field: GraphQLFieldConfig<unknown, unknown> };
}): GraphQLObjectType {
  return new GraphQLObjectType({
    name: config.name,
    description: config.description,
    fields: {
      [config.result.name]: config.result.field,
      userErrors: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(UserErrorObject))),
        description: 'Expected, user-fixable failures. Empty on success.',
      },
      requestId: {
        type: GraphQLString,
        description:
          'The upstream request-id, when the upstream sent one: quote it in support requests.',
      },
    },
  });
}
