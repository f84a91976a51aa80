import type { DirectoryObjectId } from './ids.ts';
import { SEED_GUIDS } from './seed-ids.ts';

// Typed as parsed ids without a parse, keeping this file free of ids.ts's code: seed.test.ts
// proves each one is a GUID the domain accepts.
const seededId = (guid: string): DirectoryObjectId => guid as DirectoryObjectId;

/**
 * The fixed ids fake-graph (apps/fake-graph) is seeded with on first start (docs/running.md),
 * kept here rather than in fake-graph so that production code can name them without importing a
 * dev stand-in: they are GraphiQL's example ids, the ids the docs quote, and the fixtures of every
 * package's tests and of the bench. Fake: no Microsoft tenant has them.
 */
export const SEED = {
  applicationId: seededId(SEED_GUIDS.applicationId),
  defaultGroup: {
    id: seededId(SEED_GUIDS.defaultGroupId),
    connectorGroupType: 'applicationProxy',
    isDefault: true,
    name: 'Default',
    region: 'nam',
  },
  /** Member of {@link SEED.defaultGroup}. */
  connectorId: seededId(SEED_GUIDS.connectorId),
} as const;
