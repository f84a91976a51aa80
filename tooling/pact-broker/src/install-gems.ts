import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inheritedEnv } from './env.ts';

/** This folder: the Gemfile, Gemfile.lock and config.ru. */
export const BROKER_DIR = fileURLToPath(new URL('..', import.meta.url));
/**
 * Where Bundler installs the gems, relative to {@link BROKER_DIR}: the repository's git-ignored
 * `.cache/`, never the system's gems. Kept between runs: CI caches it keyed on Gemfile.lock.
 */
export const GEMS_PATH = '../../.cache/pact-broker-gems';
// Measured on the shared 2-core machine: 3 min 35 s for the first install while other suites
// ran (7 min 15 s before the Gemfile pinned precompiled sqlite3 and nokogiri), 0.3 s for
// `bundle check` after. Bounded well above that, not unlimited.
const INSTALL_TIMEOUT_MS = 20 * 60_000;

function bundle(args: string[], timeout: number) {
  return spawnSync('bundle', args, {
    cwd: BROKER_DIR,
    encoding: 'utf8',
    timeout,
    env: { ...inheritedEnv(/^BUNDLE_/), BUNDLE_FROZEN: 'true' },
  });
}

/**
 * Installs the Gemfile.lock's gems into {@link GEMS_PATH} unless they already are (`bundle check`
 * answers in well under a second then). Throws one line naming the failing step and Bundler's
 * last words.
 */
export function installGems(): { installed: boolean } {
  const configured = bundle(['config', 'set', '--local', 'path', GEMS_PATH], 30_000);
  if (configured.status !== 0) throw new Error(`bundle config failed: ${lastLine(configured)}`);
  if (bundle(['check'], 60_000).status === 0) return { installed: false };
  const install = bundle(['install', '--jobs', '2'], INSTALL_TIMEOUT_MS);
  if (install.status !== 0) {
    throw new Error(
      `bundle install in ${BROKER_DIR} failed (${install.error?.message ?? `exit ${install.status}`}): ${lastLine(install)}`,
    );
  }
  return { installed: true };
}

function lastLine(run: { stdout: string | null; stderr: string | null }): string {
  const lines = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n');
  return lines.filter((line) => line.trim() !== '').at(-1) ?? 'no output';
}
