import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** tsx's loader, so children run TypeScript with plain `node --import` (one process, one pid). */
const TSX_LOADER = createRequire(import.meta.url).resolve('tsx');

/**
 * `node --import tsx <script> <args>` for TypeScript, `node <script> <args>` for a built bundle
 * (`.mjs`): either way the pid measured is the script's own.
 */
export function nodeCommand(script: string, args: readonly string[] = []) {
  const loader = script.endsWith('.ts') ? ['--import', TSX_LOADER] : [];
  return { command: process.execPath, args: [...loader, script, ...args] };
}

/**
 * Every process a run starts, so that all of them are stopped at the end, on SIGINT and on the
 * hard timeout. Stops each by its own pid, never by name.
 */
export class ChildProcesses {
  readonly #children = new Set<ChildProcess>();

  /** Spawns and tracks a child; it is forgotten once it exits. */
  spawn(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
    const child = spawn(command, args, options);
    this.#children.add(child);
    child.once('exit', () => this.#children.delete(child));
    // A spawn failure (ENOENT) is reported through 'exit' and the caller's own checks.
    child.once('error', () => this.#children.delete(child));
    return child;
  }

  get size(): number {
    return this.#children.size;
  }

  /** SIGTERM to each child, SIGKILL to those still running after `graceMs`. */
  async stopAll(graceMs = 3000): Promise<void> {
    const running = [...this.#children];
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
              resolve();
              return;
            }
            const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  /** SIGKILL to every child, synchronously: for `process.on('exit')`, where nothing can wait. */
  killAllNow(): void {
    for (const child of this.#children) child.kill('SIGKILL');
  }
}

/** Keeps the last `limit` characters a stream wrote, to explain a failed start. */
export function tail(stream: NodeJS.ReadableStream | null, limit = 2000): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer | string) => {
    text = (text + chunk.toString()).slice(-limit);
  });
  return () => text.trim();
}
