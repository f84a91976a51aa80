import { describe, expect, it } from 'vitest';
import { brokerVerifierOptions, WIP_PACTS_SINCE } from './verification-source.ts';

describe('brokerVerifierOptions', () => {
  const version = { version: '0123456789ab', branch: 'main' };
  const env = { baseUrl: 'https://broker.example', environment: 'production', ci: true };

  it('verifies main, deployed-or-released and matching-branch consumers, pending and WIP on, as this commit on this branch', () => {
    expect(brokerVerifierOptions(env, version)).toEqual({
      pactBrokerUrl: 'https://broker.example',
      consumerVersionSelectors: [
        { mainBranch: true },
        { deployedOrReleased: true },
        { matchingBranch: true },
      ],
      enablePending: true,
      includeWipPactsSince: WIP_PACTS_SINCE,
      providerVersion: '0123456789ab',
      providerVersionBranch: 'main',
      publishVerificationResult: true,
    });
  });

  it('verifies exactly the pact a webhook names, with no selection of its own', () => {
    const pactUrl = 'https://broker.example/pacts/provider/p/consumer/c/pact-version/abc';
    expect(brokerVerifierOptions({ ...env, pactUrl }, version)).toEqual({
      pactUrls: [pactUrl],
      providerVersion: '0123456789ab',
      providerVersionBranch: 'main',
      publishVerificationResult: true,
    });
  });

  it('publishes results from CI only', () => {
    expect(brokerVerifierOptions({ ...env, ci: false }, version).publishVerificationResult).toBe(
      false,
    );
  });
});
