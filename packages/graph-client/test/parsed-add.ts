import { AddMemberOfRequest, parseValid, SEED } from '@connectors/domain';
import type { CallerOptions, GraphClient } from '../src/graph-client.ts';

/**
 * Calls `addConnectorMemberOf` as the gateway does: the ids and the group parsed by the domain
 * first, since the client takes only parsed values. A value the domain refuses rejects with its
 * ValidationError before the client, or the network, sees it; the rest of `fields` (the caller's
 * authorization, client-request-id, signal) goes to the client as given, misuse included.
 */
export async function addParsed(graph: GraphClient, fields: Record<string, unknown>) {
  const { applicationId, connectorId, connectorGroup, ...caller } = fields;
  const request = parseValid(AddMemberOfRequest, { applicationId, connectorId, connectorGroup });
  return graph.addConnectorMemberOf({ ...request, ...(caller as unknown as CallerOptions) });
}

/** The seed's connector added to a West Europe group, by `authorization`: the load tests' write. */
export function addSeedConnector(graph: GraphClient, authorization: string, signal?: AbortSignal) {
  return addParsed(graph, {
    applicationId: SEED.applicationId,
    connectorId: SEED.connectorId,
    connectorGroup: {
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      name: 'West Europe connectors',
      region: 'eur',
    },
    authorization,
    ...(signal === undefined ? {} : { signal }),
  });
}
