import { spawnSync } from 'node:child_process';
import { inheritedEnv } from './env.ts';

/** Ruby and Bundler as the broker needs them, or why not. */
export type RubyToolchain =
  | { ok: true; ruby: string; bundler: string }
  | { ok: false; reason: string };

/** The oldest Ruby the pinned gems run on (Gemfile.lock: pact_broker 2.120.0, dry-schema 1.13). */
const MIN_RUBY = [3, 1] as const;

function version(command: string, args: string[], env: NodeJS.ProcessEnv): string | undefined {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000, env });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Finds `ruby` (3.1 or newer) and `bundle` on the PATH of `env` (default this process's). */
export function rubyToolchain(env: NodeJS.ProcessEnv = inheritedEnv(/^$/)): RubyToolchain {
  const ruby = version('ruby', ['-e', 'print RUBY_VERSION'], env);
  const bundler = version('bundle', ['--version'], env)?.replace(/^Bundler version /, '');
  if (ruby === undefined || bundler === undefined) {
    return {
      ok: false,
      reason: `${ruby === undefined ? 'ruby' : 'bundle'} is not on PATH`,
    };
  }
  const [major = 0, minor = 0] = ruby.split('.').map(Number);
  if (major < MIN_RUBY[0] || (major === MIN_RUBY[0] && minor < MIN_RUBY[1])) {
    return { ok: false, reason: `ruby ${ruby} is older than ${MIN_RUBY.join('.')}` };
  }
  return { ok: true, ruby, bundler };
}
