export { createGateway, type Gateway, type GatewayDeps, GRAPHQL_PATH } from './create-gateway.ts';
export { type GatewayEnv, parseEnv } from './env.ts';
export { EXAMPLE_MUTATION, EXAMPLE_VARIABLES } from './graphiql/graphiql.ts';
export { createHealthState, type HealthState } from './health/health.ts';
export { createLogger } from './observability/logger.ts';
export { createMetrics, type GatewayMetrics } from './observability/metrics.ts';
export { gatewaySchema, printGatewaySchema } from './schema/schema.ts';
