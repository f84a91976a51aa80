import type { Server } from 'node:http';

/** A bench server built but not yet listening, and how to release what it holds. */
export interface TargetServer {
  server: Server;
  /** Closes upstream connections; the caller closes `server`. */
  dispose(): Promise<void>;
}

/** What every forwarding target is built from. */
export interface TargetDeps {
  /** The upstream base with its version path, e.g. `http://127.0.0.1:40123/v1.0`. */
  upstreamUrl: string;
}
