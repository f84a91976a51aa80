import { fileURLToPath } from 'node:url';
import { pactFiles } from '@connectors/graph-client/contract';

/** Consumer and provider names of the GraphQL contract (docs/contracts.md). */
export const CONSUMER = 'connector-admin-web';
export const PROVIDER = 'connector-gateway';

/** The GraphQL pact: generated under build/pacts, committed as pacts/connector-admin-web-connector-gateway.json. */
export const GRAPHQL_PACT = pactFiles({
  consumer: CONSUMER,
  provider: PROVIDER,
  packageDir: fileURLToPath(new URL('../..', import.meta.url)),
  acceptCommand: 'pnpm pact:accept',
});
