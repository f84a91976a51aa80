import { describe, expect, it } from 'vitest';
import { brokerVerifierOptions } from './verification-source.ts';

describe('brokerVerifierOptions', () => {
  const version = { version: '0123456789ab', branch: 'main' };

  it('verifies main and deployed-or-released consumers, as this commit on this branch', () => {
    expect(
      brokerVerifierOptions(
        { baseUrl: 'https://broker.example', environment: 'production', ci: true },
        version,
      ),
    ).toEqual({
      pactBrokerUrl: 'https://broker.example',
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      providerVersion: '0123456789ab',
      providerVersionBranch: 'main',
      publishVerificationResult: true,
    });
  });

  it('publishes results from CI only', () => {
    expect(
      brokerVerifierOptions(
        { baseUrl: 'https://broker.example', environment: 'production', ci: false },
        version,
      ).publishVerificationResult,
    ).toBe(false);
  });
});
