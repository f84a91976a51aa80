import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addConnectorMemberOf } from './add-connector-member-of.ts';
import type {
  AddConnectorMemberOfPayload,
  MutationAddConnectorMemberOfArgs,
} from './schema.generated.ts';
import type { UpstreamHop } from './upstream-hop.ts';

/**
 * The gateway's committed SDL (docs/graphql-api.md), read from its package (`exports`:
 * `./schema.graphql`), not retyped. The GraphQL peers (yoga floor, yoga with `fetch`, Apollo)
 * serve it so that they differ from the gateway only in what the gateway adds; the bench's
 * serve bundle reads it at start, as the peers run without the gateway's code.
 */
export const GATEWAY_SDL = readFileSync(
  fileURLToPath(import.meta.resolve('@connectors/gateway/schema.graphql')),
  'utf8',
);

/** What the GraphQL peers put in context: the caller's `Authorization` header, verbatim. */
export interface BenchContext {
  authorization: string | null;
}

/**
 * Resolvers for {@link GATEWAY_SDL}, sending through `hop`: the mutation the bench measures.
 * Fields left out (the `connectorMemberOf` query) resolve to null; the bench never asks them.
 */
export function createBenchResolvers(hop: UpstreamHop) {
  return {
    Mutation: {
      addConnectorMemberOf: (
        _root: unknown,
        args: MutationAddConnectorMemberOfArgs,
        context: BenchContext,
      ): Promise<AddConnectorMemberOfPayload> =>
        addConnectorMemberOf(hop, args.input, context.authorization),
    },
  };
}
