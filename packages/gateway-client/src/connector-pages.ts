import type { CallOptions, ConnectorConnection, GatewayClient } from './create-gateway-client.ts';
import type { ConnectorsQueryVariables } from './generated/graphql.ts';
import type { GatewayResult } from './result.ts';

/**
 * Every page of `connectors` in turn, each asked for with the previous page's `endCursor`, as
 * a screen's "load more" or an export reads them. Stops after the last page, or at the first
 * result that is not a page (a user error, a coded error, a transport failure), which it yields
 * as is so the caller can show it: a loop over it never spins on a failing call.
 */
export async function* connectorPages(
  client: Pick<GatewayClient, 'connectors'>,
  variables: Omit<ConnectorsQueryVariables, 'after'> = {},
  options: CallOptions = {},
): AsyncGenerator<GatewayResult<{ connectors: ConnectorConnection }>> {
  let after: string | null = null;
  for (;;) {
    const result = await client.connectors({ ...variables, after }, options);
    yield result;
    if (result.kind !== 'success') return;
    const { hasNextPage, endCursor } = result.data.connectors.pageInfo;
    if (!hasNextPage || endCursor === null) return;
    after = endCursor;
  }
}
