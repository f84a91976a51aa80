import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NO_BROKER_MESSAGE } from '../src/broker/broker-env.ts';

const SCRIPT = fileURLToPath(new URL('./pact-broker.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** Runs the real command with only the given broker variables (none of the caller's). */
function run(command: string, env: Record<string, string> = {}) {
  // biome-ignore lint/style/noProcessEnv: the command starts as a user's would, inheriting this environment (PATH, HOME) minus the broker settings, which each case sets itself.
  const { PACT_BROKER_BASE_URL: _url, PACT_VERSION: _v, PACT_BRANCH: _b, ...rest } = process.env;
  return spawnSync(TSX, [SCRIPT, command], {
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('pnpm pact:publish, pact:can-i-deploy and pact:record-deployment', () => {
  it.each(['publish', 'can-i-deploy', 'record-deployment'])(
    '%s stops, saying so, without a broker',
    (command) => {
      const result = run(command);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(NO_BROKER_MESSAGE);
      expect(result.stdout).not.toContain('pact-broker');
    },
  );

  it('refuses an unknown command', () => {
    const result = run('deploy');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage:');
  });
});
