import { describe, expect, it } from 'vitest';
import { BENCH_VARIABLES } from '../bench-request.ts';
import { toRestCall } from './rest-call.ts';

describe('toRestCall', () => {
  it("builds API.md's $ref POST: literal $ref, REST enum values, Graph's property order", () => {
    const call = toRestCall(BENCH_VARIABLES.input);
    expect(call.ok).toBe(true);
    if (!call.ok) return;
    expect(call.value.path).toBe(
      '/applications/6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12/connectorGroup/members/e98f0710-0710-e98f-1007-8fe910078fe9/memberOf/$ref',
    );
    expect(call.value.body).toBe(
      '{"@odata.type":"#microsoft.graph.connectorGroup","connectorGroupType":"applicationProxy","isDefault":false,"name":"Bench group","region":"eur"}',
    );
  });

  it('sends the group id right after @odata.type when one is named', () => {
    const id = 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    const call = toRestCall({
      ...BENCH_VARIABLES.input,
      connectorGroup: { ...BENCH_VARIABLES.input.connectorGroup, id },
    });
    expect(
      call.ok &&
        call.value.body.startsWith(`{"@odata.type":"#microsoft.graph.connectorGroup","id":"${id}"`),
    ).toBe(true);
  });

  it('refuses what the domain refuses, naming the field', () => {
    const badId = toRestCall({ ...BENCH_VARIABLES.input, connectorId: '../../me' });
    expect(badId.ok).toBe(false);
    if (!badId.ok) expect(badId.issues[0]?.field).toEqual(['connectorId']);

    const sentinel = toRestCall({
      ...BENCH_VARIABLES.input,
      connectorGroup: { ...BENCH_VARIABLES.input.connectorGroup, region: 'UNKNOWN_FUTURE_VALUE' },
    });
    expect(sentinel.ok).toBe(false);
    if (!sentinel.ok) expect(sentinel.issues[0]?.field).toEqual(['connectorGroup', 'region']);
  });
});
