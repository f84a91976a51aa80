import { describe, expect, it } from 'vitest';
import { describeVerificationFailure, ProviderVerificationError } from './verification-failure.ts';

const report = {
  result: false,
  interactionResults: [
    { consumer: 'web', description: 'passes', result: 'OK' },
    {
      consumer: 'web',
      description: 'adds a connector',
      providerStates: ['application {applicationId} has connector {connectorId}'],
      result: 'Error',
      mismatch: {
        type: 'mismatches',
        mismatches: [
          {
            path: '$.data.addConnectorMemberOf.userErrors',
            mismatch: 'Expected a List but got null',
            type: 'BodyMismatch',
          },
          { type: 'StatusMismatch' },
        ],
      },
    },
    {
      description: 'cannot run',
      result: 'Error',
      mismatch: { type: 'error', message: 'connection refused' },
    },
  ],
};

describe('describeVerificationFailure', () => {
  it("names each failed interaction, its consumer, states and mismatches from the core's report", () => {
    const error = describeVerificationFailure('api', new Error(JSON.stringify(report)));
    expect(error).toBeInstanceOf(ProviderVerificationError);
    expect((error as ProviderVerificationError).failures).toEqual([
      'web: "adds a connector" given "application {applicationId} has connector {connectorId}": $.data.addConnectorMemberOf.userErrors: Expected a List but got null; StatusMismatch',
      'a consumer: "cannot run": connection refused',
    ]);
    expect((error as Error).message).toMatch(
      /^api does not honour 2 interaction\(s\):\n {2}- web:/,
    );
  });

  it('leaves any other error as it is', () => {
    for (const error of [new Error('Pact core crashed'), new Error('{"result":true}'), 'text']) {
      expect(describeVerificationFailure('api', error)).toBe(error);
    }
  });
});
