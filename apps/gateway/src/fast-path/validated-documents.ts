import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** A document that parsed and validated cleanly through the gateway's full yoga pipeline. */
export interface ValidatedDocument {
  document: DocumentNode;
  /** The document's one operation when it has exactly one (then `operationName` may be omitted). */
  soleOperation: OperationDefinitionNode | undefined;
  /** Its operations by name. */
  operations: ReadonlyMap<string, OperationDefinitionNode>;
}

/** Documents kept at most; past it the oldest is forgotten (a client sends a handful). */
export const MAX_VALIDATED_DOCUMENTS = 500;
/**
 * Longer documents are never kept, so the cache stays under a few MB whatever clients send.
 * Real operations are far shorter; the token limit (1000) caps what a valid one can hold anyway.
 */
export const MAX_VALIDATED_DOCUMENT_CHARS = 16 * 1024;

/**
 * The documents the fast path may execute, keyed by their exact source text. Filled only by
 * {@link useValidatedDocumentCapture}, i.e. only after yoga itself parsed the text (Armor's token
 * limit included) and validated it (graphql-js's specified rules, Armor's alias, depth, directive
 * and cost rules, and the introspection rule in production) with no error. The rules are fixed
 * for a gateway's life, so a document valid once is valid for every request.
 */
export class ValidatedDocuments {
  readonly #byText = new Map<string, ValidatedDocument>();

  get(text: string): ValidatedDocument | undefined {
    return this.#byText.get(text);
  }

  get size(): number {
    return this.#byText.size;
  }

  /** Records a document yoga validated cleanly. */
  add(text: string, document: DocumentNode): void {
    if (text.length > MAX_VALIDATED_DOCUMENT_CHARS || this.#byText.has(text)) return;
    if (this.#byText.size >= MAX_VALIDATED_DOCUMENTS) {
      // Insertion order: the first key is the oldest.
      const oldest = this.#byText.keys().next().value;
      if (oldest !== undefined) this.#byText.delete(oldest);
    }
    const operations = new Map<string, OperationDefinitionNode>();
    const all: OperationDefinitionNode[] = [];
    for (const definition of document.definitions) {
      if (definition.kind !== 'OperationDefinition') continue;
      all.push(definition);
      if (definition.name !== undefined) operations.set(definition.name.value, definition);
    }
    this.#byText.set(text, {
      document,
      soleOperation: all.length === 1 ? all[0] : undefined,
      operations,
    });
  }
}

interface ParamsContext {
  params?: { query?: unknown };
}

/**
 * Records each document that passes yoga's validation with no error into `documents`. Registered
 * after every other plugin, so the rules it sees validated are all the gateway's rules.
 */
export function useValidatedDocumentCapture(documents: ValidatedDocuments): Plugin {
  return {
    onValidate({ params: { documentAST }, context }) {
      const query = (context as ParamsContext).params?.query;
      if (typeof query !== 'string') return;
      return ({ valid }) => {
        if (valid) documents.add(query, documentAST);
      };
    },
  };
}
