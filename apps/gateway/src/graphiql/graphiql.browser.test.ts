/**
 * Contract: GraphiQL, served by the gateway with its assets inlined, works in a real browser
 * (a Chromium through playwright-core: `CHROMIUM_PATH`, else one on the machine, else the one
 * inside `@sparticuz/chromium`; see chromium-executable.ts): it opens on the example mutation and
 * bearer header, runs it against fake-graph, and shows the success payload. The screenshot is
 * saved to `artifacts/graphiql.png`.
 */
import { mkdirSync } from 'node:fs';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import { findChromium } from './chromium-executable.ts';

const ARTIFACTS = new URL('../../artifacts/', import.meta.url);

/** The test's environment without unset entries, as playwright's `env` option takes it. */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(
    // biome-ignore lint/style/noProcessEnv: the browser inherits this test's environment (DISPLAY, HOME, TMPDIR), plus the bundled libraries' path.
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

describe('GraphiQL in chromium', () => {
  let fakeGraph: RunningFakeGraph;
  let harness: TestGateway;
  let url: string;
  let browser: Browser;

  // The first run on a machine may unpack the bundled Chromium (209 MB) before launching it.
  beforeAll(async () => {
    const found = await findChromium();
    console.info(`GraphiQL browser test: ${found.executablePath} (from ${found.source})`);
    fakeGraph = await startFakeGraph();
    harness = createTestGateway({ upstreamBaseUrl: fakeGraph.baseUrl });
    url = await harness.listen();
    browser = await chromium.launch({
      executablePath: found.executablePath,
      env: { ...definedEnv(), ...found.env },
      // Not @sparticuz/chromium's recommended `args`: those are for AWS Lambda (single-process,
      // web security off); measured here, its build runs with the same flags as Debian's.
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
  }, 120_000);
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
