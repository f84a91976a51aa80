/**
 * Starts one bench server in its own process: `serve.ts <target> [--upstream <url>]`
 * (`upstream` and `slow-upstream` take none). Listens on
 * 127.0.0.1, a port the OS picks, and prints `{"port":N}` as its first stdout line so the harness
 * knows where it is. Stops on SIGTERM or SIGINT.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createApolloPeer } from './apollo.ts';
import { createFloorProxy } from './floor-proxy.ts';
import type { TargetDeps, TargetServer } from './target-server.ts';
import { createUpstream, SLOW_UPSTREAM } from './upstream.ts';
import { createYogaFetch } from './yoga-fetch.ts';
import { createYogaFloor } from './yoga-floor.ts';

const factories = {
  upstream: async () => createUpstream(),
  'slow-upstream': async () => createUpstream(SLOW_UPSTREAM),
  floor: async (deps: TargetDeps) => createFloorProxy(deps),
  'yoga-floor': async (deps: TargetDeps) => createYogaFloor(deps),
  'yoga-fetch': async (deps: TargetDeps) => createYogaFetch(deps),
  apollo: createApolloPeer,
} satisfies Record<string, (deps: TargetDeps) => Promise<TargetServer>>;

/** The servers this entry can start. */
export type ServedTarget = keyof typeof factories;

const Args = z
  .object({
    target: z.enum(Object.keys(factories) as [ServedTarget, ...ServedTarget[]]),
    upstream: z.url({ protocol: /^http$/ }).optional(),
  })
  .refine((args) => args.target.endsWith('upstream') || args.upstream !== undefined, {
    error: '--upstream <url> is required for a forwarding target',
    path: ['upstream'],
  });

const { values, positionals } = parseArgs({
  options: { upstream: { type: 'string' } },
  allowPositionals: true,
});
const parsed = Args.safeParse({ target: positionals[0], upstream: values.upstream });
if (!parsed.success) {
  console.error(`serve.ts: ${z.prettifyError(parsed.error)}`);
  process.exit(2);
}

const { server, dispose } = await factories[parsed.data.target]({
  upstreamUrl: parsed.data.upstream ?? '',
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);

function stop() {
  server.closeAllConnections();
  server.close();
  dispose().finally(() => process.exit(0));
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
