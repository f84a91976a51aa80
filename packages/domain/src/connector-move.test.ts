import { describe, expect, it } from 'vitest';
import { MAX_CONNECTORS_PER_MOVE, MoveConnectorsRequest } from './connector-move.ts';
import { validate } from './validation.ts';

const GROUP = '5d3c2b1a-0f9e-4d8c-b7a6-958473625140';
const connector = (n: number) => `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function issues(input: unknown) {
  const checked = validate(MoveConnectorsRequest, input);
  return checked.ok ? [] : checked.issues.map(({ field, message }) => ({ field, message }));
}

describe('MoveConnectorsRequest', () => {
  it(`takes 1 to ${MAX_CONNECTORS_PER_MOVE} distinct GUIDs`, () => {
    const ids = Array.from({ length: MAX_CONNECTORS_PER_MOVE }, (_, n) => connector(n));
    expect(issues({ connectorIds: ids, connectorGroupId: GROUP })).toEqual([]);
    expect(issues({ connectorIds: [connector(1)], connectorGroupId: GROUP })).toEqual([]);
  });

  it('refuses none, too many, a bad id and a repeat, each at its index', () => {
    expect(issues({ connectorIds: [], connectorGroupId: GROUP })).toEqual([
      { field: ['connectorIds'], message: 'connectorIds must name at least one connector' },
    ]);
    const tooMany = Array.from({ length: MAX_CONNECTORS_PER_MOVE + 1 }, (_, n) => connector(n));
    expect(issues({ connectorIds: tooMany, connectorGroupId: GROUP })[0]?.message).toMatch(
      /at most 100 connectors/,
    );
    expect(
      issues({
        connectorIds: [connector(1), 'nope', connector(1).toUpperCase()],
        connectorGroupId: 'x',
      }),
    ).toEqual([
      {
        field: ['connectorIds', '1'],
        message: expect.stringMatching(/^connectorIds\.1 must be a GUID/),
      },
      {
        field: ['connectorIds', '2'],
        message: `connectorIds.2 repeats ${connector(1).toUpperCase()}, already at index 0: name each connector once`,
      },
      { field: ['connectorGroupId'], message: expect.stringMatching(/must be a GUID/) },
    ]);
  });
});
