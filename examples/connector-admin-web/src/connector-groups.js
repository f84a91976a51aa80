/**
 * What the admin screen asks the gateway: the groups a connector is in, by name. Built on the
 * published client only (no copy of its documents), so the pact the tests write is what it sends.
 */
import { createGatewayClient } from '@connectors/gateway-client';

/**
 * @param {{ url: string, getToken: () => string | Promise<string> }} gateway
 * @param {{ applicationId: string, connectorId: string }} connector
 * @returns {Promise<{ names: string[] } | { error: string }>}
 */
export async function connectorGroupNames(gateway, connector) {
  const result = await createGatewayClient(gateway).connectorMemberOf(connector);
  if (result.kind !== 'success') return { error: result.kind };
  return { names: result.data.connectorGroups.map((group) => group.name) };
}
