import { type GraphQLSchema, parse, validate } from 'graphql';
import type { PactOperation } from './pact-operations.ts';

/** A pact operation the schema no longer accepts, with graphql-js's reasons. */
export interface InvalidOperation {
  operation: PactOperation;
  /** e.g. `Cannot query field "userErrors" on type "AddConnectorMemberOfPayload". (line 4:5)` */
  errors: string[];
}

/**
 * Validates each operation against `schema` with graphql-js's `validate` (the same rules a
 * GraphQL server runs before executing), so a field, argument, type or enum value an operation
 * uses and the schema lost is named in the error.
 */
export function invalidOperations(
  schema: GraphQLSchema,
  operations: readonly PactOperation[],
): InvalidOperation[] {
  return operations.flatMap((operation) => {
    let errors: string[];
    try {
      errors = validate(schema, parse(operation.query)).map((error) => {
        const where = error.locations?.[0];
        return where === undefined
          ? error.message
          : `${error.message} (line ${where.line}:${where.column})`;
      });
    } catch (error) {
      errors = [`not a GraphQL document: ${(error as Error).message}`];
    }
    return errors.length === 0 ? [] : [{ operation, errors }];
  });
}
