import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type FieldNode,
  GraphQLError,
  type GraphQLSchema,
  getLocation,
  type OperationDefinitionNode,
  parse,
  visit,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/**
 * Runs one operation of a trusted document: its variables as sent, the request's context. The
 * result is graphql-js's: the same data and the same errors (class, message, `locations`, `path`,
 * `extensions`, `originalError`), so yoga's masking, result processing and logging treat it
 * exactly as they treat `execute`'s.
 */
export type OperationExecutor = (
  variables: Record<string, unknown> | null | undefined,
  context: unknown,
) => ExecutionResult | Promise<ExecutionResult>;

/** How an operation runs, and why: the compiled query, or graphql-js `execute` as a fallback. */
export interface ExecutableOperation {
  execute: OperationExecutor;
  /** `compiled` when graphql-jit compiled it; otherwise why not (logged once, at start). */
  mode: 'compiled' | { fallback: string };
}

// graphql-js's message for a non-null field that resolved to null, reported from a plain `Error`
// (so yoga masks it); graphql-jit reports it from no error at all (so yoga would show it).
const NON_NULL_MESSAGE = /^Cannot return null for non-nullable field /;

/**
 * Compiles `operation` of a trusted document with graphql-jit, falling back to graphql-js
 * `execute` when it cannot (graphql-jit's compile error is the reason). Measured
 * (bench/src/micro/fast-path-execute.ts): the bench's mutation executes in about a third of
 * graphql-js's CPU time once compiled (figures in bench/README.md).
 *
 * graphql-jit builds JavaScript source from the document and runs it with `new Function`: only
 * the manifest's documents reach it, each once, at start (`TrustedDocuments`, parsed and
 * validated against the gateway's schema and rules first); no request text ever is compiled.
 *
 * It compiles a fresh parse of `text`, not `document`: graphql-jit writes its skip/include
 * bookkeeping onto the field nodes it compiles (`__internalShouldInclude`), and `document` is the
 * one yoga caches and executes. The same text gives the same locations, which is how each error is
 * mapped back to `document`'s own field nodes.
 */
export function compileOperation(
  schema: GraphQLSchema,
  text: string,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ExecutableOperation {
  const operationName = operation.name?.value;
  const interpreted: OperationExecutor = (variables, context) =>
    execute({
      schema,
      document,
      operationName,
      variableValues: variables,
      contextValue: context,
    });
  let compiled: CompiledQuery | ExecutionResult;
  try {
    compiled = compileQuery<Record<string, unknown>, Record<string, unknown>>(
      schema,
      parse(text),
      operationName,
    );
  } catch (error) {
    return { execute: interpreted, mode: { fallback: String(error) } };
  }
  if (!isCompiledQuery(compiled)) {
    const reasons = compiled.errors?.map((error) => error.message).join('; ') ?? 'no reason';
    return { execute: interpreted, mode: { fallback: reasons } };
  }
  const query = compiled.query;
  const fieldsAt = fieldNodesByLocation(document);
  // graphql-js answers `{ errors, data }` in that order, and the body is serialised in key order.
  const located = (result: ExecutionResult): ExecutionResult =>
    result.errors === undefined || !('data' in result)
      ? result
      : {
          errors: result.errors.map((error) => asLocatedError(error, fieldsAt)),
          data: result.data,
        };
  return {
    execute: (variables, context) => {
      const result = query(undefined, context, variables);
      return isPromiseLike(result) ? result.then(located) : located(result);
    },
    mode: 'compiled',
  };
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

const locationKey = (line: number, column: number) => `${line}:${column}`;

/** Every field node of `document` by where it starts, as an error's `locations` name it. */
function fieldNodesByLocation(document: DocumentNode): ReadonlyMap<string, FieldNode> {
  const fields = new Map<string, FieldNode>();
  visit(document, {
    Field(node) {
      if (node.loc === undefined) return;
      const { line, column } = getLocation(node.loc.source, node.loc.start);
      fields.set(locationKey(line, column), node);
    },
  });
  return fields;
}

/**
 * graphql-jit's error as graphql-js's `locatedError` makes it: a graphql-js `GraphQLError` over
 * the same field nodes (its `locations`, `source`, `positions`), with the same `path` and
 * `originalError`. graphql-jit's own error class keeps `locations` without nodes, and a non-null
 * violation or a leaf that does not serialize has no `originalError`: yoga's `maskError` would
 * then let a non-null violation through where graphql-js has it masked, and a masked error
 * would lose its `locations`.
 */
function asLocatedError(
  error: GraphQLError,
  fieldsAt: ReadonlyMap<string, FieldNode>,
): GraphQLError {
  const original = error.originalError;
  // graphql-js's locatedError passes an error that already has a path through as it is.
  if (original instanceof GraphQLError && Array.isArray(original.path)) return original;
  const nodes = (error.locations ?? [])
    .map(({ line, column }) => fieldsAt.get(locationKey(line, column)))
    .filter((node): node is FieldNode => node !== undefined);
  return new GraphQLError(error.message, {
    nodes,
    path: error.path,
    originalError:
      original ??
      // What graphql-js throws in each case: a plain Error for a non-null violation, a
      // GraphQLError from a built-in scalar's or an enum's `serialize`.
      (NON_NULL_MESSAGE.test(error.message)
        ? new Error(error.message)
        : new GraphQLError(error.message)),
  });
}
