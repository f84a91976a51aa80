/**
 * Contract: the bench's GraphQL peers (yoga floor, yoga with `fetch`, Apollo) serve the gateway's
 * own schema, so that a row of the bench differs from the gateway only in what the gateway adds.
 * They read the gateway's committed `schema.graphql`; this checks that what they read is the
 * gateway's current schema, that their resolvers and the bench request fit it, and that the
 * resolver types generated from it are up to date.
 */
import { readFileSync } from 'node:fs';
import { gatewaySchema } from '@connectors/gateway';
import { buildSchema, isObjectType, parse, printSchema, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BENCH_QUERY } from '../bench-request.ts';
import { createBenchResolvers, GATEWAY_SDL } from './schema.ts';
import { renderSchemaTypes, SCHEMA_TYPES_FILE } from './schema-types.ts';
import type { UpstreamHop } from './upstream-hop.ts';

describe("the peers' schema", () => {
  const served = buildSchema(GATEWAY_SDL);

  it("is the gateway's current schema, read from its package", () => {
    // Every type, field, argument, enum value and description, in the gateway's order.
    expect(printSchema(served)).toBe(printSchema(gatewaySchema));
  });

  it('has a field for every resolver the peers define', () => {
    // Only the resolvers' names are read here: nothing is sent.
    const hop: UpstreamHop = {
      send: () => Promise.reject(new Error('no call expected')),
      close: () => Promise.resolve(),
    };
    const resolvers = Object.entries(createBenchResolvers(hop));
    expect(resolvers.length).toBeGreaterThan(0);
    for (const [typeName, fields] of resolvers) {
      const type = served.getType(typeName);
      expect(isObjectType(type), typeName).toBe(true);
      if (!isObjectType(type)) continue;
      for (const field of Object.keys(fields)) {
        expect(type.getFields()[field], `${typeName}.${field}`).toBeDefined();
      }
    }
  });

  it('accepts the request the bench sends', () => {
    expect(validate(served, parse(BENCH_QUERY))).toEqual([]);
  });

  it('has its resolver types generated from the current SDL', async () => {
    const committed = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
    // On failure: pnpm --filter @connectors/bench schema-types
    expect(committed).toBe(await renderSchemaTypes(GATEWAY_SDL));
  });
});
