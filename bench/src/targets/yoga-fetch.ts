import type { TargetDeps, TargetServer } from './target-server.ts';
import { createFetchHop } from './upstream-hop.ts';
import { createYogaServer } from './yoga-floor.ts';

/**
 * Plain graphql-yoga whose resolver calls Node's global `fetch`: the common first version of
 * such a gateway, kept for context (what the Pool saves).
 */
export function createYogaFetch(deps: TargetDeps): TargetServer {
  return createYogaServer(createFetchHop(deps.upstreamUrl));
}
