// What other packages use of the gateway: the bench checks its peers against this schema. The app
// itself starts from `@connectors/gateway/main`; its bundle is built by `./build`; the printed
// schema is `./schema.graphql`.

// deploy/ checks its manifests against the gateway's own env schema and shutdown bounds.
export { GatewayEnv, parseEnv } from './env.ts';
// The bench's micro-benchmark (bench/src/micro/fast-path-execute.ts) times the fast path's compiled
// execution against graphql-js's on this schema.
export { compileOperation } from './fast-path/compiled-operation.ts';
export { drainBoundMs } from './health/drain-bound.ts';
export { HEALTHZ_PATH, READYZ_PATH } from './health/health.ts';
export { gatewaySchema } from './schema/schema.ts';
