/**
 * Contract: GraphiQL, served by the gateway with its assets inlined, works in a real browser
 * (a Chromium through playwright-core: `CHROMIUM_PATH`, else one on the machine, else the one
 * inside `@sparticuz/chromium`; see chromium-executable.ts) against fake-graph, under both
 * upstream profiles.
 * `seed`: it opens on the example mutation and bearer header, runs it, and shows the success
 * payload (screenshot: `artifacts/graphiql.png`); its moveConnectors tab moves three of the
 * seeded tenant's connectors, and run again answers ALREADY_MEMBER for each. `graph` (issue 12's "Done when"): it opens on
 * the overview; documents pasted into its editor move the seeded connector from group A to group
 * B, and reading it back shows it in exactly one group, B; the example add tab then moves it
 * back to "Default" (screenshot: `artifacts/graphiql-graph.png`). Nothing is fetched off site.
 */
import { mkdirSync } from 'node:fs';
import { SEED } from '@connectors/domain';
import { type RunningFakeGraph, startFakeGraph } from '@connectors/fake-graph';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';
import { GRAPHIQL_GRAPH_ADD, GRAPHIQL_MOVE_CONNECTORS, MOVE_EXAMPLE } from './graphiql.ts';
import { launchChromium } from './launch-chromium.ts';

const ARTIFACTS = new URL('../../artifacts/', import.meta.url);
// GraphiQL loads, and each run answers, well within this on a busy machine; polled, never slept.
const UI_BOUND_MS = 15_000;

let browser: Browser;
// The first run on a machine may unpack the bundled Chromium (209 MB) before launching it.
beforeAll(async () => {
  browser = await launchChromium('GraphiQL browser test');
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** A page on GraphiQL, recording every request that leaves the gateway's origin. */
async function openGraphiQL(url: string): Promise<{ page: Page; offSite: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Pasting is how a person puts a document into the editor (typing would meet Monaco's
  // auto-closing brackets); the page is on 127.0.0.1, a secure context, so the clipboard works.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const page = await context.newPage();
  const offSite: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(url) && !/^(data|blob):/.test(request.url())) {
      offSite.push(request.url());
    }
  });
  await page.goto(`${url}/graphql`);
  await page
    .locator('.graphiql-execute-button')
    .waitFor({ state: 'visible', timeout: UI_BOUND_MS });
  return { page, offSite };
}

// Monaco renders spaces as no-break spaces; compare words, not whitespace.
async function shownResponse(page: Page): Promise<string> {
  return ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, ' ');
}

/**
 * Clicks GraphiQL's run button and returns the JSON the gateway answered to operation `name`
 * (GraphiQL also POSTs its introspection query), once GraphiQL shows it.
 */
async function run(page: Page, name: string): Promise<Record<string, unknown>> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (candidate) =>
        candidate.request().method() === 'POST' &&
        (candidate.request().postDataJSON() as { operationName?: string } | null)?.operationName ===
          name,
      { timeout: UI_BOUND_MS },
    ),
    page.locator('.graphiql-execute-button').click(),
  ]);
  const body = (await response.json()) as Record<string, unknown>;
  await expect.poll(() => shownResponse(page), { timeout: UI_BOUND_MS }).toContain('"data"');
  return body;
}

/** Replaces the active tab's document by pasting `document`, as a person would. */
async function paste(page: Page, document: string, operationName: string): Promise<void> {
  await page.locator('.graphiql-query-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => navigator.clipboard.writeText(text), document);
  await page.keyboard.press('ControlOrMeta+V');
  // GraphiQL takes the editor's text after a debounce; the tab's title is the operation's name
  // once it has.
  await expect
    .poll(() => page.locator('.graphiql-tab-active').textContent(), { timeout: UI_BOUND_MS })
    .toContain(operationName);
}

describe('GraphiQL in chromium, UPSTREAM_API=seed (the default)', () => {
  let fakeGraph: RunningFakeGraph;
  let harness: TestGateway;
  let url: string;

  beforeAll(async () => {
    fakeGraph = await startFakeGraph();
    harness = createTestGateway({ upstreamBaseUrl: fakeGraph.baseUrl });
    url = await harness.listen();
  });
  afterAll(async () => {
    await harness?.close();
    await fakeGraph?.close();
  });

  it('runs the example mutation and shows the success payload', async () => {
    const { page, offSite } = await openGraphiQL(url);
    const body = await run(page, 'AddConnectorToGroup');
    expect(body).toMatchObject({
      data: {
        addConnectorMemberOf: {
          userErrors: [],
          connectorGroup: { name: 'West Europe connectors' },
        },
      },
    });
    const text = await shownResponse(page);
    expect(text).toMatch(/"userErrors": \[\]/);
    expect(text).toContain('"name": "West Europe connectors"');
    expect(text).toContain('"region": "EUR"');
    expect(text).not.toContain('"errors"');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: new URL('graphiql.png', ARTIFACTS).pathname, fullPage: true });
    // Everything came from the gateway: nothing was fetched from a CDN.
    expect(offSite).toEqual([]);
    await page.context().close();
  });

  it('offers the moveConnectors tab; run, it moves the three connectors, run again, ALREADY_MEMBER', async () => {
    const { page, offSite } = await openGraphiQL(url);
    // Tabs are titled by their operation's name: the bulk move is among those GraphiQL opens with.
    await expect
      .poll(() => page.locator('.graphiql-tab').allTextContents(), { timeout: UI_BOUND_MS })
      .toContainEqual(expect.stringContaining('MoveConnectors'));
    await paste(page, GRAPHIQL_MOVE_CONNECTORS, 'MoveConnectors');
    const moved = (await run(page, 'MoveConnectors')) as {
      data: { moveConnectors: { results: { connectorId: string; outcome: string }[] } };
    };
    expect(moved.data.moveConnectors.results.map((result) => result.outcome)).toEqual([
      'MOVED',
      'MOVED',
      'MOVED',
    ]);
    for (const id of MOVE_EXAMPLE.connectorIds) {
      expect(fakeGraph.store.groupOf(id)?.id).toBe(MOVE_EXAMPLE.connectorGroupId);
    }
    expect(await shownResponse(page)).toContain('"outcome": "MOVED"');

    const again = (await run(page, 'MoveConnectors')) as typeof moved;
    expect(again.data.moveConnectors.results.map((result) => result.outcome)).toEqual([
      'ALREADY_MEMBER',
      'ALREADY_MEMBER',
      'ALREADY_MEMBER',
    ]);
    expect(offSite).toEqual([]);
    await page.context().close();
  });
});

