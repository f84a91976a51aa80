/**
 * Contract: the client is browser code. Bundled by esbuild for the browser platform from
 * `src/index.ts` (a `node:` import would fail the build), it runs in a real chromium (Debian's,
 * through playwright-core) against the real gateway in front of fake-graph: default `fetch`,
 * Web Crypto's `randomUUID`, the exact document text and typed results, with nothing else loaded.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessGateway, startInProcessGateway } from '../test/in-process-gateway.ts';
import type { GatewayResult } from './result.ts';

const CHROMIUM = '/usr/bin/chromium';
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const APPLICATION_ID = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR_ID = 'e98f0710-0710-e98f-1007-8fe910078fe9';

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

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    }
    code = (await bundle()).code;
    gateway = await startInProcessGateway();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
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
          globalThis as never as { GatewayClient: typeof import('./index.ts') }
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
});
