import {
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { PactOperation } from './pact-operations.ts';

/**
 * The operations that read a value of enum `enumName` back (a selected field of that type): the
 * clients a new value can surprise. An enum used only in inputs is never read, so it is absent.
 */
export function operationsReadingEnum(
  schema: GraphQLSchema,
  enumName: string,
  operations: readonly PactOperation[],
): PactOperation[] {
  return operations.filter((operation) => {
    let document: ReturnType<typeof parse>;
    try {
      document = parse(operation.query);
    } catch {
      return false;
    }
    const typeInfo = new TypeInfo(schema);
    let reads = false;
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field() {
          const type = typeInfo.getType();
          if (type !== null && type !== undefined) {
            const named = getNamedType(type);
            if (isEnumType(named) && named.name === enumName) reads = true;
          }
        },
      }),
    );
    return reads;
  });
}
