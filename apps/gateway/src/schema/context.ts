import type { GraphClient } from '@connectors/graph-client';
import type { YogaInitialContext } from 'graphql-yoga';
import type { RequestTrace } from '../observability/request-trace.ts';

/** What the resolvers need of the REST client: its two calls, nothing of its lifecycle. */
export type UpstreamClient = Pick<GraphClient, 'addConnectorMemberOf' | 'listConnectorMemberOf'>;

/** The GraphQL context: yoga's, the one client of the process, and this request's trace. */
export interface GatewayContext extends YogaInitialContext {
  client: UpstreamClient;
  trace: RequestTrace;
}
