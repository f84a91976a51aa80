/**
 * Every way the gateway's broker commands fail is one line saying what to do, on stderr, with
 * exit 1: no stack, no CLI noise (pnpm's own closing line aside). Unreachable runs anywhere; the
 * rest against the real broker. A failed verification and can-i-deploy's no are asserted in
 * broker-loop.test.ts, where they happen for real.
 */
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { explainBrokerFailure } from '@connectors/pact-tools';
import { describe, expect, inject, it } from 'vitest';
import { ownErrorLines, runCommand } from './command.ts';
import { README } from './readme-pipeline.ts';

const broker = inject('broker');
const REPO = fileURLToPath(new URL('.', README));
const PACT_CLI = fileURLToPath(new URL('../node_modules/.bin/pact-broker', import.meta.url));

/**
 * A port nothing listens on, that nothing in the run can take: a privileged one, below the
 * ephemeral range every `listen(0)` draws from, checked to refuse a connection. A port bound and
 * released was taken again once: `pact:verify` starts its own servers on free ports, and the
 * "unreachable broker" answered 401.
 */
async function closedPort(): Promise<number> {
  for (let port = 1; port < 1024; port++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) =>
        resolve(error.code === 'ECONNREFUSED'),
      );
    });
    if (refused) return port;
  }
  throw new Error('every port below 1024 on 127.0.0.1 accepts connections');
}

const gateway = { PACT_VERSION: 'gw-failures', PACT_BRANCH: 'main' };

describe('a broker command that fails', () => {
  it('says so in one line when the broker is unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await runCommand('pnpm pact:publish', {
      cwd: REPO,
      env: { ...gateway, PACT_BROKER_BASE_URL: url },
    });
    expect(result.status).toBe(1);
    expect(ownErrorLines(result)).toEqual([
      `pact:publish: cannot reach the Pact Broker at ${url}: check PACT_BROKER_BASE_URL and that the broker is running`,
    ]);
  });

  it("says so in one line when the gateway's verification cannot reach the broker", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await runCommand('pnpm pact:verify', {
      cwd: REPO,
      env: { ...gateway, PACT_BROKER_BASE_URL: url },
    });
    expect(result.status).toBe(1);
    expect(ownErrorLines(result)).toEqual([
      `pact:verify: could not verify the pacts the broker at ${url} selected: cannot reach the Pact Broker: check PACT_BROKER_BASE_URL and that it is running`,
    ]);
  });

  describe.skipIf(!broker.ok)(
    broker.ok ? 'against the real broker' : `against the real broker: ${broker.reason}`,
    () => {
      if (!broker.ok) return;

      it('names the credentials when the broker refuses them (401)', async () => {
        const result = await runCommand('pnpm pact:can-i-deploy', {
          cwd: REPO,
          env: {
            ...gateway,
            PACT_BROKER_BASE_URL: broker.url,
            PACT_BROKER_USERNAME: 'ci',
            PACT_BROKER_PASSWORD: 'not-the-password',
          },
        });
        expect(result.status).toBe(1);
        expect(ownErrorLines(result)).toEqual([
          `pact:can-i-deploy: the Pact Broker at ${broker.url} refused the credentials (HTTP 401): set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, to an account of that broker`,
        ]);
      });

      it('names the version when recording a deployment of one the broker does not know', async () => {
        const result = await runCommand('pnpm pact:record-deployment', {
          cwd: REPO,
          env: { ...broker.env, PACT_VERSION: 'never-published', PACT_BRANCH: 'main' },
        });
        expect(result.status).toBe(1);
        expect(ownErrorLines(result)).toEqual([
          `pact:record-deployment: the Pact Broker at ${broker.url} has no version never-published of connector-gateway: publish (or verify) that version first`,
        ]);
      });

      it("names the pacticipant the broker does not know, from the CLI's real answer", async () => {
        const cli = await runCommand(
          `${PACT_CLI} can-i-deploy --pacticipant no-such-app --version 1 --to-environment production`,
          { cwd: REPO, env: broker.env },
        );
        expect(cli.status).toBe(1);
        expect(
          explainBrokerFailure(
            { command: 'can-i-deploy', baseUrl: broker.url, pacticipant: 'no-such-app' },
            `${cli.stdout}\n${cli.stderr}`,
          ),
        ).toBe(
          `pact:can-i-deploy: the Pact Broker at ${broker.url} knows no pacticipant no-such-app: publish its pacts (or verification results) first, or check the name`,
        );
      });
    },
  );
});
