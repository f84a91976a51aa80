// What other packages use of fake-graph: the gateway's tests start one, and its provider
// verification seeds it through the same provider states as the REST pact's.
// The app itself starts from `@connectors/fake-graph/main`.
export { PROVIDER_STATES, providerStateSetups, resetProviderState } from './provider-states.ts';
export { type RunningFakeGraph, startFakeGraph } from './start.ts';
export { everyNthWrite, type WriteThrottle, writeQuota } from './write-throttle.ts';
