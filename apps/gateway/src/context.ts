import type { CallerSignal, GraphClient } from '@connectors/graph-client';
import type { RequestTrace } from './observability/request-trace.ts';

/**
 * The request context every resolver gets, and what builds it. The gateway's shared kernel: it
 * imports nothing of the gateway but the trace's type, and every folder may import it.
 */

/** What the resolvers need of the REST client: its calls, nothing of its lifecycle. */
export type UpstreamClient = Pick<
  GraphClient,
  | 'api'
  | 'addConnectorMemberOf'
  | 'listConnectorMemberOf'
  | 'listConnectorGroups'
  | 'listConnectorGroupsPage'
  | 'listConnectors'
  | 'getConnectorGroup'
  | 'createConnectorGroup'
  // moveConnectors: the group read, then the bulk move.
  | 'moveConnectors'
>;

/** Reads one request header, as the Fetch API's `Headers.get` does (null when absent). */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What the resolvers read of the HTTP request. yoga's Fetch `Request` is one; the fast path
 * (`src/fast-path/`) passes a lighter one over `node:http`'s headers, so resolvers never depend on
 * which of the two served the request.
 */
export interface GatewayRequest {
  readonly headers: HeaderReader;
  /**
   * Aborts when the client goes away before its answer is written: yoga's `request.signal`, or
   * the fast path's lighter `ClientGone`; handed to the graph client as the caller's signal.
   */
  readonly signal: CallerSignal;
}

/**
 * What the node handler hands yoga with each request (yoga's server context): the request's
 * trace, started when the request arrived, before either path (fast path or yoga) took it.
 */
export interface GatewayServerContext {
  trace: RequestTrace;
}

/** What is the same for every request: the process's one client. */
export interface GatewayProcessContext {
  client: UpstreamClient;
}

/**
 * The GraphQL context, complete for every request whichever path served it: the one client of
 * the process, the request, and this request's trace.
 */
export interface GatewayContext extends GatewayServerContext, GatewayProcessContext {
  request: GatewayRequest;
}
