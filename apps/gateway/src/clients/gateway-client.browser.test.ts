/**
 * Contract: the client is browser code. Bundled by esbuild for the browser platform from
 * `src/index.ts` (a `node:` import would fail the build), it runs in a real Chromium (the one
 * `launchChromium` finds, through playwright-core) against the real gateway in front of fake-graph: default `fetch`,
 * Web Crypto's `randomUUID`, the exact document text and typed results, with nothing else loaded.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEED } from '@connectors/domain';
import { TENANT_CONNECTOR_COUNT } from '@connectors/fake-graph';
import type { GatewayResult } from '@connectors/gateway-client';
import { build, type Metafile } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessGateway, startInProcessGateway } from '../../test/in-process-gateway.ts';
import { launchChromium } from '../graphiql/launch-chromium.ts';

// The client package's folder, found through its export as a frontend's bundler finds it.
const packageDir = fileURLToPath(new URL('..', import.meta.resolve('@connectors/gateway-client')));
const APPLICATION_ID = SEED.applicationId;
const CONNECTOR_ID = SEED.connectorId;

async function bundle(): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [`${packageDir}src/index.ts`],
    absWorkingDir: packageDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'GatewayClient',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile };
}

describe('the browser bundle', () => {
  it('builds for the browser from sources without Node-only imports', async () => {
    const { metafile } = await bundle();
    const sources = Object.keys(metafile.inputs).filter((path) => path.startsWith('src/'));
    expect(sources).toContain('src/create-gateway-client.ts');
    for (const path of sources) {
      const text = readFileSync(`${packageDir}${path}`, 'utf8');
      expect(text, path).not.toMatch(/from ['"]node:|require\(|process\./);
    }
    // Only the client's own code and its two runtime dependencies go into a frontend's bundle.
    const packages = new Set(
      Object.keys(metafile.inputs)
        .filter((path) => path.includes('node_modules/'))
        .map((path) => path.split('node_modules/').pop()?.split('/')[0]),
    );
    expect([...packages]).toEqual(['zod']);
  });
});

describe('the client in chromium', () => {
  let gateway: InProcessGateway;
  let browser: Browser;
  let code: string;

  // The first run on a machine may unpack the bundled Chromium (209 MB) before launching it.
  beforeAll(async () => {
    code = (await bundle()).code;
    gateway = await startInProcessGateway();
    browser = await launchChromium('gateway-client browser test');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('adds a connector, lists its groups and reports a missing token', async () => {
    const page = await browser.newPage();
    const origin = new URL(gateway.url).origin;
    const offSite: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) offSite.push(request.url());
    });
    // Same origin as the gateway, as a frontend served beside it (CORS is the deployment's).
    await page.goto(`${origin}/healthz`);
    await page.addScriptTag({ content: code });

    const results = await page.evaluate(
      async ({ applicationId, connectorId }) => {
        const { createGatewayClient } = (
          globalThis as never as { GatewayClient: typeof import('@connectors/gateway-client') }
        ).GatewayClient;
        const client = createGatewayClient({
          url: '/graphql',
          getToken: async () => 'browser-token',
        });
        const added = await client.addConnectorMemberOf({
          input: {
            applicationId,
            connectorId,
            connectorGroup: {
              connectorGroupType: 'APPLICATION_PROXY',
              isDefault: false,
              name: 'From the browser',
              region: 'AUS',
            },
          },
        });
        const listed = await client.connectorMemberOf({ applicationId, connectorId });
        const anonymous = await createGatewayClient({
          url: '/graphql',
          getToken: () => null,
        }).connectorMemberOf({ applicationId, connectorId });
        return { added, listed, anonymous, secure: globalThis.isSecureContext };
      },
      { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID },
    );

    expect(results.secure).toBe(true);
    expect(results.added).toMatchObject({
      kind: 'success',
      data: { connectorGroup: { name: 'From the browser', region: 'AUS' } },
      clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const listed = results.listed as GatewayResult<{ connectorGroups: { name: string }[] }>;
    expect(
      listed.kind === 'success' && listed.data.connectorGroups.map((group) => group.name),
    ).toContain('From the browser');
    expect(results.anonymous).toMatchObject({ kind: 'error', code: 'UNAUTHENTICATED' });
    expect(offSite).toEqual([]);
    await page.close();
  });

  it('builds the connector-group screen: pages of connectors, a new group, a move, read back', async () => {
    const page = await browser.newPage();
    const origin = new URL(gateway.url).origin;
    await page.goto(`${origin}/healthz`);
    await page.addScriptTag({ content: code });

    const screen = await page.evaluate(
      async ({ applicationId, connectorId }) => {
        const { createGatewayClient, connectorPages } = (
          globalThis as never as { GatewayClient: typeof import('@connectors/gateway-client') }
        ).GatewayClient;
        const client = createGatewayClient({ url: '/graphql', getToken: () => 'screen-token' });
        // The list, a page of 25 at a time, as the screen's "load more" reads it.
        const pageSizes: number[] = [];
        const ids: string[] = [];
        const groupless: string[] = [];
        for await (const result of connectorPages(client, { first: 25 })) {
          if (result.kind !== 'success') return { failed: result };
          const { edges } = result.data.connectors;
          pageSizes.push(edges.length);
          for (const { node } of edges) {
            ids.push(node.id);
            if (node.connectorGroup === null) groupless.push(node.id);
          }
        }
        // A new group, then the move (by id: only the group's id is the caller's to know).
        const name = `Screen group ${Date.now()}`;
        const created = await client.createConnectorGroup({ input: { name, region: 'EUR' } });
        if (created.kind !== 'success') return { failed: created };
        const group = created.data.connectorGroup;
        const moved = await client.addConnectorMemberOf({
          input: {
            applicationId,
            connectorId,
            connectorGroup: {
              id: group.id,
              connectorGroupType: 'APPLICATION_PROXY',
              isDefault: true,
              name: 'not the name it has',
              region: 'IND',
            },
          },
        });
        // Read back: the group with its members, and the connector's group in the list.
        const readBack = await client.connectorGroup({ id: group.id ?? '', first: 10 });
        return { pageSizes, ids, groupless, created, moved, readBack, name };
      },
      { applicationId: APPLICATION_ID, connectorId: CONNECTOR_ID },
    );

    expect(screen).not.toHaveProperty('failed');
    if ('failed' in screen) return;
    expect(screen.pageSizes).toEqual([25, TENANT_CONNECTOR_COUNT - 25]);
    expect(new Set(screen.ids).size).toBe(TENANT_CONNECTOR_COUNT);
    expect(screen.groupless).toEqual([]);
    const created = screen.created as GatewayResult<{ connectorGroup: { id: string } }>;
    const groupId = created.kind === 'success' ? created.data.connectorGroup.id : undefined;
    expect(screen.created).toMatchObject({
      kind: 'success',
      data: { connectorGroup: { name: screen.name, region: 'EUR', isDefault: false } },
    });
    // The add answers with the group as stored, not as the caller described it.
    expect(screen.moved).toMatchObject({
      kind: 'success',
      data: { connectorGroup: { id: groupId, name: screen.name, region: 'EUR', isDefault: false } },
    });
    expect(screen.readBack).toMatchObject({
      kind: 'success',
      data: {
        connectorGroup: {
          id: groupId,
          name: screen.name,
          members: { edges: [{ node: { id: CONNECTOR_ID } }], pageInfo: { hasNextPage: false } },
        },
      },
    });
    await page.close();
  });
});
