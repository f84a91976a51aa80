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
    let document: ReturnType<typeof parse>;
    try {
      document = parse(text);
    } catch (error) {
      return {
        errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))],
      };
    }
    return { document, errors: validate(schema, document) };
  };
}
