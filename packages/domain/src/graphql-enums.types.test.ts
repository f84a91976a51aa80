import { describe, expect, it } from 'vitest';
import {
  type AssertCovered,
  type Covers,
  GRAPHQL_TO_REST_STATUS,
  REST_TO_GRAPHQL_STATUS,
  type RegionsCovered,
  type StatusesCovered,
  type TypesCovered,
} from './graphql-enums.ts';

// The compile-time half runs under `pnpm typecheck` (tsc reads test files too): each
// `@ts-expect-error` below fails the typecheck if the line after it ever compiles, so a proof that
// accepted a missing value (as the old `undefined as never` one did) would be caught.
describe('the enum maps are total, and the proof fails to compile when one is not', () => {
  it('accepts a map that names every value', () => {
    const proven: [TypesCovered, RegionsCovered, StatusesCovered] = [true, true, true];
    expect(proven).toEqual([true, true, true]);
  });

  it('refuses, at compile time, a map missing a value', () => {
    // @ts-expect-error 'inactive' has no GraphQL name: Covers gives { missing: 'inactive' }, not true.
    type Missing = AssertCovered<Covers<'active' | 'inactive', 'active'>>;
    // @ts-expect-error a missing sentinel is caught too.
    type MissingSentinel = AssertCovered<Covers<'nam' | 'unknownFutureValue', 'nam'>>;
    const covered: Covers<'active' | 'inactive', 'active'> = { missing: 'inactive' };
    expect(covered).toEqual({ missing: 'inactive' });
    expect([] as Missing[] | MissingSentinel[]).toEqual([]);
  });

  it('maps every status both ways', () => {
    for (const [graphql, rest] of Object.entries(GRAPHQL_TO_REST_STATUS)) {
      expect(REST_TO_GRAPHQL_STATUS[rest]).toBe(graphql);
    }
    expect(REST_TO_GRAPHQL_STATUS.unknownFutureValue).toBe('UNKNOWN_FUTURE_VALUE');
  });
});
