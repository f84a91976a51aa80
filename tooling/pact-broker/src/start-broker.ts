import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inheritedEnv } from './env.ts';
import { BROKER_DIR } from './install-gems.ts';

/** Basic auth for the broker: what PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD carry. */
export interface BrokerCredentials {
  username: string;
  password: string;
}

/** A broker this process started; {@link RunningBroker.close} stops it and deletes its database. */
export interface RunningBroker {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  credentials: BrokerCredentials;
  /** What puma and the broker printed so far (for a failing test's message). */
  output: () => string;
  close: () => Promise<void>;
}

// Measured: puma listens 4 s after start on an idle machine; bounded well above that for a busy one.
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
const LISTENING = /Listening on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Starts the real Pact Broker (config.ru under puma, as installed by installGems) on a free port
 * of 127.0.0.1, on a fresh SQLite file in a temp folder, with basic auth on (fresh credentials),
 * and webhooks allowed to plain http on 127.0.0.1 only (the test's receiver). Resolves once its
 * heartbeat answers.
 */
export async function startBroker(): Promise<RunningBroker> {
  const dir = await mkdtemp(join(tmpdir(), 'pact-broker-'));
  const credentials = { username: 'ci', password: randomBytes(12).toString('hex') };
  // None of the caller's broker settings: this broker is configured here only.
  const env = inheritedEnv(/^PACT_BROKER_/);
  const child = spawn(
    'bundle',
    ['exec', 'puma', '--bind', 'tcp://127.0.0.1:0', '--threads', '0:4', 'config.ru'],
    {
      cwd: BROKER_DIR,
      env: {
        ...env,
        // Sequel's form for an absolute path: four slashes.
        PACT_BROKER_DATABASE_URL: `sqlite:///${join(dir, 'broker.sqlite3')}`,
        PACT_BROKER_BASIC_AUTH_ENABLED: 'true',
        PACT_BROKER_BASIC_AUTH_USERNAME: credentials.username,
        PACT_BROKER_BASIC_AUTH_PASSWORD: credentials.password,
        PACT_BROKER_WEBHOOK_SCHEME_WHITELIST: 'http',
        PACT_BROKER_WEBHOOK_HOST_WHITELIST: '127.0.0.1',
        // A fresh broker otherwise fills itself with the Zoo App example pacts.
        PACT_BROKER_SEED_EXAMPLE_DATA: 'false',
        PACT_BROKER_LOG_LEVEL: 'warn',
        RACK_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const close = async () => {
    await stop(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await listening(child, () => output);
    const url = `http://127.0.0.1:${port}`;
    await heartbeat(url, credentials);
    return { url, credentials, output: () => output, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function listening(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `the Pact Broker did not listen within ${START_TIMEOUT_MS} ms: ${tail(output())}`,
        ),
      );
    }, START_TIMEOUT_MS);
    const onData = () => {
      const port = LISTENING.exec(output())?.[1];
      if (port !== undefined) {
        done();
        resolve(Number(port));
      }
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`the Pact Broker exited (${code}) before listening: ${tail(output())}`));
    };
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function heartbeat(url: string, credentials: BrokerCredentials): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/diagnostic/status/heartbeat`, {
        headers: { authorization: basicAuth(credentials) },
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Pact Broker at ${url} listens but its heartbeat does not answer: ${last}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** `Authorization: Basic ...` for the broker's credentials. */
export function basicAuth({ username, password }: BrokerCredentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-5).join(' | ') || 'no output';
}