describe('GraphiQL in chromium, UPSTREAM_API=graph', () => {
  const groupA = { id: '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f', name: 'Group A', region: 'eur' };
  const groupB = { id: '7d8e9f0a-1b2c-4d3e-9f4a-5b6c7d8e9f0a', name: 'Group B', region: 'ind' };
  let fakeGraph: RunningFakeGraph;
  let harness: TestGateway;
  let url: string;

  beforeAll(async () => {
    fakeGraph = await startFakeGraph();
    // The seed alone, not the realistic tenant a new database holds: the lists below are exact.
    fakeGraph.store.reset();
    fakeGraph.store.seed();
    // Two groups an admin made beside the seeded "Default": Graph's add never creates one.
    for (const group of [groupA, groupB]) {
      fakeGraph.store.createGroup(null, {
        ...group,
        connectorGroupType: 'applicationProxy',
        isDefault: false,
      } as Parameters<RunningFakeGraph['store']['createGroup']>[1]);
    }
    // As `UPSTREAM_API=graph pnpm start` runs it: fake-graph's /beta.
    harness = createTestGateway({ upstreamBaseUrl: `${fakeGraph.url}/beta`, api: 'graph' });
    url = await harness.listen();
  });
  afterAll(async () => {
    await harness?.close();
    await fakeGraph?.close();
  });

  const moveTo = (operationName: string, groupName: string) => `mutation ${operationName} {
  addConnectorMemberOf(input: {
    applicationId: "${SEED.applicationId}"
    connectorId: "${SEED.connectorId}"
    connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "${groupName}", region: EUR }
  }) {
    connectorGroup { id name }
    userErrors { code message field }
  }
}
`;
  const whereIsIt = `query WhereIsTheConnector {
  connectorMemberOf(applicationId: "${SEED.applicationId}", connectorId: "${SEED.connectorId}") {
    connectorGroups { id name }
    userErrors { code message field }
  }
}
`;

  it('opens on the overview: one click lists the groups and the connector in "Default"', async () => {
    const { page, offSite } = await openGraphiQL(url);
    const body = await run(page, 'ConnectorGroupsOverview');
    expect(body).toMatchObject({
      data: {
        connectorGroups: { userErrors: [] },
        connectorMemberOf: {
          connectorGroups: [{ id: SEED.defaultGroup.id, name: 'Default' }],
          userErrors: [],
        },
      },
    });
    const names = (
      body as { data: { connectorGroups: { connectorGroups: { name: string }[] } } }
    ).data.connectorGroups.connectorGroups.map((group) => group.name);
    expect(names).toEqual(['Default', 'Group A', 'Group B']);
    expect(await shownResponse(page)).toContain('"name": "Group B"');
    expect(offSite).toEqual([]);
    await page.context().close();
  });

  it('moves the connector from A to B: read back, it is in exactly one group, B', async () => {
    const { page, offSite } = await openGraphiQL(url);

    await paste(page, moveTo('MoveToGroupA', groupA.name), 'MoveToGroupA');
    expect(await run(page, 'MoveToGroupA')).toEqual({
      data: {
        addConnectorMemberOf: {
          connectorGroup: { id: groupA.id, name: 'Group A' },
          userErrors: [],
        },
      },
    });
    await paste(page, moveTo('MoveToGroupB', groupB.name), 'MoveToGroupB');
    expect(await run(page, 'MoveToGroupB')).toEqual({
      data: {
        addConnectorMemberOf: {
          connectorGroup: { id: groupB.id, name: 'Group B' },
          userErrors: [],
        },
      },
    });

    await paste(page, whereIsIt, 'WhereIsTheConnector');
    expect(await run(page, 'WhereIsTheConnector')).toEqual({
      data: {
        connectorMemberOf: {
          connectorGroups: [{ id: groupB.id, name: 'Group B' }],
          userErrors: [],
        },
      },
    });
    const shown = await shownResponse(page);
    expect(shown).toContain('"name": "Group B"');
    expect(shown).not.toContain('Group A');
    expect(shown).not.toContain('Default');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({
      path: new URL('graphiql-graph.png', ARTIFACTS).pathname,
      fullPage: true,
    });

    // The example add, as the second tab ships it: back to "Default" by name, now that the
    // connector was moved away. (Pasted rather than reached by switching tabs: GraphiQL ignores a
    // run clicked before it has loaded the tab's document, and shows no sign of when it has.)
    await paste(page, GRAPHIQL_GRAPH_ADD, 'AddConnectorToGroup');
    expect(await run(page, 'AddConnectorToGroup')).toMatchObject({
      data: {
        addConnectorMemberOf: {
          connectorGroup: { id: SEED.defaultGroup.id, name: 'Default' },
          userErrors: [],
        },
      },
    });
    expect(offSite).toEqual([]);
    await page.context().close();
  });
});
