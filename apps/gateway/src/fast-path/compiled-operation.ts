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
import type { Logger } from 'pino';
import type { TrustedDocuments } from '../trusted-documents/trusted-documents.ts';
import {
  answersUnlikeGraphqlJs,
  containsEmptyArray,
  takesAnAllOptionalInputObject,
} from './jit-fence.ts';

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
  /**
   * `compiled` when graphql-jit compiled it. Otherwise why not: the operation is one graphql-jit
   * would answer differently (`fence`, by design: `jit-fence.ts`), or graphql-jit failed to
   * compile it (`graphql-jit`).
   */
  mode: 'compiled' | { fallback: string; by: 'fence' | 'graphql-jit' };
}

// graphql-js's message for a non-null field that resolved to null, reported from a plain `Error`
// (so yoga masks it); graphql-jit reports it from no error at all (so yoga would show it).
const NON_NULL_MESSAGE = /^Cannot return null for non-nullable field /;

/**
 * Compiles `operation` of a trusted document with graphql-jit, falling back to graphql-js
 * `execute` when it cannot (graphql-jit's compile error is the reason) or when it would answer
 * otherwise (`jit-fence.ts`). Measured (bench/src/micro/fast-path-execute.ts, four runs on a shared
 * machine): the bench's mutation, resolver included, costs 13 to 15 µs of CPU compiled against
 * 35 to 45 µs through `execute`, 2.6 to 2.9 times less, 21 to 30 µs saved per request.
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
  const unlike = answersUnlikeGraphqlJs(schema, document, operation);
  if (unlike !== undefined) {
    return { execute: interpreted, mode: { fallback: unlike, by: 'fence' } };
  }
  let compiled: CompiledQuery | ExecutionResult;
  try {
    compiled = compileQuery<Record<string, unknown>, Record<string, unknown>>(
      schema,
      parse(text),
      operationName,
    );
  } catch (error) {
    return { execute: interpreted, mode: { fallback: String(error), by: 'graphql-jit' } };
  }
  if (!isCompiledQuery(compiled)) {
    const reasons = compiled.errors?.map((error) => error.message).join('; ') ?? 'no reason';
    return { execute: interpreted, mode: { fallback: reasons, by: 'graphql-jit' } };
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
  const guardVariables = takesAnAllOptionalInputObject(schema, operation);
  return {
    execute: (variables, context) => {
      // graphql-jit takes `[]` for an input object whose fields are all optional, as `{}`;
      // graphql-js refuses it. Such variables (rare: a list left empty) run through graphql-js.
      if (guardVariables && containsEmptyArray(variables)) return interpreted(variables, context);
      const result = query(undefined, context, variables);
      return isPromiseLike(result) ? result.then(located) : located(result);
    },
    mode: 'compiled',
  };
}

/**
 * Every operation of every trusted document, made executable once, at start: compiled by
 * graphql-jit, or run by graphql-js `execute` where the fence keeps it from graphql-jit (logged at
 * debug) or graphql-jit could not compile it (logged at warn, with graphql-jit's reason). The
 * gateway starts either way.
 */
export function compileTrustedOperations(
  schema: GraphQLSchema,
  documents: TrustedDocuments,
  logger: Logger,
): ReadonlyMap<OperationDefinitionNode, OperationExecutor> {
  const executors = new Map<OperationDefinitionNode, OperationExecutor>();
  for (const trusted of documents.values()) {
    for (const definition of trusted.document.definitions) {
      if (definition.kind !== 'OperationDefinition') continue;
      const { execute, mode } = compileOperation(
        schema,
        trusted.text,
        trusted.document,
        definition,
      );
      executors.set(definition, execute);
      if (mode === 'compiled') continue;
      // A fenced operation is known and expected (debug); graphql-jit failing to compile one is not.
      logger[mode.by === 'fence' ? 'debug' : 'warn'](
        {
          documentId: `sha256:${trusted.hash}`,
          operation: definition.name?.value,
          reason: mode.fallback,
        },
        'trusted document not compiled: graphql-js executes it',
      );
    }
  }
  return executors;
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
