import { type Browser, chromium } from 'playwright-core';
import { findChromium } from './chromium-executable.ts';

/** The test's environment without unset entries, as playwright's `env` option takes it. */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(
    // biome-ignore lint/style/noProcessEnv: the browser inherits this test's environment (DISPLAY, HOME, TMPDIR), plus the bundled libraries' path.
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
}

/**
 * Starts the browser tests' Chromium, found as `findChromium` finds it (`CHROMIUM_PATH`, the
 * machine's, else the one inside `@sparticuz/chromium`), headless and with nothing of its own
 * reaching the network. The first call on a machine may unpack the bundled one (209 MB): give the
 * hook that calls it a generous timeout.
 * @param label names the test in the line saying which browser it got
 */
export async function launchChromium(label: string): Promise<Browser> {
  const found = await findChromium();
  console.info(`${label}: ${found.executablePath} (from ${found.source})`);
  return chromium.launch({
    executablePath: found.executablePath,
    env: { ...definedEnv(), ...found.env },
    // Not @sparticuz/chromium's recommended `args`: those are for AWS Lambda (single-process,
    // web security off); measured here, its build runs with the same flags as Debian's. Without
    // the background-networking flags Chromium calls out to Google at every start.
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
}
