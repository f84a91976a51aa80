import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { type BundledChromium, unpackBundledChromium } from './bundled-chromium.ts';

/** Where the browser test's Chromium came from. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'machine' | '@sparticuz/chromium';

/** A Chromium to hand to playwright-core's `chromium.launch`. */
export interface FoundChromium {
  source: ChromiumSource;
  executablePath: string;
  /** Variables the browser process needs on top of the test's own environment. */
  env: Record<string, string>;
}

/** What {@link findChromium} looks at; each part can be replaced in tests. */
export interface ChromiumSearch {
  /** Where `CHROMIUM_PATH` and `PATH` are read. */
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  arch: string;
  /** Absolute paths tried, in order, before `PATH`. */
  knownPaths: readonly string[];
  /** Executable names looked up on `PATH`, in order. */
  names: readonly string[];
  unpackBundled: () => Promise<BundledChromium>;
}

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
];
const MAC_PATHS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Why `path` cannot be launched, or null when it is an executable file. */
function unusable(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return 'not a file';
    accessSync(path, constants.X_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'not executable';
  }
}

/**
 * Finds a Chromium for the GraphiQL browser test, in this order:
 *
 * 1. `CHROMIUM_PATH`, when set and not empty. An explicit choice is never second-guessed: a
 *    path that is not an executable file fails at once instead of falling through.
 * 2. A Chromium or Chrome on the machine (the usual install paths, then `PATH`): a browser the
 *    developer already keeps patched, built for this system, and found in no time.
 * 3. The Chromium inside `@sparticuz/chromium` (a devDependency, Linux x64 only), unpacked once
 *    into the temp directory (about 3 s, 210 MB): what makes `pnpm test` pass on a fresh machine
 *    with no browser, no root and nothing from apt. Last because it is a serverless headless
 *    shell rather than the browser users run, and it costs the unpacking.
 *
 * @throws an Error naming every place tried and why each failed, when nothing is found
 */
export async function findChromium(search: Partial<ChromiumSearch> = {}): Promise<FoundChromium> {
  // biome-ignore lint/style/noProcessEnv: test tooling, never product code: CHROMIUM_PATH and PATH pick the browser tests' Chromium.
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const arch = search.arch ?? process.arch;
  const knownPaths = search.knownPaths ?? (platform === 'darwin' ? MAC_PATHS : LINUX_PATHS);
  const names = search.names ?? NAMES;
  const unpackBundled = search.unpackBundled ?? (() => unpackBundledChromium());

  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    const why = unusable(chosen);
    if (why === null) return { source: 'CHROMIUM_PATH', executablePath: chosen, env: {} };
    throw new Error(
      `CHROMIUM_PATH is ${chosen}, which is ${why}: point it at a Chromium or Chrome executable, or unset it to let the test find one`,
    );
  }

  const tried = ['CHROMIUM_PATH: unset'];
  for (const path of knownPaths) {
    const why = unusable(path);
    if (why === null) return { source: 'machine', executablePath: path, env: {} };
    tried.push(`${path}: ${why}`);
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of names) {
      const path = join(dir, name);
      if (unusable(path) === null) return { source: 'machine', executablePath: path, env: {} };
    }
  }
  tried.push(`${names.join(', ')} on PATH (${dirs.join(delimiter) || 'empty'}): none`);

  if (platform === 'linux' && arch === 'x64') {
    try {
      const bundled = await unpackBundled();
      return { source: '@sparticuz/chromium', ...bundled };
    } catch (error) {
      tried.push(`@sparticuz/chromium: ${(error as Error).message}`);
    }
  } else {
    tried.push(`@sparticuz/chromium: ships Linux x64 only, this is ${platform} ${arch}`);
  }
  throw new Error(
    `No Chromium for the browser test. Tried, in order:\n  ${tried.join('\n  ')}\nSet CHROMIUM_PATH to a Chromium or Chrome executable.`,
  );
}
