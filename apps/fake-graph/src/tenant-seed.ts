import type { ConnectorGroupFields, ConnectorGroupRegion } from '@connectors/domain';
import type { ConnectorQueries } from './connector-queries.ts';
import { SEED } from './seed.ts';
import type { StoredGroup } from './stored-rows.ts';

/**
 * The part of the store the tenant is written through, spelled here rather than imported from
 * store.ts, which calls {@link seedTenant}: no import cycle, types included.
 */
export interface TenantWriter extends Pick<ConnectorQueries, 'putConnector'> {
  transaction<T>(fn: () => T): T;
  seed(): void;
  getGroup(groupId: string): StoredGroup | undefined;
  groupOf(connectorId: string): StoredGroup | undefined;
  createGroup(applicationId: string | null, group: ConnectorGroupFields): StoredGroup;
}

/** A seeded group beside the seed's "Default": its name, region and connectors. */
interface SeededGroup {
  name: string;
  region: ConnectorGroupRegion;
  /** The machine names' prefix, as an admin names a site's hosts. */
  site: string;
  connectors: number;
  /** How many of them (the last ones) have stopped reporting in. */
  inactive: number;
}

// A mid-sized tenant: six groups over all five regions, 42 connectors (the seed's own included),
// some inactive, one group empty. Enough that a page of 25 leaves more to read, and that the
// group picker and the members of a group page too with a small `first`.
const GROUPS: readonly SeededGroup[] = [
  { name: 'Amsterdam datacenter', region: 'eur', site: 'ams', connectors: 9, inactive: 2 },
  { name: 'East US connectors', region: 'nam', site: 'iad', connectors: 8, inactive: 1 },
  { name: 'Asia Pacific connectors', region: 'asia', site: 'sin', connectors: 7, inactive: 1 },
  { name: 'Australia connectors', region: 'aus', site: 'syd', connectors: 5, inactive: 0 },
  { name: 'India connectors', region: 'ind', site: 'bom', connectors: 4, inactive: 2 },
  { name: 'Decommissioned datacenter', region: 'eur', site: 'fra', connectors: 0, inactive: 0 },
];

/** Connectors seeded in the seed's "Default" group beside the seed's own connector. */
const DEFAULT_GROUP_EXTRA = 8;

// Fixed ids, so that a restart over a fresh file gives the same tenant and docs can quote them:
// the group's number (1-based) in the 4th block, the connector's in the last.
const groupId = (group: number) =>
  `5eed9000-0000-4000-8000-${group.toString(16).padStart(12, '0')}`;
const connectorId = (group: number, index: number) =>
  `5eedc000-0000-4000-8${group.toString(16).padStart(3, '0')}-${index.toString(16).padStart(12, '0')}`;

// Versions as Entra's connector updater ships them: most current, a few a release behind.
const VERSIONS = ['1.5.3437.0', '1.5.3437.0', '1.5.3437.0', '1.5.2846.0'];

/** The seeded groups' ids, in {@link GROUPS}' order: tests and docs name them from here. */
export const TENANT_GROUP_IDS: readonly string[] = GROUPS.map((_group, index) =>
  groupId(index + 1),
);

/** How many connectors the seeded tenant holds, the seed's own included. */
export const TENANT_CONNECTOR_COUNT =
  1 + DEFAULT_GROUP_EXTRA + GROUPS.reduce((sum, group) => sum + group.connectors, 0);

/**
 * Seeds a realistic tenant around {@link SEED} (whose ids stay as docs/running.md quotes them):
 * six more groups and 41 more connectors, in one transaction. Safe to repeat: existing rows are
 * updated to the same values. A connector of the seed keeps its group.
 */
export function seedTenant(store: TenantWriter): void {
  store.transaction(() => {
    store.seed();
    const site = (name: string, index: number) =>
      `${name}-ap${String(index + 1).padStart(2, '0')}.corp.contoso.com`;
    store.putConnector({
      id: SEED.connectorId,
      machineName: site('nyc', 0),
      externalIp: '203.0.113.10',
      status: 'active',
      version: VERSIONS[0],
      groupId: store.groupOf(SEED.connectorId)?.id ?? SEED.defaultGroup.id,
    });
    for (let index = 0; index < DEFAULT_GROUP_EXTRA; index++) {
      store.putConnector({
        id: connectorId(0, index + 1),
        machineName: site('nyc', index + 1),
        externalIp: `203.0.113.${11 + index}`,
        status: 'active',
        version: VERSIONS[index % VERSIONS.length],
        groupId: SEED.defaultGroup.id,
      });
    }
    GROUPS.forEach((group, groupIndex) => {
      const id = groupId(groupIndex + 1);
      if (store.getGroup(id) === undefined) {
        store.createGroup(null, {
          id,
          connectorGroupType: 'applicationProxy',
          isDefault: false,
          name: group.name,
          region: group.region,
        });
      }
      for (let index = 0; index < group.connectors; index++) {
        const inactive = index >= group.connectors - group.inactive;
        store.putConnector({
          id: connectorId(groupIndex + 1, index + 1),
          machineName: site(group.site, index),
          // A connector that stopped reporting in still shows its last address and version.
          externalIp: `198.51.${100 + groupIndex}.${10 + index}`,
          status: inactive ? 'inactive' : 'active',
          version: VERSIONS[(groupIndex + index) % VERSIONS.length],
          groupId: id,
        });
      }
    });
  });
}
