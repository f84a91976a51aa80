/**
 * The whole Pact Broker loop, against the real broker (test/global-setup.ts), run with the
 * README's "Contracts in CI" commands as written, from two "repositories": a copy of
 * examples/connector-admin-web in a temp folder (the frontend, installing the packed
 * @connectors/gateway-client) and this checkout (the gateway). Asserted on the broker's own
 * answers (its HAL API, the matrix) and the commands' exit codes, not on our logs.
 *
 * 1. The frontend writes its pact with the client's documents and publishes it (web-1, main);
 *    the gateway publishes its REST pact (gw-1, main).
 * 2. The gateway verifies what the broker selects and publishes the result as gw-1 on main.
 * 3. can-i-deploy says yes for both (graph-api ignored, by decision), record-deployment records
 *    them in production; a gateway version that never verified web-1 is refused.
 * 4. A breaking frontend change (web-2, a feature branch) triggers the
 *    contract_requiring_verification_published webhook; the receiver runs the gateway's webhook
 *    job, which verifies exactly that pact as the deployed gateway version and fails, naming the
 *    interaction; the frontend's can-i-deploy says no; the broker's result names the interaction.
 * 5. The gateway's next main build verifies it as a WIP pact: pending, so its build passes; once
 *    web-2 is deployed anyway, the gateway's can-i-deploy says no, naming the interaction.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packGatewayClient } from '@connectors/gateway-client/pack';
import { failedInteractions } from '@connectors/pact-tools';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type CommandResult, ownErrorLines, runCommand } from './command.ts';
import { authorization, hal } from './hal.ts';
import { pipelineCommands, README, readmePipeline } from './readme-pipeline.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

const broker = inject('broker');
const EXAMPLE = fileURLToPath(new URL('../../../examples/connector-admin-web/', import.meta.url));
const REPO = fileURLToPath(new URL('.', README));
const PACT_CLI = fileURLToPath(new URL('../node_modules/.bin/pact-broker', import.meta.url));
const FRONTEND = 'frontend repository';
const GATEWAY = 'gateway repository (this one)';
const WEBHOOK_JOB = "gateway repository, on the broker's webhook";
const ONCE = 'once per broker';
// Commands the surrounding `pnpm test` already is (install, test) or that this test replaces:
// `npm ci` installs the packed client from its tarball, as it is on no registry here.
const RUN_BY_THE_SUITE = new Set(['pnpm install --frozen-lockfile', 'pnpm test', 'npm ci']);
const INTERACTION = "the admin screen's query for a connector's groups";
// npm install of the example (the Pact core's and CLI's platform packages) is the long step:
// measured 20 s with a warm npm cache, a minute or more cold.
const LOOP_TIMEOUT_MS = 10 * 60_000;

describe.skipIf(!broker.ok)(
  broker.ok
    ? 'the Pact Broker loop, as the README runs it'
    : `the Pact Broker loop: ${broker.reason}`,
  () => {
    if (!broker.ok) return;
    // Narrowed once, for the closures below.
    const live = broker;
    const ran = new Set<string>();
    let work: string;
    let frontendDir: string;

    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'broker-loop-'));
      frontendDir = join(work, 'connector-admin-web');
      cpSync(EXAMPLE, frontendDir, {
        recursive: true,
        filter: (source) => !/node_modules|[\\/]pacts([\\/]|$)/.test(source),
      });
    });
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    /** Runs `command` of the README block `block`, which must list it, as that repository's CI. */
    async function step(
      block: string,
      command: string,
      env: Record<string, string>,
    ): Promise<CommandResult> {
      expect(pipelineCommands(block), `README "# ${block}" lists ${command}`).toContain(command);
      ran.add(command);
      return runCommand(command, {
        cwd: block === FRONTEND ? frontendDir : REPO,
        env: { ...live.env, ...env },
      });
    }
    const frontend = (version: string, branch: string) => ({
      PACT_VERSION: version,
      PACT_BRANCH: branch,
    });
    const gateway = (version: string, branch: string) => ({
      PACT_VERSION: version,
      PACT_BRANCH: branch,
      CI: 'true',
    });
    const ok = (result: CommandResult) => {
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      return result;
    };
    const matrix = async (consumerVersion: string, providerVersion: string) => {
      const query = new URLSearchParams([
        ['q[][pacticipant]', 'connector-admin-web'],
        ['q[][version]', consumerVersion],
        ['q[][pacticipant]', 'connector-gateway'],
        ['q[][version]', providerVersion],
        ['latestby', 'cvpv'],
      ]);
      const answer = await hal<{ matrix: { verificationResult: { success: boolean } | null }[] }>(
        live,
        `/matrix?${query}`,
      );
      return answer.matrix.map((row) => row.verificationResult?.success ?? null);
    };

    it(
      'publishes, verifies from the broker, gates, records, and stops a breaking frontend by its webhook',
      async () => {
        // Once per broker: the environment can-i-deploy and record-deployment name.
        const once = pipelineCommands(ONCE);
        const [createEnvironment = ''] = once;
        expect(once).toEqual(['pact-broker create-environment --name production --production']);
        const created = await runCommand(createEnvironment.replace(/^pact-broker/, PACT_CLI), {
          cwd: REPO,
          env: live.env,
        });
        // A broker pointed at (PACT_BROKER_BASE_URL) may have it already.
        if (live.local) ok(created);
        ran.add(createEnvironment);

        // 1. The frontend: install the packed client, write the pact with its documents, publish.
        const tarball = packGatewayClient(work);
        ok(
          await runCommand(
            `npm install --no-audit --no-fund --prefer-offline --loglevel=error ${tarball}`,
            {
              cwd: frontendDir,
              env: {},
              timeoutMs: 300_000,
            },
          ),
        );
        ok(await step(FRONTEND, 'npm test', {}));
        const pactFile = join(frontendDir, 'pacts', 'connector-admin-web-connector-gateway.json');
        const written = JSON.parse(readFileSync(pactFile, 'utf8'));
        const { OPERATIONS } = await import('@connectors/gateway-client');
        expect(written.interactions[0].request.body.content.query).toBe(
          OPERATIONS.ConnectorMemberOf.text,
        );
        ok(await step(FRONTEND, 'npm run pact:publish', frontend('web-1', 'main')));
        const web1 = await hal<{
          number: string;
          _embedded?: { branchVersions?: { name: string }[] };
        }>(live, '/pacticipants/connector-admin-web/versions/web-1');
        expect(web1._embedded?.branchVersions?.map((branch) => branch.name)).toEqual(['main']);

        // The gateway publishes its own pact only: the REST one, as gw-1 on main.
        ok(await step(GATEWAY, 'pnpm pact:publish', gateway('gw-1', 'main')));
        await hal(live, '/pacts/provider/graph-api/consumer/connector-gateway/version/gw-1');
        const webVersions = await hal<{ _embedded: { versions: { number: string }[] } }>(
          live,
          '/pacticipants/connector-admin-web/versions',
        );
        expect(webVersions._embedded.versions.map((version) => version.number)).toEqual(['web-1']);

        // 2. The gateway verifies the broker's selection and publishes the result.
        ok(await step(GATEWAY, 'pnpm pact:verify', gateway('gw-1', 'main')));
        expect(await matrix('web-1', 'gw-1')).toEqual([true]);
        const gw1 = await hal<{ _embedded?: { branchVersions?: { name: string }[] } }>(
          live,
          '/pacticipants/connector-gateway/versions/gw-1',
        );
        expect(gw1._embedded?.branchVersions?.map((branch) => branch.name)).toEqual(['main']);

        // 3. Gate and record. graph-api is never verified: only --ignore graph-api lets it through.
        const plain = await runCommand(
          `${PACT_CLI} can-i-deploy --pacticipant connector-gateway --version gw-1 --to-environment production`,
          { cwd: REPO, env: live.env },
        );
        expect(plain.status).toBe(1);
        ok(await step(GATEWAY, 'pnpm pact:can-i-deploy', gateway('gw-1', 'main')));
        ok(await step(GATEWAY, 'pnpm pact:record-deployment', gateway('gw-1', 'main')));
        ok(await step(FRONTEND, 'npm run pact:can-i-deploy', frontend('web-1', 'main')));
        ok(await step(FRONTEND, 'npm run pact:record-deployment', frontend('web-1', 'main')));
        const environments = await hal<{
          _embedded: { environments: { uuid: string; name: string }[] };
        }>(live, '/environments');
        const production = environments._embedded.environments.find((e) => e.name === 'production');
        const deployed = await hal<{
          _embedded: {
            deployedVersions: {
              _embedded: { pacticipant: { name: string }; version: { number: string } };
            }[];
          };
        }>(live, `/environments/${production?.uuid}/deployed-versions/currently-deployed`);
        expect(
          deployed._embedded.deployedVersions
            .map((d) => `${d._embedded.pacticipant.name} ${d._embedded.version.number}`)
            .sort(),
        ).toEqual(['connector-admin-web web-1', 'connector-gateway gw-1']);

        // A gateway version that never verified the deployed frontend may not go to production.
        ok(
          await step(GATEWAY, 'pnpm pact:publish', gateway('gw-unverified', 'unverified-feature')),
        );
        const refused = await step(
          GATEWAY,
          'pnpm pact:can-i-deploy',
          gateway('gw-unverified', 'unverified-feature'),
        );
        expect(refused.status).toBe(1);
        expect(ownErrorLines(refused)).toEqual([
          expect.stringMatching(
            /^pact:can-i-deploy: connector-gateway may not be deployed: There is no verified pact between the version of connector-admin-web currently in production \(web-1\) and version gw-unverified of connector-gateway/,
          ),
        ]);

        // 4. The webhook, as the README defines it, pointed at a receiver standing in for CI.
        const receiver = await startWebhookReceiver();
        try {
          const webhook = webhookDefinition(receiver.url);
          await hal(live, '/webhooks', { method: 'POST', body: webhook });

          // A breaking frontend change, on a branch: the screen now takes the application's one
          // group to be its European default, exactly. Its own test passes (the mock answers what
          // it expects) and it publishes.
          const test = join(frontendDir, 'test', 'connector-gateway.pact.test.js');
          const source = readFileSync(test, 'utf8');
          const matched = 'connectorGroups: eachLike(DEFAULT_GROUP),';
          expect(source).toContain(matched);
          writeFileSync(
            test,
            source.replace(matched, "connectorGroups: [{ ...DEFAULT_GROUP, region: 'EUR' }],"),
          );
          rmSync(join(frontendDir, 'pacts'), { recursive: true, force: true });
          ok(await step(FRONTEND, 'npm test', {}));
          ok(await step(FRONTEND, 'npm run pact:publish', frontend('web-2', 'europe-default')));

          const [call] = await receiver.waitForCalls(1);
          if (call === undefined) throw new Error('no webhook call');
          // Give a second (duplicate) call the time to arrive, then check every call.
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          for (const each of receiver.calls) {
            expect(each.consumerVersionNumber).toBe('web-2');
            expect(each.pactUrl).toBe(call.pactUrl);
          }
          expect(new Set(receiver.calls.map((c) => c.providerVersionNumber))).toEqual(
            new Set(['gw-1']),
          );
          const web2Pact = await hal<{ interactions: { description: string }[] }>(
            live,
            call.pactUrl,
          );
          expect(web2Pact.interactions.map((i) => i.description)).toEqual([INTERACTION]);

          // The CI job the webhook starts: exactly that pact, as the deployed gateway version.
          const job = pipelineCommands(WEBHOOK_JOB);
          expect(job.filter((c) => !RUN_BY_THE_SUITE.has(c))).toEqual(['pnpm pact:verify']);
          const verification = await runCommand('pnpm pact:verify', {
            cwd: REPO,
            env: {
              ...live.env,
              PACT_URL: call.pactUrl,
              PACT_VERSION: call.providerVersionNumber,
              PACT_BRANCH: call.providerVersionBranch,
              CI: 'true',
            },
          });
          expect(
            verification.status,
            `${verification.stdout.slice(-2500)}\n${verification.stderr}`,
          ).toBe(1);
          const [line, ...extra] = ownErrorLines(verification);
          expect(extra).toEqual([]);
          expect(line).toMatch(
            new RegExp(
              `^pact:verify: connector-gateway does not honour 1 interaction\\(s\\) of ${escapeRegExp(call.pactUrl)}: connector-admin-web: "${escapeRegExp(INTERACTION)}".*EUR`,
            ),
          );
          // Exactly that pact: web-2's failed, web-1's result against gw-1 is untouched.
          expect(await matrix('web-2', 'gw-1')).toEqual([false]);
          expect(await matrix('web-1', 'gw-1')).toEqual([true]);

          // The frontend's gate says no, and the broker's result names the interaction.
          const no = await step(
            FRONTEND,
            'npm run pact:can-i-deploy',
            frontend('web-2', 'europe-default'),
          );
          expect(no.status).toBe(1);
          expect(no.stdout).toContain(
            'The verification for the pact between version web-2 of connector-admin-web and the version of connector-gateway currently in production (gw-1) failed',
          );
          const named = await failedInteractions({
            baseUrl: live.url,
            authorization: authorization(live),
            pacticipant: 'connector-admin-web',
            version: 'web-2',
            environment: 'production',
          });
          expect(named).toEqual([
            expect.stringMatching(
              new RegExp(
                `^connector-admin-web: "${escapeRegExp(INTERACTION)}" failed against gw-1 \\(.*EUR`,
              ),
            ),
          ]);

          // 5. The gateway's next main build: web-2 is a WIP pact (a branch, never verified), so
          // pending: verified and reported, but it does not fail the gateway's build.
          ok(await step(GATEWAY, 'pnpm pact:verify', gateway('gw-2', 'main')));
          expect(await matrix('web-2', 'gw-2')).toEqual([false]);
          expect(await matrix('web-1', 'gw-2')).toEqual([true]);
          ok(await step(GATEWAY, 'pnpm pact:can-i-deploy', gateway('gw-2', 'main')));

          // Deployed anyway (no gate stops a manual deploy): the gateway's next can-i-deploy
          // says no, naming the interaction web-2 fails, from the broker's verification result.
          ok(
            await step(
              FRONTEND,
              'npm run pact:record-deployment',
              frontend('web-2', 'europe-default'),
            ),
          );
          const blocked = await step(GATEWAY, 'pnpm pact:can-i-deploy', gateway('gw-2', 'main'));
          expect(blocked.status).toBe(1);
          expect(ownErrorLines(blocked)).toEqual([
            expect.stringMatching(
              new RegExp(
                `^pact:can-i-deploy: connector-gateway may not be deployed: .*; failing: connector-admin-web: "${escapeRegExp(INTERACTION)}" failed against gw-2 \\(.*EUR`,
              ),
            ),
          ]);
        } finally {
          await receiver.close();
        }

        // Every README command ran (or is the suite itself), and the Actions YAML runs the same.
        const { blocks, actionsRuns } = readmePipeline();
        const ci = [FRONTEND, GATEWAY, WEBHOOK_JOB].flatMap(pipelineCommands);
        const documented = [...once, ...ci];
        expect(blocks.map((block) => block.title)).toEqual(
          expect.arrayContaining([ONCE, FRONTEND, GATEWAY, WEBHOOK_JOB]),
        );
        expect(documented.filter((c) => !RUN_BY_THE_SUITE.has(c) && !ran.has(c))).toEqual([]);
        expect(new Set(actionsRuns)).toEqual(new Set(ci));
        expect(existsSync(pactFile)).toBe(true);
      },
      LOOP_TIMEOUT_MS,
    );
  },
);

/** The webhook body of the README (a `json` block), with the receiver's URL in place of CI's. */
function webhookDefinition(url: string): Record<string, unknown> {
  const text = readFileSync(README, 'utf8');
  const block =
    /```json\n(\{\s*"description": "verify a changed connector-gateway pact"[\s\S]*?)```/.exec(
      text,
    )?.[1];
  if (block === undefined) throw new Error('README has no webhook json block');
  const webhook = JSON.parse(block) as { request: { url: string } };
  webhook.request.url = url;
  return webhook;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
