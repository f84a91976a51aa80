/**
 * Contract: `main` as operators run it, from source (tsx) and as the production bundle
 * (`pnpm --filter ./apps/gateway build`, plain node). A bad environment stops the process at
 * start with a message naming the variable (a trusted document that does not validate is a bad
 * `TRUSTED_DOCUMENTS`, named with its hash); the default trusted documents are the client's
 * manifest, carried by the bundle; SIGTERM first turns `/readyz` 503 while requests are still
 * served for `SHUTDOWN_DELAY_MS` (a second signal ends the delay), then drains: new connections
 * are refused, the request in flight (on the fast path: its document is trusted, from
 * `TRUSTED_DOCUMENTS`) still gets its answer, and the process exits 0.
 */

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from '@connectors/domain';
import { addConnectorMemberOfOperation } from '@connectors/gateway-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../scripts/build.ts';
import { graphqlBody } from '../test/gateway-harness.ts';
import {
  FROM_SOURCE,
  type Started,
  startMain as startProcess,
  waitForLog,
} from '../test/main-process.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../test/scripted-upstream.ts';
import { documentHash } from './trusted-documents/manifest.ts';

/** How to run main: node's arguments. */
let entry: readonly string[] = FROM_SOURCE;
const startMain = (env: Record<string, string>): Started => startProcess(entry, env);

let running: Started | undefined;
let upstream: ScriptedUpstream | undefined;
afterEach(async () => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
  await upstream?.close();
  upstream = undefined;
});

const DRAINED_MUTATION = `mutation($input: AddConnectorMemberOfInput!) {
          addConnectorMemberOf(input: $input) { connectorGroup { name } userErrors { code } }
        }`;
// Valid text, an unknown field: a manifest holding it must not start.
const INVALID_DOCUMENT = 'query Broken { connectorMemberO }';

let bundleDir = '';
/** A manifest file of `texts`, in the bundle's temporary folder. */
async function manifestFile(name: string, texts: string[]): Promise<string> {
  const path = join(bundleDir, name);
  await writeFile(
    path,
    JSON.stringify(Object.fromEntries(texts.map((text) => [`sha256:${documentHash(text)}`, text]))),
  );
  return path;
}
beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'gateway-bundle-'));
  await buildGateway(join(bundleDir, 'main.mjs'));
});
afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

