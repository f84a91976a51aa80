/**
 * Contract: the schema guard (API.md section 6) over the real files. The schema the gateway
 * serves is compared with the last released one (`schema.released.graphql`): every change is
 * printed as breaking, dangerous or safe; a breaking change fails until released on purpose
 * (`pnpm schema:release`, a reviewed diff of the baseline); a dangerous one warns. And every
 * GraphQL operation in every consumer pact under `pacts/` must be valid against the current
 * schema: one that is not fails naming the consumer, the interaction and the field, released or
 * not. The served schema is the code's (`printGatewaySchema`), so a change the committed
 * `schema.graphql` has not caught up with yet is still guarded (schema.test.ts fails that too).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPactDir } from '@connectors/pact-tools';
import { guardSchema, pactOperations } from '@connectors/schema-guard';
import { describe, expect, it } from 'vitest';
import { printGatewaySchema } from '../schema/schema.ts';

const RELEASED = fileURLToPath(new URL('../../schema.released.graphql', import.meta.url));
const PACTS_DIR = fileURLToPath(new URL('../../../../pacts/', import.meta.url));

describe('the schema guard', () => {
  it('passes the served schema against the released one and every consumer pact', async () => {
    const pacts = readPactDir(PACTS_DIR);
    const report = await guardSchema({
      released: {
        name: 'apps/gateway/schema.released.graphql',
        sdl: readFileSync(RELEASED, 'utf8'),
      },
      current: { name: 'apps/gateway/schema.graphql', sdl: printGatewaySchema() },
      pacts,
    });
    // Printed on every run: the changes since the release are part of the review.
    console.log(report.text);
    expect(report.ok, report.text).toBe(true);
  });

  it("reads every interaction of the gateway's own consumer pacts as a GraphQL operation", () => {
    const gatewayPacts = readPactDir(PACTS_DIR, { provider: 'connector-gateway' });
    const interactions = gatewayPacts.flatMap(({ pact }) => pact.interactions);
    // Otherwise a change in how pacts carry the query would make the guard validate nothing.
    expect(pactOperations(gatewayPacts)).toHaveLength(interactions.length);
  });
});
