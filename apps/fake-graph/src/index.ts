// What other packages use of fake-graph: the gateway's end-to-end and browser tests start one.
// The app itself starts from `@connectors/fake-graph/main`.
export { type RunningFakeGraph, startFakeGraph } from './start.ts';
