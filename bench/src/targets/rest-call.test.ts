import { SEED } from '@connectors/domain';
import { describe, expect, it } from 'vitest';
import { BENCH_VARIABLES } from '../bench-request.ts';
import { toRestCall } from './rest-call.ts';

describe('toRestCall', () => {
  it("builds docs/rest-upstream.md's $ref POST: literal $ref, REST enum values, Graph's property order", () => {
    const call = toRestCall(BENCH_VARIABLES.input);
    expect(call.ok).toBe(true);
    if (!call.ok) return;
    expect(call.value.path).toBe(
      `/applications/${SEED.applicationId}/connectorGroup/members/${SEED.connectorId}/memberOf/$ref`,
    );
    expect(call.value.body).toBe(
      '{"@odata.type":"#microsoft.graph.connectorGroup","connectorGroupType":"applicationProxy","isDefault":false,"name":"Bench group","region":"eur"}',
    );
  });

  it('sends the group id right after @odata.type when one is named', () => {
    const id = SEED.defaultGroup.id;
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
