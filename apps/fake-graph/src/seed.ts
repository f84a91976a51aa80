/**
 * The fixed ids fake-graph is seeded with on first start. They are defined in the domain
 * (`@connectors/domain`), where the gateway's GraphiQL example and every package's tests read
 * them too; fake-graph's own files import them from here.
 */
export { SEED } from '@connectors/domain';
