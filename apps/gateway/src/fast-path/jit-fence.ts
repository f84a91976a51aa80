/**
 * Where graphql-jit, compiled, would answer otherwise than graphql-js `execute`, found by
 * compiled-operation.test.ts against `execute` and by the differential test: operations that must
 * stay with graphql-js (decided once, at start), and variables that must (checked per request).
 */
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Nullable fields whose resolver cannot fail, read from the code: `Connector.connectorGroup` is
 * `connector.memberOf[0] ?? null` over a parsed array (src/schema/read-model.ts). A resolver
 * added here must stay that way: the fence below lets its operations be compiled.
 */
const RESOLVERS_THAT_NEVER_THROW: ReadonlySet<string> = new Set(['Connector.connectorGroup']);

/**
 * Why graphql-jit would answer `document` otherwise than graphql-js, or undefined.
 *
 * - More than one root field (besides `__typename`): graphql-js answers as soon as a non-null root
 *   field fails (`data: null`, that one error), and a mutation's later root fields never run;
 *   graphql-jit runs every root field, answers when all have settled and reports the errors of
 *   the others too (compiled-operation.test.ts, "fenced"). The gateway's root fields are all
 *   non-null and call the upstream: a compiled one would send the calls graphql-js skips.
 * - A nullable field with a resolver of its own: graphql-jit keeps the errors of nullable fields
 *   apart from those of non-null fields and reports them first, where graphql-js reports every
 *   error in the order it occurred. An error on a nullable field needs such a resolver (the
 *   default resolver reads a property) or a nullable leaf that does not serialise, which only a
 *   gateway bug would return (resolvers return the domain's parsed values): then the errors are
 *   the same, in another order (compiled-operation.test.ts says so).
 *
 * Of the client's documents this fences `connectorGroup` (`ConnectorGroup.members`); the
 * manifest's others, the bench's mutation among them, are compiled.
 */
export function answersUnlikeGraphqlJs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): string | undefined {
  const rootFields = rootResponseKeys(document, operation.selectionSet);
  rootFields.delete('__typename');
  if (rootFields.size > 1) {
    return `runs ${rootFields.size} root fields: graphql-js answers at the first non-null one that fails, graphql-jit runs them all`;
  }
  const typeInfo = new TypeInfo(schema);
  const fenced: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field?.resolve === undefined || isNonNullType(field.type)) return;
        const coordinate = `${parent?.name}.${field.name}`;
        if (!RESOLVERS_THAT_NEVER_THROW.has(coordinate)) fenced.push(coordinate);
      },
    }),
  );
  if (fenced.length === 0) return undefined;
  const fields = [...new Set(fenced)].join(', ');
  return `selects nullable fields with resolvers (${fields}): graphql-jit would report their errors before all others`;
}

/** The response keys a selection set gives its type, through fragments, whatever the directives. */
function rootResponseKeys(
  document: DocumentNode,
  selectionSet: SelectionSetNode,
  keys = new Set<string>(),
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      keys.add(selection.alias?.value ?? selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(document, selection.selectionSet, keys);
    } else {
      const fragment = document.definitions.find(
        (definition) =>
          definition.kind === Kind.FRAGMENT_DEFINITION &&
          definition.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) {
        rootResponseKeys(document, fragment.selectionSet, keys);
      }
    }
  }
  return keys;
}

/**
 * Whether a variable of `operation` can hold, at any depth, an input object type whose fields
 * are all optional: the only kind graphql-jit takes `[]` for (a required field makes it refuse,
 * as graphql-js does), measured over every input of the gateway's schema with JSON's kinds of
 * value (compiled-operation.test.ts, "variables").
 */
export function takesAnAllOptionalInputObject(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): boolean {
  const seen = new Set<string>();
  const reaches = (type: GraphQLInputType): boolean => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || seen.has(named.name)) return false;
    seen.add(named.name);
    const fields = Object.values(named.getFields());
    if (fields.every((field) => !isNonNullType(field.type))) return true;
    return fields.some((field) => reaches(field.type));
  };
  return (operation.variableDefinitions ?? []).some((definition) => {
    const type = typeFromAST(schema, definition.type);
    return type !== undefined && reaches(type as GraphQLInputType);
  });
}

/** Whether a JSON value holds an empty array anywhere. */
export function containsEmptyArray(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.length === 0 || value.some(containsEmptyArray);
  for (const key in value) {
    if (containsEmptyArray((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}
