import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ChildProcesses, nodeCommand, tail } from './child-processes.ts';
import { type CpuPinning, pinnedCommand } from './cpu-pinning.ts';
import { childEnv } from './env.ts';
import { LoadResult, type LoadSpec } from './load-protocol.ts';

const LOAD_SCRIPT = fileURLToPath(new URL('./load.ts', import.meta.url));

/** Time allowed beyond a run's duration for autocannon to start, drain and report. */
const RUN_SLACK_MS = 15_000;

/**
 * The parent's side of load.ts: one long-lived autocannon process (so a round pays no start-up),
 * pinned to the load core, driven one run at a time over JSON lines.
 */
export class LoadGenerator {
  readonly #child: ChildProcess;
  readonly #lines: AsyncIterator<string>;
  readonly #stderr: () => string;

  private constructor(child: ChildProcess) {
    this.#child = child;
    this.#lines = lineReader(child.stdout);
    this.#stderr = tail(child.stderr);
    // A dead load process shows up as the end of its stdout; EPIPE here must not crash the run.
    child.stdin?.on('error', () => {});
  }

  /** Starts the load process; it exits when the harness stops it or closes its stdin. */
  static start(children: ChildProcesses, pinning: CpuPinning): LoadGenerator {
    const node = nodeCommand(LOAD_SCRIPT);
    const { command, args } = pinnedCommand(pinning, 'load', node.command, node.args);
    const child = children.spawn(command, args, {
      env: childEnv({ NODE_ENV: 'production' }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new LoadGenerator(child);
  }

  /**
   * Runs one load and returns its result.
   * @throws {Error} when the load process dies, answers nonsense or overruns its time.
   */
  async run(spec: LoadSpec): Promise<LoadResult> {
    this.#child.stdin?.write(`${JSON.stringify(spec)}\n`);
    let timer: NodeJS.Timeout | undefined;
    const limitMs = spec.durationSeconds * 1000 + RUN_SLACK_MS;
    try {
      const next = await Promise.race([
        this.#lines.next(),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`load run gave no result within ${limitMs} ms`)),
            limitMs,
          );
        }),
      ]);
      if (next.done) throw new Error(`load generator exited: ${this.#stderr()}`);
      return LoadResult.parse(JSON.parse(next.value));
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Complete lines of `stream`, as an async iterator (no readline: it would swallow a close). */
function lineReader(stream: NodeJS.ReadableStream | null): AsyncIterator<string> {
  if (!stream) throw new Error('load generator has no stdout');
  const lines: string[] = [];
  const waiting: ((result: IteratorResult<string>) => void)[] = [];
  let buffer = '';
  let ended = false;
  const settle = () => {
    while (waiting.length > 0 && (lines.length > 0 || ended)) {
      const resolve = waiting.shift() as (result: IteratorResult<string>) => void;
      const line = lines.shift();
      resolve(line === undefined ? { done: true, value: undefined } : { done: false, value: line });
    }
  };
  stream.on('data', (chunk: Buffer | string) => {
    buffer += chunk.toString();
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      lines.push(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
    settle();
  });
  stream.on('close', () => {
    ended = true;
    settle();
  });
  return {
    next: () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        settle();
      }),
  };
}
