import type { GraphFailure } from '@connectors/graph-client';
import { describe, expect, it } from 'vitest';
import { answerForFailure } from './upstream-failure.ts';

const GROUP_FIELD = ['input', 'connectorGroup'] as const;

function failure(overrides: Partial<GraphFailure> & Pick<GraphFailure, 'kind'>): GraphFailure {
  return {
    ok: false,
    message: 'Graph said so.',
    status: 400,
    requestId: 'rid-1',
    sent: true,
    ...overrides,
  };
}

describe('answerForFailure: the field of a user error', () => {
  it("is the client's field for the graph profile's lookup: NOT_FOUND on the name", () => {
    const answer = answerForFailure(
      failure({
        kind: 'notFound',
        status: 200,
        message: "No connector group is named 'West'.",
        field: ['input', 'connectorGroup', 'name'],
      }),
      GROUP_FIELD,
    );
    expect(answer).toEqual({
      kind: 'userError',
      userError: {
        code: 'NOT_FOUND',
        message: "No connector group is named 'West'.",
        field: ['input', 'connectorGroup', 'name'],
      },
    });
  });

  it("is the client's field for the lookup's several matches: INVALID_INPUT asking for the id", () => {
    const field = ['input', 'connectorGroup', 'id'];
    const answer = answerForFailure(
      failure({ kind: 'invalidInput', message: 'Several groups are named West.', field }),
      GROUP_FIELD,
    );
    expect(answer).toEqual({
      kind: 'userError',
      userError: { code: 'INVALID_INPUT', message: 'Several groups are named West.', field },
    });
    // A copy: the payload never shares an array with the client's result.
    expect(answer.kind === 'userError' && answer.userError.field).not.toBe(field);
  });

  it.each(['notFound', 'invalidInput'] as const)(
    'is null when Graph answered %s itself (it names no input field)',
    (kind) => {
      const answer = answerForFailure(failure({ kind }), GROUP_FIELD);
      expect(answer.kind === 'userError' && answer.userError.field).toBeNull();
    },
  );

  it("is the group's path for ALREADY_MEMBER, or null where the field has no group", () => {
    expect(answerForFailure(failure({ kind: 'alreadyMember' }), GROUP_FIELD)).toMatchObject({
      userError: { code: 'ALREADY_MEMBER', field: ['input', 'connectorGroup'] },
    });
    expect(answerForFailure(failure({ kind: 'alreadyMember' }), null)).toMatchObject({
      userError: { code: 'ALREADY_MEMBER', field: null },
    });
  });

  it('a fault stays a fault, whatever field the failure carries', () => {
    const answer = answerForFailure(
      failure({ kind: 'unavailable', status: 503, field: ['input', 'connectorGroup', 'name'] }),
      GROUP_FIELD,
    );
    expect(answer.kind).toBe('fault');
    expect(answer.kind === 'fault' && answer.error.extensions).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      requestId: 'rid-1',
      sent: true,
    });
  });
});
