import type { GraphClient } from '@connectors/graph-client';
import type { RequestTrace } from '../observability/request-trace.ts';

/** What the resolvers need of the REST client: its two calls, nothing of its lifecycle. */
export type UpstreamClient = Pick<GraphClient, 'addConnectorMemberOf' | 'listConnectorMemberOf'>;

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
  /** Aborts when the client goes away before its answer is written. */
  readonly signal: AbortSignal;
}

/** The GraphQL context: the one client of the process, the request, and this request's trace. */
export interface GatewayContext {
  client: UpstreamClient;
  request: GatewayRequest;
  trace: RequestTrace;
}
