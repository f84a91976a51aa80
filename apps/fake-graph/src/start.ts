import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.ts';
import { type Controls, createControls } from './controls.ts';
import type { Logger } from './logger.ts';
import { openStore, type Store } from './store.ts';

/** Options of {@link startFakeGraph}; every one has a default fit for tests. */
export interface StartFakeGraphOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default: a new database in a new temp folder, removed by `close()`. */
  databasePath?: string;
  /** When set, the only bearer token accepted. */
  token?: string;
  /** Default: silent. */
  logger?: Logger;
}

/** A running fake-graph. */
export interface RunningFakeGraph {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `url + '/v1.0'`: what the gateway's `UPSTREAM_URL` points at. */
  baseUrl: string;
  port: number;
  store: Store;
  /** Token policy and throttling, for tests that need Graph's 401, 403 or 429. */
  controls: Controls;
  server: Server;
  /** Stops listening, drops open connections, closes the database (and removes a temp one). */
  close(): Promise<void>;
}

/** Starts fake-graph, seeded, on a free port of 127.0.0.1 with a fresh database by default. */
export async function startFakeGraph(
  options: StartFakeGraphOptions = {},
): Promise<RunningFakeGraph> {
  const tempDir =
    options.databasePath === undefined ? mkdtempSync(join(tmpdir(), 'fake-graph-')) : undefined;
  const databasePath = options.databasePath ?? join(tempDir as string, 'fake-graph.db');
  const removeTemp = () => {
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  };

  let store: Store;
  try {
    store = openStore(databasePath);
  } catch (error) {
    removeTemp();
    throw error;
  }
  const controls = createControls({ acceptedToken: options.token });
  const server = createApp({
    store,
    controls,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    removeTemp();
    throw error;
  }

  const { port } = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    baseUrl: `${url}/v1.0`,
    port,
    store,
    controls,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until they time out.
        server.closeAllConnections();
      }).then(() => {
        store.close();
        removeTemp();
      });
      return closing;
    },
  };
}

// A wildcard address is not one to dial; an IPv6 literal needs brackets in a URL.
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
