import { ConnectorGroupName, ConnectorGroupRegion, DirectoryObjectId } from '@connectors/domain';
import { z } from 'zod';
import type { Controls } from './controls.ts';
import type { NewGroup, Store } from './store.ts';
import { everyNthWrite } from './write-throttle.ts';

/**
 * The REST pact's provider states, named exactly as agreed with the consumer (graph-client).
 * Each name carries its `{placeholders}` literally; the values come as state parameters.
 */
export const PROVIDER_STATES = {
  hasConnector: 'application {applicationId} has connector {connectorId}',
  hasGroup: 'application {applicationId} has connector group {groupId} named {name}',
  isMember: 'connector {connectorId} is a member of group {groupId}',
  hasNoConnector: 'application {applicationId} has no connector {connectorId}',
  noApplication: 'application {applicationId} does not exist',
  tokenNotAccepted: 'token {token} is not accepted',
  tokenLacksPermission: 'token {token} lacks permission',
  throttled: 'requests are throttled for {retryAfterSeconds} seconds',
  // Individual writes, alone or as JSON batch steps (write-throttle.ts).
  everyNthWriteThrottled: 'every {n}th write is throttled for {retryAfterSeconds} seconds',
  // Graph's documented routes (docs/rest-upstream.md, the graph profile): tenant-wide, no application in the name.
  connectorExists: 'connector {connectorId} exists',
  groupExists: 'connector group {groupId} named {name} exists',
  noConnector: 'connector {connectorId} does not exist',
} as const;
export type ProviderStateName = (typeof PROVIDER_STATES)[keyof typeof PROVIDER_STATES];

const Token = z.string().min(1);
const Params = {
  hasConnector: z.object({ applicationId: DirectoryObjectId, connectorId: DirectoryObjectId }),
  hasGroup: z.object({
    applicationId: DirectoryObjectId,
    groupId: DirectoryObjectId,
    name: ConnectorGroupName,
    region: ConnectorGroupRegion,
  }),
  isMember: z.object({ connectorId: DirectoryObjectId, groupId: DirectoryObjectId }),
  hasNoConnector: z.object({ applicationId: DirectoryObjectId, connectorId: DirectoryObjectId }),
  noApplication: z.object({ applicationId: DirectoryObjectId }),
  token: z.object({ token: Token }),
  // A state parameter may arrive as a JSON number or as a string.
  throttled: z.object({ retryAfterSeconds: z.coerce.number().int().min(0).max(86_400) }),
  everyNthWrite: z.object({
    n: z.coerce.number().int().min(1).max(1000),
    retryAfterSeconds: z.coerce.number().int().min(0).max(86_400),
  }),
  connector: z.object({ connectorId: DirectoryObjectId }),
  groupExists: z.object({
    groupId: DirectoryObjectId,
    name: ConnectorGroupName,
    region: ConnectorGroupRegion,
  }),
};

// A group a state names: its id, name and region as given, otherwise an ordinary group.
function namedGroup({ groupId, name, region }: z.output<typeof Params.groupExists>): NewGroup {
  return { id: groupId, connectorGroupType: 'applicationProxy', isDefault: false, name, region };
}

/** One state's setup: throws when its parameters are wrong. */
export type StateSetup = (params: unknown) => void;

/**
 * The setups, in the order the verifier applies an interaction's states; each builds on what
 * the earlier ones made. Call {@link resetProviderState} before each interaction. Under Graph's
 * semantics a connector is in exactly one group, so a state that puts it in a group moves it.
 */
export function providerStateSetups(
  store: Store,
  controls: Controls,
): Record<ProviderStateName, StateSetup> {
  const ensureApplication = (applicationId: string) => {
    if (!store.hasApplication(applicationId)) store.createApplication(applicationId);
  };
  return {
    // A new connector starts in the application's default group; an existing one stays where it is.
    [PROVIDER_STATES.hasConnector]: (params) => {
      const { applicationId, connectorId } = Params.hasConnector.parse(params);
      store.transaction(() => {
        ensureApplication(applicationId);
        const defaultGroup = store.defaultGroup(applicationId);
        if (defaultGroup === undefined) throw new Error(`${applicationId} has no default group`);
        store.addConnector(connectorId, defaultGroup.id);
        store.addApplicationConnector(applicationId, connectorId);
      });
    },
    [PROVIDER_STATES.hasGroup]: (params) => {
      const { applicationId, ...group } = Params.hasGroup.parse(params);
      store.transaction(() => {
        ensureApplication(applicationId);
        store.createGroup(applicationId, namedGroup(group));
      });
    },
    // Moves the connector there (creating it when new): its previous membership ends.
    [PROVIDER_STATES.isMember]: (params) => {
      const { connectorId, groupId } = Params.isMember.parse(params);
      if (store.getGroup(groupId) === undefined) throw new Error(`no connector group ${groupId}`);
      store.addMembership(connectorId, groupId);
    },
    [PROVIDER_STATES.hasNoConnector]: (params) => {
      const { applicationId, connectorId } = Params.hasNoConnector.parse(params);
      store.transaction(() => {
        ensureApplication(applicationId);
        // The connector may exist elsewhere; it just must not be this application's.
        store.removeApplicationConnector(applicationId, connectorId);
      });
    },
    [PROVIDER_STATES.noApplication]: (params) => {
      const { applicationId } = Params.noApplication.parse(params);
      // The database was emptied before the interaction; a seeded id would still need nothing.
      if (store.hasApplication(applicationId)) {
        throw new Error(`application ${applicationId} exists after the reset`);
      }
    },
    [PROVIDER_STATES.tokenNotAccepted]: (params) => {
      controls.rejectedTokens.add(Params.token.parse(params).token);
    },
    [PROVIDER_STATES.tokenLacksPermission]: (params) => {
      controls.forbiddenTokens.add(Params.token.parse(params).token);
    },
    [PROVIDER_STATES.throttled]: (params) => {
      controls.throttleSeconds = Params.throttled.parse(params).retryAfterSeconds;
    },
    [PROVIDER_STATES.everyNthWriteThrottled]: (params) => {
      const { n, retryAfterSeconds } = Params.everyNthWrite.parse(params);
      controls.writeThrottle = everyNthWrite(n, retryAfterSeconds);
    },
    // In the tenant's "Default" group (recreated, with the seeded application, after a reset).
    [PROVIDER_STATES.connectorExists]: (params) => {
      const { connectorId } = Params.connector.parse(params);
      store.transaction(() => {
        store.addMembership(connectorId, store.ensureTenantDefaultGroup().id);
      });
    },
    // A tenant group of no application, as Graph's documented routes see every group.
    [PROVIDER_STATES.groupExists]: (params) => {
      store.createGroup(null, namedGroup(Params.groupExists.parse(params)));
    },
    [PROVIDER_STATES.noConnector]: (params) => {
      store.removeConnector(Params.connector.parse(params).connectorId);
    },
  };
}

/** Empties the database and restores the default controls: each interaction starts from nothing. */
export function resetProviderState(store: Store, controls: Controls): void {
  store.reset();
  controls.reset();
}