describe.each([
  { how: 'from source (tsx)', args: () => ['--import', 'tsx', 'src/main.ts'] },
  { how: 'as the production bundle (node)', args: () => [join(bundleDir, 'main.mjs')] },
])('main $how', ({ args }) => {
  beforeAll(() => {
    entry = args();
  });

  it.each([
    [
      'UPSTREAM_TIMEOUT_MS',
      { UPSTREAM_URL: 'http://127.0.0.1:9/v1.0', UPSTREAM_TIMEOUT_MS: 'soon' },
    ],
    ['UPSTREAM_URL', {}],
  ])(
    'exits non-zero at start on a bad %s, naming it',
    async (variable, env: Record<string, string>) => {
      running = startMain(env);
      const code = await running.exited;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(running.stderr()).toContain(variable);
    },
  );

  it('exits non-zero at start on a TRUSTED_DOCUMENTS file that is missing, naming it', async () => {
    running = startMain({
      UPSTREAM_URL: 'http://127.0.0.1:9/v1.0',
      TRUSTED_DOCUMENTS: join(bundleDir, 'missing.json'),
    });
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain('TRUSTED_DOCUMENTS cannot be read (ENOENT)');
    expect(running.stderr()).not.toContain('missing.json');
  });

  it('exits non-zero at start on a trusted document that does not validate, naming its hash', async () => {
    running = startMain({
      UPSTREAM_URL: 'http://127.0.0.1:9/v1.0',
      TRUSTED_DOCUMENTS: await manifestFile('invalid.json', [INVALID_DOCUMENT]),
    });
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toContain(
      `TRUSTED_DOCUMENTS sha256:${documentHash(INVALID_DOCUMENT)} is not a valid document for this gateway`,
    );
    // The reason, never the file: no stack trace, no document text.
    expect(running.stderr()).not.toContain(INVALID_DOCUMENT);
    expect(running.stderr()).not.toMatch(/\bat \S+ \(/);
  });

  it("under TRUSTED_DOCUMENTS_MODE=require runs the client's manifest by documentId and refuses any other document", async () => {
    upstream = await startScriptedUpstream();
    running = startMain({
      PORT: '0',
      UPSTREAM_URL: upstream.baseUrl,
      TRUSTED_DOCUMENTS_MODE: 'require',
    });
    const listening = await waitForLog(running, (line) => typeof line.port === 'number');
    const post = (body: unknown) =>
      fetch(`http://127.0.0.1:${listening.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer trusted' },
        body: JSON.stringify(body),
      });
    // An id that is not a GUID: INVALID_INPUT, answered without the upstream.
    const byHash = await post({
      documentId: addConnectorMemberOfOperation.hash,
      variables: {
        input: {
          applicationId: 'not-a-guid',
          connectorId: SEED.connectorId,
          connectorGroup: {
            connectorGroupType: 'APPLICATION_PROXY',
            isDefault: false,
            name: 'G',
            region: 'EUR',
          },
        },
      },
    });
    expect(byHash.status).toBe(200);
    const payload = (await byHash.json()) as {
      data: { addConnectorMemberOf: { userErrors: { code: string; field: string[] }[] } };
    };
    expect(payload.data.addConnectorMemberOf.userErrors[0]).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'applicationId'],
    });
    const other = await post({ query: '{ __typename }' });
    expect(other.status).toBe(400);
    expect(JSON.stringify(await other.json())).toContain('PERSISTED_QUERY_NOT_IN_LIST');
    expect(upstream.requests).toEqual([]);
  });

  it('drains on SIGTERM: refuses new connections, finishes the request in flight, exits 0', async () => {
    let held: ServerResponse | undefined;
    let arrived: () => void = () => {};
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let calls = 0;
    upstream = await startScriptedUpstream((_request, response) => {
      calls += 1;
      // The first call is answered; the second is held, in flight when SIGTERM arrives.
      if (calls === 1) {
        response.writeHead(204).end();
        return;
      }
      held = response;
      arrived();
    });
    running = startMain({
      PORT: '0',
      UPSTREAM_URL: upstream.baseUrl,
      LOG_LEVEL: 'info',
      SHUTDOWN_DELAY_MS: '0',
      TRUSTED_DOCUMENTS: await manifestFile('drain.json', [DRAINED_MUTATION]),
    });
    const listening = await waitForLog(running, (line) => typeof line.port === 'number');
    const url = `http://127.0.0.1:${listening.port}`;

    const send = () =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer drain' },
        body: graphqlBody(DRAINED_MUTATION, {
          input: {
            applicationId: SEED.applicationId,
            connectorId: SEED.connectorId,
            connectorGroup: {
              connectorGroupType: 'APPLICATION_PROXY',
              isDefault: false,
              name: 'Drained',
              region: 'EUR',
            },
          },
        }),
      });
    expect((await send()).status).toBe(200);
    const inFlight = send();
    await requestArrived;

    running.child.kill('SIGTERM');
    await waitForLog(running, (line) => String(line.msg).startsWith('draining'));
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    held?.writeHead(204).end();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { addConnectorMemberOf: { connectorGroup: { name: 'Drained' }, userErrors: [] } },
    });
    expect(await running.exited).toBe(0);
    expect(running.stdout.some((line) => line.includes('shutdown complete'))).toBe(true);
  });
  it('during SHUTDOWN_DELAY_MS: /readyz is 503, requests are still served; a second signal drains', async () => {
    upstream = await startScriptedUpstream((_request, response) => {
      response.writeHead(204).end();
    });
    running = startMain({
      PORT: '0',
      UPSTREAM_URL: upstream.baseUrl,
      LOG_LEVEL: 'info',
      // Longer than this test can take: the second signal, not the clock, ends the delay.
      SHUTDOWN_DELAY_MS: '600000',
      TRUSTED_DOCUMENTS: await manifestFile('delay.json', [DRAINED_MUTATION]),
    });
    const listening = await waitForLog(running, (line) => typeof line.port === 'number');
    const url = `http://127.0.0.1:${listening.port}`;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    running.child.kill('SIGTERM');
    const started = await waitForLog(running, (line) =>
      String(line.msg).startsWith('shutdown started'),
    );
    expect(started).toMatchObject({ signal: 'SIGTERM', shutdownDelayMs: 600_000 });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.text()).toBe('draining\n');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // A mutation on a new connection: served, answered once, and told to reconnect elsewhere.
    const served = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer delay' },
      body: graphqlBody(DRAINED_MUTATION, {
        input: {
          applicationId: SEED.applicationId,
          connectorId: SEED.connectorId,
          connectorGroup: {
            connectorGroupType: 'APPLICATION_PROXY',
            isDefault: false,
            name: 'During the delay',
            region: 'EUR',
          },
        },
      }),
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('connection')).toBe('close');
    expect(await served.json()).toEqual({
      data: {
        addConnectorMemberOf: { connectorGroup: { name: 'During the delay' }, userErrors: [] },
      },
    });
    expect(upstream.requests).toHaveLength(1);
    expect(running.stdout.some((line) => line.includes('"msg":"draining'))).toBe(false);

    running.child.kill('SIGTERM');
    await waitForLog(running, (line) => String(line.msg).startsWith('draining'));
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(await running.exited).toBe(0);
  });
});
