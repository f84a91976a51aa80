import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { type ChildProcesses, nodeCommand, tail } from './child-processes.ts';
import { type CpuPinning, type ProcessRole, pinnedCommand } from './cpu-pinning.ts';

/** A server the harness started and knows how to reach. */
export interface ServerProcess {
  name: string;
  pid: number;
  port: number;
  /** The end of what it wrote to stderr, to explain a failure. */
  stderr(): string;
}

/** How the harness learns that a server is up. */
export type Readiness =
  /** The server prints `{"port":N}` as a stdout line (targets/serve.ts does). */
  | { kind: 'port-line' }
  /** The server listens on a port given to it and answers `GET /healthz` with 200. */
  | { kind: 'healthz'; port: number };

export interface StartServerOptions {
  name: string;
  script: string;
  args?: readonly string[];
  env: Record<string, string>;
  cwd?: string;
  role: ProcessRole;
  readiness: Readiness;
  timeoutMs: number;
}

function exited(child: ChildProcess): Promise<never> {
  return new Promise((_resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`exited before it was ready (${signal ?? `code ${code}`})`)),
    );
  });
}

async function portLine(child: ChildProcess): Promise<number> {
  if (!child.stdout) throw new Error('no stdout');
  for await (const line of createInterface({ input: child.stdout })) {
    try {
      const port = (JSON.parse(line) as { port?: unknown }).port;
      if (Number.isInteger(port)) return port as number;
    } catch {
      // Not the port line: a server may print other things first.
    }
  }
  throw new Error('closed stdout without printing its port');
}

async function healthy(port: number, deadline: number): Promise<number> {
  while (Date.now() < deadline) {
    try {
      const response = await request(`http://127.0.0.1:${port}/healthz`, {
        headersTimeout: 1000,
        bodyTimeout: 1000,
      });
      await response.body.dump();
      if (response.statusCode === 200) return port;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`GET /healthz did not answer 200 on port ${port}`);
}

/**
 * Starts a TypeScript server in its own process (pinned to its role's core when pinning is on)
 * and waits, within `timeoutMs`, until it is ready.
 * @throws {Error} naming the server and carrying its stderr when it fails to start in time.
 */
export async function startServerProcess(
  children: ChildProcesses,
  pinning: CpuPinning,
  options: StartServerOptions,
): Promise<ServerProcess> {
  const node = nodeCommand(options.script, options.args);
  const { command, args } = pinnedCommand(pinning, options.role, node.command, node.args);
  const child = children.spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = tail(child.stderr);
  const deadline = Date.now() + options.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not ready within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
  });
  try {
    const port = await Promise.race([
      options.readiness.kind === 'port-line'
        ? portLine(child)
        : healthy(options.readiness.port, deadline),
      exited(child),
      timedOut,
    ]);
    // Later stdout is not read: drain it so a chatty server never blocks on a full pipe.
    child.stdout?.resume();
    if (child.pid === undefined) throw new Error('has no pid');
    return { name: options.name, pid: child.pid, port, stderr };
  } catch (error) {
    child.kill('SIGKILL');
    const detail = stderr();
    throw new Error(
      `${options.name} ${(error as Error).message}${detail ? `; stderr: ${detail}` : ''}`,
    );
  } finally {
    clearTimeout(timer);
  }
}
