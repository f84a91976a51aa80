import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One V4 HTTP interaction of a hand-written pact: `GET /items/{id}` answered 200 or 404. */
export interface ItemInteraction {
  description: string;
  states?: { name: string; params?: Record<string, unknown> }[];
  itemId: string;
  status: 200 | 404;
}

/** A temp folder for pact files; `remove()` deletes it. */
export function pactDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pact-tools-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes a V4 pact as pact-js would, between `consumer` and `provider`; returns its path. */
export function writeItemPact(
  dir: string,
  names: { consumer: string; provider: string },
  interactions: readonly ItemInteraction[],
): string {
  const path = join(dir, `${names.consumer}-${names.provider}.json`);
  const pact = {
    consumer: { name: names.consumer },
    provider: { name: names.provider },
    interactions: interactions.map((interaction) => ({
      type: 'Synchronous/HTTP',
      description: interaction.description,
      ...(interaction.states === undefined ? {} : { providerStates: interaction.states }),
      pending: false,
      request: { method: 'GET', path: `/items/${interaction.itemId}` },
      response: { status: interaction.status },
    })),
    metadata: { pactSpecification: { version: '4.0' } },
  };
  writeFileSync(path, JSON.stringify(pact, null, 2));
  return path;
}

/** A real provider for those pacts: items live in a set the state setups fill. */
export interface ItemProvider {
  url: string;
  items: Set<string>;
  /** Every request path it served, in order. */
  served: string[];
  server: Server;
  close(): Promise<void>;
}

/** Starts the item provider on 127.0.0.1:0. */
export async function startItemProvider(): Promise<ItemProvider> {
  const items = new Set<string>();
  const served: string[] = [];
  const server = createServer((request, response) => {
    served.push(request.url ?? '');
    const id = /^\/items\/([^/]+)$/.exec(request.url ?? '')?.[1];
    response.statusCode = id !== undefined && items.has(id) ? 200 : 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    items,
    served,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
