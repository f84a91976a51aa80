/**
 * Contract: GraphiQL, served by the gateway with its assets inlined, works in a real browser
 * (Debian's chromium through playwright-core): it opens on the example mutation and bearer
 * header, runs it against fake-graph, and shows the success payload. The screenshot is saved to
 * `artifacts/graphiql.png`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../../artifacts/', import.meta.url);

describe('GraphiQL in chromium', () => {
  let fakeGraph: RunningFakeGraph;
  let harness: TestGateway;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
    }
    fakeGraph = await startFakeGraph();
    harness = createTestGateway({ upstreamBaseUrl: fakeGraph.baseUrl });
    url = await harness.listen();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await fakeGraph?.close();
  });

  it('runs the example mutation and shows the success payload', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const offSite: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(url) && !/^(data|blob):/.test(request.url())) {
        offSite.push(request.url());
      }
    });
    await page.goto(`${url}/graphql`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 15_000 });
    await run.click();

    const response = page.locator('.graphiql-response');
    await expect
      .poll(async () => ((await response.textContent()) ?? '').replace(/\s+/g, ' '), {
        timeout: 15_000,
      })
      .toMatch(/"userErrors": \[\]/);
    // Monaco renders spaces as no-break spaces; compare words, not whitespace.
    const text = ((await response.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('"name": "West Europe connectors"');
    expect(text).toContain('"region": "EUR"');
    expect(text).not.toContain('"errors"');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('graphiql.png', ARTIFACTS).pathname, fullPage: true });
    // Everything came from the gateway: nothing was fetched from a CDN.
    expect(offSite).toEqual([]);
  });
});
