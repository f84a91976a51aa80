import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { GatewayEnv } from '../env.ts';
import type { HealthState } from '../health/health.ts';
import { type ConnectionLimitAction, limitConnections } from './connection-limit.ts';
import type { NodeHandler } from './yoga-listener.ts';

/** The HTTP server's own limits (docs/running.md), from `HEADERS_TIMEOUT_MS` and the rest. */
export interface ServerLimits {
  /** Until a request's headers are all in; then the connection is dropped (408 if it can). */
  headersTimeoutMs: number;
  /** Until a whole request, body included, is in; at least `headersTimeoutMs`. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /**
   * Open connections at once; past it, a new connection evicts the longest-idle keep-alive one,
   * or is closed unanswered when every connection has a request in progress.
   */
  maxConnections: number;
  /** The request line and headers, in bytes; past it, 431. */
  maxHeaderBytes: number;
}

/** docs/running.md's defaults, as `env.ts` applies them. */
export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 1024,
  maxHeaderBytes: 16_384,
};

/** The limits the environment sets. */
export function serverLimits(env: GatewayEnv): ServerLimits {
  return {
    headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: env.MAX_CONNECTIONS,
    maxHeaderBytes: env.MAX_HEADER_BYTES,
  };
}

export interface GatewayServerOptions {
  limits: ServerLimits;
  /** While `draining`, every answer says `Connection: close`, so clients reconnect elsewhere. */
  health?: HealthState;
  /** Where refused and evicted connections are reported (at most one line per 10 s). */
  logger?: Logger;
  /** Called for each connection `MAX_CONNECTIONS` closes (`main` counts them in `/metrics`). */
  onConnectionLimit?: (action: ConnectionLimitAction) => void;
}

// At most one line per 10 s about connections the limit closed.
const REPORT_WINDOW_MS = 10_000;

/**
 * The gateway's `node:http` server, with the limits `node:http` leaves open by default (slow
 * headers held 60 s and checked only every 30 s, a slow body 300 s, no cap on connections), and
 * a connection cap that evicts idle keep-alive connections before it refuses (`connection-limit.ts`).
 * `main` listens with it; tests build one with limits of a few hundred ms on port 0.
 *
 * Node checks the headers and request timeouts on a timer, not per socket; the timer runs every
 * quarter of the headers timeout (at most once a second, at least every 25 ms), so a slow request
 * is dropped within a quarter past its limit.
 */
export function createGatewayServer(gateway: NodeHandler, options: GatewayServerOptions): Server {
  const { limits, health, logger, onConnectionLimit } = options;
  const listener: NodeHandler = health
    ? (request, response) => {
        // While draining, each response ends its connection, so keep-alive clients reconnect elsewhere.
        if (health.draining) response.setHeader('connection', 'close');
        gateway(request, response);
      }
    : gateway;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      connectionsCheckingInterval: Math.max(
        25,
        Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4)),
      ),
      // RFC 9112 3.2: an HTTP/1.1 request without Host is 400 (Node's default, kept on purpose).
      requireHostHeader: true,
    },
    listener,
  );
  // Refusals and evictions come in floods; one line per window says enough.
  let refused = 0;
  let evicted = 0;
  let windowStart = 0;
  limitConnections(server, limits.maxConnections, (action) => {
    onConnectionLimit?.(action);
    if (action === 'refused') refused += 1;
    else evicted += 1;
    if (logger === undefined) return;
    const now = Date.now();
    if (now - windowStart < REPORT_WINDOW_MS) return;
    windowStart = now;
    logger.warn(
      { refused, evicted, maxConnections: limits.maxConnections },
      refused > 0
        ? 'connections refused: MAX_CONNECTIONS reached with every connection busy'
        : 'idle connections closed: MAX_CONNECTIONS reached',
    );
    refused = 0;
    evicted = 0;
  });
  return server;
}
