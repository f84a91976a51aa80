// What other packages use of the gateway: the bench checks its peers against this schema. The app
// itself starts from `@connectors/gateway/main`; its bundle is built by `./build`; the printed
// schema is `./schema.graphql`.
export { gatewaySchema } from './schema/schema.ts';
