import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { GatewayEnv } from '../env.ts';
import type { HealthState } from '../health/health.ts';
import type { NodeHandler } from './yoga-listener.ts';

/** The HTTP server's own limits (docs/running.md), from `HEADERS_TIMEOUT_MS` and the rest. */
export interface ServerLimits {
  /** Until a request's headers are all in; then the connection is dropped (408 if it can). */
  headersTimeoutMs: number;
  /** Until a whole request, body included, is in; at least `headersTimeoutMs`. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; past it, a new connection is closed unanswered. */
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
  /** Where refused connections are reported (at most one line per 10 s). */
  logger?: Logger;
}

// Refused connections come in floods; one warning per window says enough.
const DROP_REPORT_WINDOW_MS = 10_000;

/**
 * The gateway's `node:http` server, with the limits `node:http` leaves open by default (slow
 * headers held 60 s and checked only every 30 s, a slow body 300 s, no cap on connections).
 * `main` listens with it; tests build one with limits of a few hundred ms on port 0.
 *
 * Node checks the headers and request timeouts on a timer, not per socket; the timer runs every
 * quarter of the headers timeout (at most once a second, at least every 25 ms), so a slow request
 * is dropped within a quarter past its limit.
 */
export function createGatewayServer(gateway: NodeHandler, options: GatewayServerOptions): Server {
  const { limits, health, logger } = options;
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
  server.maxConnections = limits.maxConnections;
  if (logger !== undefined) {
    let dropped = 0;
    let windowStart = 0;
    server.on('drop', () => {
      dropped += 1;
      const now = Date.now();
      if (now - windowStart < DROP_REPORT_WINDOW_MS) return;
      windowStart = now;
      logger.warn(
        { dropped, maxConnections: limits.maxConnections },
        'connections refused: MAX_CONNECTIONS reached',
      );
      dropped = 0;
    });
  }
  return server;
}
