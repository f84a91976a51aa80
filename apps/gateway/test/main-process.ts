import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
// Loose bounds: tsx compiles on start, and this machine may be busy with other suites.
export const START_BOUND_MS = 20_000;

/** `main` running in a child process, its JSON log lines collected as they come. */
export interface Started {
  child: ChildProcess;
  stdout: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** main from source, through tsx. */
export const FROM_SOURCE = ['--import', 'tsx', 'src/main.ts'];

/**
 * Starts `main` as operators run it: `node <entry>` in the gateway's folder, with `env` and
 * nothing else of this environment but PATH.
 * @param entry node's arguments: {@link FROM_SOURCE}, or a bundle's path
 */
export function startMain(entry: readonly string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, entry, {
    cwd: PACKAGE_DIR,
    // biome-ignore lint/style/noProcessEnv: only PATH is passed on, so the child finds its tools; nothing else of this environment reaches it.
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    stdout.push(...lines.filter((line) => line.length > 0));
    child.emit('line');
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout, stderr: () => stderr, exited };
}

/** Resolves with the first log line `match` accepts; rejects after `boundMs`. */
export function waitForLog(
  started: Started,
  match: (line: Record<string, unknown>) => boolean,
  boundMs = START_BOUND_MS,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const raw of started.stdout) {
        const line = JSON.parse(raw) as Record<string, unknown>;
        if (match(line)) {
          clearTimeout(timer);
          started.child.off('line', check);
          resolve(line);
          return;
        }
      }
    };
    const timer = setTimeout(() => {
      started.child.off('line', check);
      reject(new Error(`no matching log line in ${boundMs} ms; stderr: ${started.stderr()}`));
    }, boundMs);
    started.child.on('line', check);
    check();
  });
}
