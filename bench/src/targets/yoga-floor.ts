import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { type BenchContext, createBenchResolvers, GATEWAY_SDL } from './schema.ts';
import type { TargetDeps, TargetServer } from './target-server.ts';
import { createPoolHop, type UpstreamHop } from './upstream-hop.ts';

/**
 * A minimal graphql-yoga server for the bench schema over `hop`: defaults only, no plugins, no
 * logging. What graphql-yoga itself costs on top of the hop.
 */
export function createYogaServer(hop: UpstreamHop): TargetServer {
  const yoga = createYoga<object, BenchContext>({
    schema: createSchema<BenchContext>({
      typeDefs: GATEWAY_SDL,
      resolvers: createBenchResolvers(hop),
    }),
    context: ({ request }) => ({ authorization: request.headers.get('authorization') }),
    graphiql: false,
    landingPage: false,
    logging: false,
  });
  return { server: createServer(yoga), dispose: () => hop.close() };
}

/**
 * The yoga floor: minimal graphql-yoga with the same schema and the same undici Pool hop as the
 * floor. The gateway is graphql-yoga plus its features, so this is the least it can cost.
 */
export function createYogaFloor(deps: TargetDeps): TargetServer {
  return createYogaServer(createPoolHop(deps.upstreamUrl));
}
