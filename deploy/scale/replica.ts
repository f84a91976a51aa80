import { type ChildProcess, spawn } from 'node:child_process';

/** One gateway replica: the production bundle on plain node, as the image runs it. */
export interface Replica {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Its stdout, one JSON log line each. */
  readonly lines: string[];
  readonly exited: Promise<number | null>;
}

/** Options of {@link startReplica}. */
export interface ReplicaOptions {
  name: string;
  bundle: string;
  /** 0 on first start: the replica's port is then reused on every restart, as a pod's is. */
  port: number;
  env: Record<string, string>;
  /** How long to wait for `gateway listening`. */
  startBoundMs: number;
}

/**
 * Starts the bundle with `env` (and only PATH from this process) and resolves once it logs
 * `gateway listening`; rejects if it exits first or the bound passes.
 */
export function startReplica(options: ReplicaOptions): Promise<Replica> {
  const child = spawn(process.execPath, [options.bundle], {
    // biome-ignore lint/style/noProcessEnv: PATH only, so the child finds what node finds; nothing else of this environment reaches a replica.
    env: { PATH: process.env.PATH ?? '', ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name}: not listening within ${options.startBoundMs} ms`));
    }, options.startBoundMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const split = (partial + chunk).split('\n');
      partial = split.pop() ?? '';
      for (const line of split) {
        lines.push(line);
        const parsed = JSON.parse(line) as { msg?: string; port?: number };
        if (parsed.msg?.startsWith('gateway listening') && typeof parsed.port === 'number') {
          clearTimeout(timer);
          resolve({ name: options.name, port: parsed.port, child, lines, exited });
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code}) before listening: ${stderr}`));
    });
  });
}

/** What a supervisor does: SIGTERM, then the exit code; SIGKILL past `boundMs`. */
export async function stopReplica(replica: Replica, boundMs: number): Promise<number | null> {
  if (replica.child.exitCode !== null) return replica.child.exitCode;
  replica.child.kill('SIGTERM');
  const timer = setTimeout(() => replica.child.kill('SIGKILL'), boundMs);
  try {
    return await replica.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The first log line whose `msg` starts with `prefix`, parsed. */
export function logLine(replica: Replica, prefix: string): Record<string, unknown> | undefined {
  for (const raw of replica.lines) {
    const line = JSON.parse(raw) as Record<string, unknown>;
    if (String(line.msg).startsWith(prefix)) return line;
  }
  return undefined;
}
