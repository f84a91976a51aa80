import { GraphQLError } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { DocumentCompiler } from './trusted-documents.ts';

/**
 * Compiles a document through yoga's own pipeline, as yoga does for a request
 * (`processRequest`: the enveloped `parse`, then `validate` against the enveloped schema): every
 * plugin's parse options and validation rules apply (Armor's token limit in the parser, its alias,
 * depth, directive and cost rules, the introspection rule in production), and the document lands
 * in yoga's parse and validation caches too.
 */
export function yogaCompiler(
  yoga: Pick<YogaServerInstance<object, object>, 'getEnveloped'>,
): DocumentCompiler {
  return (text) => {
    const { parse, validate, schema } = yoga.getEnveloped({ params: { query: text } });
    // Armor's rules throw their first rejection rather than report it, as yoga's own request
    // handling then answers it: a throw from either step is the document's error.
    try {
      const document = parse(text);
      return { document, errors: validate(schema, document) };
    } catch (error) {
      return {
        errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))],
      };
    }
  };
}
