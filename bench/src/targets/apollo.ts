import { createServer, type IncomingMessage } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { type BenchContext, createBenchResolvers, GATEWAY_SDL } from './schema.ts';
import type { TargetDeps, TargetServer } from './target-server.ts';
import { createPoolHop } from './upstream-hop.ts';

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Apollo Server 5, for context: the same schema, resolver and Pool hop as the yoga floor, behind
 * the same bare `node:http` glue as the floor (standalone's cors and body-parser layers are left
 * out, so only Apollo's own request pipeline is compared).
 */
export async function createApolloPeer(deps: TargetDeps): Promise<TargetServer> {
  const hop = createPoolHop(deps.upstreamUrl);
  const apollo = new ApolloServer<BenchContext>({
    typeDefs: GATEWAY_SDL,
    resolvers: createBenchResolvers(hop),
  });
  await apollo.start();
  const server = createServer((request, response) => {
    readJson(request)
      .then(async (body) => {
        const headers = new HeaderMap();
        for (const [name, value] of Object.entries(request.headers)) {
          if (value !== undefined)
            headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const answer = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: request.method ?? 'GET',
            headers,
            search: new URL(request.url ?? '/', 'http://127.0.0.1').search,
            body,
          },
          context: async () => ({ authorization: request.headers.authorization ?? null }),
        });
        for (const [name, value] of answer.headers) response.setHeader(name, value);
        response.statusCode = answer.status ?? 200;
        if (answer.body.kind === 'complete') {
          response.end(answer.body.string);
          return;
        }
        for await (const chunk of answer.body.asyncIterator) response.write(chunk);
        response.end();
      })
      .catch(() => {
        response.statusCode = 400;
        response.end();
      });
  });
  return {
    server,
    dispose: async () => {
      await apollo.stop();
      await hop.close();
    },
  };
}
