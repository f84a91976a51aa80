import type { DirectoryObjectId } from './ids.ts';

// Typed as parsed ids without a parse (which would import ids.ts, whose message quotes the seed):
// seed.test.ts proves each one is a GUID the domain accepts.
const seededId = (guid: string): DirectoryObjectId => guid as DirectoryObjectId;

/**
 * The fixed ids fake-graph (apps/fake-graph) is seeded with on first start (docs/running.md),
 * kept here rather than in fake-graph so that production code can name them without importing a
 * dev stand-in: they are GraphiQL's example ids, the ids the docs quote, and the fixtures of every
 * package's tests and of the bench. Fake: no Microsoft tenant has them.
 */
export const SEED = {
  applicationId: seededId('6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12'),
  defaultGroup: {
    id: seededId('c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f'),
    connectorGroupType: 'applicationProxy',
    isDefault: true,
    name: 'Default',
    region: 'nam',
  },
  /** Member of {@link SEED.defaultGroup}. */
  connectorId: seededId('e98f0710-0710-e98f-1007-8fe910078fe9'),
} as const;
