import type { DocumentNode, GraphQLError, OperationDefinitionNode } from 'graphql';
import type { TrustedEntry } from './manifest.ts';

/** A trusted document, parsed and validated once, at start, through the gateway's pipeline. */
export interface CompiledDocument {
  hash: string;
  /** The exact text of the manifest: what a request naming `hash` runs. */
  text: string;
  document: DocumentNode;
  /** The document's one operation when it has exactly one (then `operationName` may be omitted). */
  soleOperation: OperationDefinitionNode | undefined;
  /** Its operations by name. */
  operations: ReadonlyMap<string, OperationDefinitionNode>;
}

/** Parses and validates a document as yoga would for a request: every plugin's rules applied. */
export type DocumentCompiler = (text: string) => {
  document?: DocumentNode;
  errors: readonly GraphQLError[];
};

// A validation message names fields and types of the document, never more; a few are enough.
const MAX_REPORTED_ERRORS = 3;

/** A manifest document that does not parse or validate for this gateway, named by its hash. */
export class InvalidTrustedDocumentError extends Error {
  override readonly name = 'InvalidTrustedDocumentError';
  constructor(
    readonly hash: string,
    errors: readonly GraphQLError[],
  ) {
    const reasons = errors.slice(0, MAX_REPORTED_ERRORS).map((error) => error.message);
    if (errors.length > MAX_REPORTED_ERRORS) {
      reasons.push(`and ${errors.length - MAX_REPORTED_ERRORS} more`);
    }
    super(`sha256:${hash} is not a valid document for this gateway: ${reasons.join('; ')}`);
  }
}

/**
 * The manifest's documents compiled: what the fast path may execute, by exact text and by hash.
 * A document that does not validate against the gateway's schema and rules stops the gateway at
 * start, naming it: a client would otherwise learn of it from its users.
 */
export class TrustedDocuments {
  readonly #byText = new Map<string, CompiledDocument>();
  readonly #byHash = new Map<string, CompiledDocument>();

  /** @throws {InvalidTrustedDocumentError} naming the first document that does not parse or validate */
  constructor(entries: readonly TrustedEntry[], compile: DocumentCompiler) {
    for (const { hash, text } of entries) {
      const { document, errors } = compile(text);
      if (document === undefined || errors.length > 0) {
        throw new InvalidTrustedDocumentError(hash, errors);
      }
      const operations = new Map<string, OperationDefinitionNode>();
      const all: OperationDefinitionNode[] = [];
      for (const definition of document.definitions) {
        if (definition.kind !== 'OperationDefinition') continue;
        all.push(definition);
        if (definition.name !== undefined) operations.set(definition.name.value, definition);
      }
      const compiled: CompiledDocument = {
        hash,
        text,
        document,
        soleOperation: all.length === 1 ? all[0] : undefined,
        operations,
      };
      this.#byText.set(text, compiled);
      this.#byHash.set(hash, compiled);
    }
  }

  /** The compiled document with exactly this text. */
  byText(text: string): CompiledDocument | undefined {
    return this.#byText.get(text);
  }

  /** The compiled document with this sha256 (hex). */
  byHash(hash: string): CompiledDocument | undefined {
    return this.#byHash.get(hash);
  }

  /** Every compiled document, in the manifest's order. */
  values(): IterableIterator<CompiledDocument> {
    return this.#byHash.values();
  }

  get size(): number {
    return this.#byText.size;
  }
}
