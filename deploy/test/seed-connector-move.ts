import { SEED } from '@connectors/domain';
import type { AddConnectorMemberOfMutationVariables } from '@connectors/gateway-client';

/** The variables that move fake-graph's seeded connector into the group named `name` (EUR). */
export function seedConnectorMove(name: string): AddConnectorMemberOfMutationVariables {
  return {
    input: {
      applicationId: SEED.applicationId,
      connectorId: SEED.connectorId,
      connectorGroup: {
        connectorGroupType: 'APPLICATION_PROXY',
        isDefault: false,
        name,
        region: 'EUR',
      },
    },
  };
}
