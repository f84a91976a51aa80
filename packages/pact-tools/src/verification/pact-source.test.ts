import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pactDir, writeItemPact } from '../../test/hand-written-pact.ts';
import { parseBrokerEnv } from '../broker/broker-env.ts';
import { WIP_PACTS_SINCE } from '../broker/verification-source.ts';
import { pactSourceFor } from './pact-source.ts';

let folder: ReturnType<typeof pactDir>;
beforeEach(() => {
  folder = pactDir();
});
afterEach(() => folder.remove());

const git = () => 'main';

describe('pactSourceFor', () => {
  it("without a broker, takes every committed pact of that provider and no other's", () => {
    const web = writeItemPact(folder.dir, { consumer: 'web', provider: 'api' }, []);
    const app = writeItemPact(folder.dir, { consumer: 'app', provider: 'api' }, []);
    writeItemPact(folder.dir, { consumer: 'api', provider: 'store' }, []);
    expect(pactSourceFor('api', { broker: parseBrokerEnv({}), pactsDir: folder.dir, git })).toEqual(
      {
        pactFiles: [app, web],
      },
    );
  });

  it('without a broker and without a pact for the provider, fails saying both', () => {
    writeItemPact(folder.dir, { consumer: 'api', provider: 'store' }, []);
    expect(() =>
      pactSourceFor('api', { broker: parseBrokerEnv({}), pactsDir: folder.dir, git }),
    ).toThrow(`no pact under ${folder.dir} has provider api, and PACT_BROKER_BASE_URL is not set`);
  });

  it('with a broker, verifies from it (files ignored), publishing from CI only', () => {
    writeItemPact(folder.dir, { consumer: 'web', provider: 'api' }, []);
    const env = { PACT_BROKER_BASE_URL: 'https://broker.example', PACT_VERSION: 'abc', CI: 'true' };
    expect(
      pactSourceFor('api', { broker: parseBrokerEnv(env), pactsDir: folder.dir, git }),
    ).toEqual({
      broker: {
        pactBrokerUrl: 'https://broker.example',
        consumerVersionSelectors: [
          { mainBranch: true },
          { deployedOrReleased: true },
          { matchingBranch: true },
        ],
        enablePending: true,
        includeWipPactsSince: WIP_PACTS_SINCE,
        providerVersion: 'abc',
        providerVersionBranch: 'main',
        publishVerificationResult: true,
      },
    });
  });

  it('with a wrong broker setting, fails naming it rather than falling back to files', () => {
    writeItemPact(folder.dir, { consumer: 'web', provider: 'api' }, []);
    expect(() =>
      pactSourceFor('api', {
        broker: parseBrokerEnv({ PACT_BROKER_BASE_URL: 'broker' }),
        pactsDir: folder.dir,
        git,
      }),
    ).toThrow('PACT_BROKER_BASE_URL must be an absolute http(s) URL');
  });
});
