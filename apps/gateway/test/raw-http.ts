import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 response as read off a raw socket. */
export interface RawResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
}

/** What a raw exchange saw: the responses parsed in order, and how the connection ended. */
export interface RawExchange {
  responses: RawResponse[];
  /** Whatever followed the last complete response (a truncated one, or nothing). */
  rest: string;
  /** The server closed (or reset) the connection before the bound. */
  closed: boolean;
  /** The connection was reset rather than closed cleanly. */
  reset: boolean;
}

/**
 * Parses as many complete HTTP/1.1 responses as `raw` holds (`Content-Length`, chunked, or
 * neither: a response without a body, as a 204 or a 1xx-free error from Node's parser).
 */
export function parseResponses(raw: string): { responses: RawResponse[]; rest: string } {
  const responses: RawResponse[] = [];
  let rest = raw;
  for (;;) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const [statusLine = '', ...headerLines] = rest.slice(0, headEnd).split('\r\n');
    const status = Number(statusLine.split(' ')[1]);
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let after = rest.slice(headEnd + 4);
    let body = '';
    if (headers['transfer-encoding'] === 'chunked') {
      let complete = false;
      for (;;) {
        const sizeEnd = after.indexOf('\r\n');
        if (sizeEnd === -1) break;
        const size = Number.parseInt(after.slice(0, sizeEnd), 16);
        if (after.length < sizeEnd + 2 + size + 2) break;
        body += after.slice(sizeEnd + 2, sizeEnd + 2 + size);
        after = after.slice(sizeEnd + 2 + size + 2);
        if (size === 0) {
          complete = true;
          break;
        }
      }
      if (!complete) break;
    } else if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      if (after.length < length) break;
      body = after.slice(0, length);
      after = after.slice(length);
    }
    responses.push({ status, headers, body });
    rest = after;
  }
  return { responses, rest };
}

/** A raw socket to 127.0.0.1:`port`, with everything it reads collected. */
export class RawConnection {
  readonly socket: Socket;
  #received = '';
  #closed = false;
  #reset = false;
  readonly #waiters = new Set<() => void>();

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setEncoding('latin1');
    this.socket.on('data', (chunk: string) => {
      this.#received += chunk;
      this.#notify();
    });
    this.socket.on('error', () => {
      this.#reset = true;
    });
    this.socket.on('close', () => {
      this.#closed = true;
      this.#notify();
    });
  }

  /** Resolves once connected. */
  connected(): Promise<void> {
    if (!this.socket.connecting) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
  }

  write(bytes: string | Buffer): void {
    this.socket.write(bytes);
  }

  /** What was read so far. */
  get exchange(): RawExchange {
    return { ...parseResponses(this.#received), closed: this.#closed, reset: this.#reset };
  }

  /**
   * Resolves once `done` holds for what was read, or the connection closed, or `boundMs`
   * passed, whichever is first; then returns what was read.
   */
  waitFor(done: (exchange: RawExchange) => boolean, boundMs: number): Promise<RawExchange> {
    return new Promise((resolve) => {
      const check = () => {
        const exchange = this.exchange;
        if (done(exchange) || exchange.closed) finish();
      };
      const finish = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve(this.exchange);
      };
      const timer = setTimeout(finish, boundMs);
      this.#waiters.add(check);
      check();
    });
  }

  /** Resolves with what was read once the server closes, or after `boundMs`. */
  untilClosed(boundMs: number): Promise<RawExchange> {
    return this.waitFor(() => false, boundMs);
  }

  close(): void {
    this.socket.destroy();
  }

  #notify(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

/**
 * Sends `bytes` on a fresh connection and returns what came back once the server closed it, or
 * once `responses` responses arrived, or after `boundMs`.
 */
export async function rawRequest(
  port: number,
  bytes: string | Buffer,
  { responses = 1, boundMs = 5_000 }: { responses?: number; boundMs?: number } = {},
): Promise<RawExchange> {
  const connection = new RawConnection(port);
  try {
    await connection.connected();
    connection.write(bytes);
    return await connection.waitFor((seen) => seen.responses.length >= responses, boundMs);
  } finally {
    connection.close();
  }
}

/** A stack frame (`at fn (file:line)`) or an absolute file path, anywhere in `text`. */
export const STACK_OR_PATH =
  /\bat .+:\d+|file:\/\/|\/(?:work|home|usr|tmp|node_modules)\/|\.[cm]?[jt]s:\d+/;
