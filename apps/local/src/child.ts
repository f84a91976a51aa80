import { type ChildProcess, spawn } from 'node:child_process';
import { dirname } from 'node:path';

/** An app the launcher runs as a child process. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** Settles when the process has exited: its code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `entry` (a TypeScript file) with this Node and tsx, in the entry's app folder, its
 * output going straight to this terminal.
 */
export function startChild(name: string, entry: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: dirname(dirname(entry)),
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // A spawn failure emits `error` and no `exit`.
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  return { name, process: child, exited };
}

/** Thrown when a child never answered its health check. */
export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
}

/**
 * Polls `url` until it answers 2xx. Fails as soon as the child exits, or once `timeoutMs` has
 * passed: a deadline, and at most `timeoutMs / intervalMs` attempts.
 */
export async function waitUntilHealthy(
  child: Child,
  url: string,
  { timeoutMs = 30_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void child.exited.then((result) => {
    exited = result;
  });
  const deadline = Date.now() + timeoutMs;
  const attempts = Math.ceil(timeoutMs / intervalMs);
  for (let attempt = 0; attempt < attempts && Date.now() < deadline; attempt += 1) {
    if (exited !== undefined) break;
    try {
      // Something else on the port may accept and never answer: each attempt is bounded too.
      const wait = Math.max(1, Math.min(1_000, deadline - Date.now()));
      const response = await fetch(url, { signal: AbortSignal.timeout(wait) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet: try again.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  if (exited !== undefined) {
    throw new NotReadyError(
      `${child.name} exited (${describeExit(exited)}) before it was ready; see its output above`,
    );
  }
  throw new NotReadyError(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** "code 1" or "signal SIGKILL", for messages. */
export function describeExit(result: { code: number | null; signal: NodeJS.Signals | null }) {
  return result.signal === null ? `code ${result.code}` : `signal ${result.signal}`;
}
