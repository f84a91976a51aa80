import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** What the limit did to a connection, for the server's log line. */
export type ConnectionLimitAction = 'evicted' | 'refused';

/**
 * Caps `server`'s open connections at `max`, evicting before refusing: a connection that arrives
 * at the cap closes the longest-idle keep-alive connection (one that has been answered and has no
 * request in progress) and is served; only when every open connection has a request in progress
 * is the newcomer closed unanswered, as `net.Server#maxConnections` would.
 *
 * Why: with a plain cap, one client holding `max` idle keep-alive connections (a connection pool
 * sized too large, or on purpose) locks every other client out until its keep-alive timeout, 65 s
 * by default. An idle connection costs its owner nothing to reopen; a refused one costs a caller
 * its request.
 *
 * A connection that has not yet sent a whole request is not idle (its request may be arriving);
 * the headers and request timeouts bound how long it can sit there. Eviction destroys the socket
 * between requests, the same race a keep-alive timeout has: HTTP clients retry an idempotent
 * request on a reused connection that closes, and never count on it for anything else.
 *
 * Replaces `server.maxConnections`, which refuses at the cap before the server sees the socket.
 */
export function limitConnections(
  server: Server,
  max: number,
  onAction: (action: ConnectionLimitAction) => void = () => {},
): void {
  const open = new Set<Socket>();
  // A Set iterates in insertion order: a connection is (re)added when it turns idle, so the first
  // one is the longest idle, found in O(1) whatever the number of connections.
  const idle = new Set<Socket>();
  // Requests in progress per connection (more than one when a client pipelines).
  const inProgress = new Map<Socket, number>();

  const forget = (socket: Socket): void => {
    open.delete(socket);
    idle.delete(socket);
    inProgress.delete(socket);
  };

  server.on('connection', (socket: Socket) => {
    if (open.size >= max) {
      const longestIdle: Socket | undefined = idle.values().next().value;
      if (longestIdle === undefined) {
        socket.destroy();
        onAction('refused');
        return;
      }
      forget(longestIdle);
      longestIdle.destroy();
      onAction('evicted');
    }
    open.add(socket);
    socket.once('close', () => forget(socket));
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const socket = request.socket;
    idle.delete(socket);
    inProgress.set(socket, (inProgress.get(socket) ?? 0) + 1);
    // `close` follows `finish` for every answered response, and comes alone for an aborted one.
    response.once('close', () => {
      const left = (inProgress.get(socket) ?? 1) - 1;
      if (left > 0) {
        inProgress.set(socket, left);
        return;
      }
      inProgress.delete(socket);
      if (open.has(socket) && !socket.destroyed) idle.add(socket);
    });
  });
}
