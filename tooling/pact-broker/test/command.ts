import { spawn } from 'node:child_process';
import { inheritedEnv } from '../src/env.ts';

/** What a command did: its exit code and output, as a CI system would see them. */
export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a pipeline's command starts with: this process's PATH and HOME, none of its
 * Pact, CI, turbo or npm settings (pnpm's npm_* variables would steer npm), then `env`.
 */
export function pipelineEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = inheritedEnv(/^(PACT_|CI$|TURBO_|npm_|PNPM_|VITEST|NODE_OPTIONS$)/);
  return { ...inherited, PACT_DO_NOT_TRACK: 'true', ...env };
}

/**
 * Runs one command line as a CI step runs it (`sh -c`), bounded by `timeoutMs` (then killed,
 * status null). Asynchronous, so this process's own servers (the webhook receiver) keep serving.
 */
export function runCommand(
  command: string,
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], {
      cwd: options.cwd,
      env: pipelineEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 180_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * stderr's lines without pnpm's own: its echo of the script (`$ tsx ...`) and its closing
 * `[ELIFECYCLE] Command failed ...`.
 */
export function ownErrorLines(result: CommandResult): string[] {
  return result.stderr
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(
      (line) =>
        line !== '' && !/^\[?ELIFECYCLE\]?\s+Command failed/.test(line) && !line.startsWith('$ '),
    );
}
