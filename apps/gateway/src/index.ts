// What other packages use of the gateway: the bench checks its peers against this schema, and
// gateway-client's tests run the gateway in process. The app itself starts from
// `@connectors/gateway/main`; its bundle is built by `./build`.
export { createGateway, GRAPHQL_PATH } from './create-gateway.ts';
export { createLogger } from './observability/logger.ts';
export { createMetrics } from './observability/metrics.ts';
export { gatewaySchema } from './schema/schema.ts';
