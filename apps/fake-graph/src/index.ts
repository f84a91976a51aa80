// What other packages use of fake-graph: the gateway's tests start one, and its provider
// verification seeds it through the same provider states as the REST pact's.
// The app itself starts from `@connectors/fake-graph/main`.

// The seeded tenant's shape, for tests that page through it.
export { silentLogger } from './logger.ts';
export { PROVIDER_STATES, providerStateSetups, resetProviderState } from './provider-states.ts';
export { type RunningFakeGraph, startFakeGraph } from './start.ts';
export { seedTenant, TENANT_CONNECTOR_COUNT, TENANT_GROUP_IDS } from './tenant-seed.ts';
export { everyNthWrite, type WriteThrottle, writeQuota } from './write-throttle.ts';
