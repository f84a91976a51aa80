import type { LoadedPact } from '@connectors/pact-tools';

/** One GraphQL operation a consumer's pact sends. */
export interface PactOperation {
  consumer: string;
  interaction: string;
  pactFile: string;
  /** The document text, exactly as the pact's request body carries it. */
  query: string;
  operationName?: string;
}

/**
 * The GraphQL operations of the given pacts: every interaction whose request body carries a
 * string `query` (what pact-js's `addGraphQLInteraction` writes, and any hand-made GraphQL POST).
 * V4 wraps a body as `{ content }`; V2/V3 put it bare. Other interactions are not GraphQL.
 */
export function pactOperations(pacts: readonly LoadedPact[]): PactOperation[] {
  return pacts.flatMap(({ path, pact }) =>
    pact.interactions.flatMap((interaction) => {
      const body = graphqlBody(interaction.request?.body);
      if (body === undefined) return [];
      return [
        {
          consumer: pact.consumer.name,
          interaction: interaction.description,
          pactFile: path,
          query: body.query,
          ...(body.operationName === undefined ? {} : { operationName: body.operationName }),
        },
      ];
    }),
  );
}

function graphqlBody(body: unknown): { query: string; operationName?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const content = 'content' in body ? (body as { content: unknown }).content : body;
  if (typeof content !== 'object' || content === null) return undefined;
  const { query, operationName } = content as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return undefined;
  return typeof operationName === 'string' ? { query, operationName } : { query };
}
