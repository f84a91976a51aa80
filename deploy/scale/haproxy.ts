import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

/** How to get haproxy where it is missing: Debian 12's package is haproxy 2.6. */
export const HAPROXY_INSTALL = 'apt-get install -y --no-install-recommends haproxy';

/** haproxy's path, or undefined when it is not installed (Debian puts it in /usr/sbin). */
export function findHaproxy(): string | undefined {
  const which = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim() !== '') return which.stdout.trim();
  return existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : undefined;
}

/** Active health checks, as the docs recommend a balancer probes `/readyz`. */
export const CHECK = { intervalMs: 500, fall: 2, rise: 2 } as const;

/**
 * The balancer's configuration: round robin over `servers`, each checked with `GET /readyz`
 * every 500 ms, down after 2 failures (1 s, well inside the gateway's 5 s SHUTDOWN_DELAY_MS),
 * up after 2 successes. `retries` covers connection failures only (nothing was sent): no
 * `retry-on` for answers, so haproxy never replays a mutation.
 */
export function haproxyConfig(options: {
  port: number;
  servers: { name: string; port: number }[];
  statsSocket: string;
}): string {
  return [
    'global',
    `  stats socket ${options.statsSocket} mode 600 level admin`,
    '  maxconn 512',
    'defaults',
    '  mode http',
    '  timeout connect 1s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  retries 3',
    'frontend gateway',
    `  bind 127.0.0.1:${options.port}`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk',
    '  http-check send meth GET uri /readyz',
    '  http-check expect status 200',
    `  default-server check inter ${CHECK.intervalMs}ms fall ${CHECK.fall} rise ${CHECK.rise}`,
    ...options.servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port}`),
    '',
  ].join('\n');
}

/** A running haproxy, in the foreground of its own child process. */
export interface Haproxy {
  readonly child: ChildProcess;
  /** `show stat` of the backend's servers: their name to their CSV fields. */
  serverStats(): Promise<Map<string, Record<string, string>>>;
  stop(): Promise<void>;
}

/** Writes the configuration into `dir`, checks it (`haproxy -c`), starts haproxy. */
export async function startHaproxy(
  binary: string,
  dir: string,
  options: { port: number; servers: { name: string; port: number }[] },
): Promise<Haproxy> {
  const statsSocket = join(dir, 'haproxy.sock');
  const config = join(dir, 'haproxy.cfg');
  await writeFile(config, haproxyConfig({ ...options, statsSocket }));
  const check = spawnSync(binary, ['-c', '-q', '-f', config], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy refused its config: ${check.stderr}`);
  // -db: stay in the foreground, so the child is haproxy itself and SIGTERM stops it.
  const child = spawn(binary, ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const serverStats = async () => {
    const csv = await askSocket(statsSocket, 'show stat\n');
    const [header = '', ...rows] = csv.trim().split('\n');
    const columns = header.replace(/^# /, '').split(',');
    const stats = new Map<string, Record<string, string>>();
    for (const row of rows) {
      const fields = Object.fromEntries(row.split(',').map((value, i) => [columns[i], value]));
      if (fields.pxname === 'replicas' && fields.svname !== 'BACKEND') {
        stats.set(String(fields.svname), fields as Record<string, string>);
      }
    }
    return stats;
  };
  // Ready once the stats socket answers.
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await serverStats();
      break;
    } catch (error) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`haproxy did not start: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    child,
    serverStats,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One command to haproxy's stats socket; resolves with its whole answer. */
function askSocket(path: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let answer = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error('stats socket timed out')));
    socket.on('connect', () => socket.write(command));
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
