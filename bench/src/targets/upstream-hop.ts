import { randomUUID } from 'node:crypto';
import { parseUpstreamBase, upstreamUrl } from '@connectors/domain';
import { Pool } from 'undici';
import type { RestCall } from './rest-call.ts';

/** What a target needs from the upstream's answer. */
export interface UpstreamAnswer {
  status: number;
  /** The upstream `request-id` header, when it sent one. */
  requestId: string | null;
}

/** The one network hop of every target: sends the `$ref` POST, forwarding `Authorization`. */
export interface UpstreamHop {
  send(call: RestCall, authorization: string): Promise<UpstreamAnswer>;
  close(): Promise<void>;
}

/** Bounds sockets to the upstream; 20 bench connections never need more. */
const POOL_CONNECTIONS = 64;

/**
 * The hop over an undici keep-alive {@link Pool}: the cheapest HTTP client on Node 20, and what
 * the gateway's graph-client is measured against.
 */
export function createPoolHop(base: string): UpstreamHop {
  const url = new URL(parseUpstreamBase(base));
  // The base's version path (`/v1.0`) is kept: the REST path is joined to it (docs/rest-upstream.md).
  const basePath = url.pathname.replace(/\/+$/, '');
  const pool = new Pool(url.origin, { connections: POOL_CONNECTIONS });
  return {
    async send(call, authorization) {
      const response = await pool.request({
        method: 'POST',
        path: `${basePath}${call.path}`,
        headers: {
          authorization,
          'content-type': 'application/json',
          'client-request-id': randomUUID(),
        },
        body: call.body,
      });
      // Drained so the socket goes back to the pool.
      await response.body.dump();
      const requestId = response.headers['request-id'];
      return {
        status: response.statusCode,
        requestId: typeof requestId === 'string' ? requestId : null,
      };
    },
    close: () => pool.close(),
  };
}

/**
 * The hop over Node's global `fetch`: what a plain resolver usually does, kept as a peer to show
 * what `fetch` alone costs.
 */
export function createFetchHop(base: string): UpstreamHop {
  const checkedBase = parseUpstreamBase(base);
  return {
    async send(call, authorization) {
      const response = await fetch(upstreamUrl(checkedBase, call.path), {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json',
          'client-request-id': randomUUID(),
        },
        body: call.body,
      });
      await response.arrayBuffer();
      return { status: response.status, requestId: response.headers.get('request-id') };
    },
    close: async () => {},
  };
}
