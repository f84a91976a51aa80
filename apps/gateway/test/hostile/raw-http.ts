import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 response as read off the socket, interim (1xx) responses skipped. */
export interface RawResponse {
  status: number;
  /** Header names lower-cased; repeated headers keep every value, in order. */
  headers: Map<string, string[]>;
  body: Buffer;
  /** Interim responses seen first (a `100 Continue`). */
  interim: number[];
  /** True when the response said `Connection: close`, or was framed by closing the socket. */
  closes: boolean;
}

/** How one exchange ended: a response, or the server closed first, or nothing came in time. */
export type Exchange =
  | { kind: 'response'; response: RawResponse }
  | { kind: 'closed'; received: Buffer }
  | { kind: 'timeout'; received: Buffer };

/** What to send: the bytes, and whether to half-close afterwards (a truncated body). */
export interface Outgoing {
  bytes: Buffer;
  /** `end()` the socket after writing: the server sees EOF, as from a client that gave up. */
  halfClose?: boolean;
  /** The request's method: a HEAD response has no body whatever its headers say. */
  method?: string;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

// Incomplete: with `need`, the byte count before which parsing again cannot succeed.
type Parsed = { response: RawResponse; rest: Buffer } | { incomplete: true; need?: number };
const INCOMPLETE: Parsed = { incomplete: true };

// Parses one response from the front of `data`; `ended` when the server closed its side, which
// completes a body framed by closing.
function parseResponse(data: Buffer, method: string, ended: boolean): Parsed {
  const interim: number[] = [];
  let offset = 0;
  for (;;) {
    const headEnd = data.indexOf(CRLFCRLF, offset);
    if (headEnd === -1) return INCOMPLETE;
    const head = data.subarray(offset, headEnd).toString('latin1');
    const [statusLine = '', ...lines] = head.split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
    if (match === null)
      throw new Error(`not an HTTP/1.1 status line: ${JSON.stringify(statusLine)}`);
    const status = Number(match[1]);
    const headers = new Map<string, string[]>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new Error(`malformed response header: ${JSON.stringify(line)}`);
      const name = line.slice(0, colon).trim().toLowerCase();
      headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
    }
    const bodyStart = headEnd + 4;
    if (status >= 100 && status < 200) {
      interim.push(status);
      offset = bodyStart;
      continue;
    }
    const connection = (headers.get('connection') ?? []).join(',').toLowerCase();
    const closes = connection.split(',').some((token) => token.trim() === 'close');
    const complete = (body: Buffer, rest: Buffer, closed = closes): Parsed => ({
      response: { status, headers, body, interim, closes: closed },
      rest,
    });
    if (method === 'HEAD' || status === 204 || status === 304) {
      return complete(Buffer.alloc(0), data.subarray(bodyStart));
    }
    const transferEncoding = (headers.get('transfer-encoding') ?? []).join(',').toLowerCase();
    if (transferEncoding.includes('chunked')) {
      const chunks: Buffer[] = [];
      let at = bodyStart;
      for (;;) {
        const lineEnd = data.indexOf('\r\n', at);
        if (lineEnd === -1) return INCOMPLETE;
        const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
        if (!Number.isFinite(size)) throw new Error('malformed chunk size in a response');
        if (size === 0) {
          // No trailers from node:http: the last chunk is followed by one empty line.
          if (data.length < lineEnd + 4) return INCOMPLETE;
          return complete(Buffer.concat(chunks), data.subarray(lineEnd + 4));
        }
        if (data.length < lineEnd + 2 + size + 2) return INCOMPLETE;
        chunks.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    }
    const length = headers.get('content-length')?.[0];
    if (length !== undefined) {
      const bytes = Number(length);
      if (data.length < bodyStart + bytes) return { incomplete: true, need: bodyStart + bytes };
      return complete(
        data.subarray(bodyStart, bodyStart + bytes),
        data.subarray(bodyStart + bytes),
      );
    }
    // Neither length nor chunks: the body runs to the end of the connection.
    if (!ended) return INCOMPLETE;
    return complete(data.subarray(bodyStart), Buffer.alloc(0), true);
  }
}

/**
 * One client connection speaking raw HTTP/1.1, for requests no well-behaved client would send.
 * Exchanges run one at a time; every wait is bounded by `timeoutMs`.
 */
export class RawConnection {
  readonly #socket: Socket;
  // Received bytes not yet parsed, kept as chunks: a 9 MB answer arrives in hundreds of them,
  // and joining on every one would copy gigabytes.
  #chunks: Buffer[] = [];
  #length = 0;
  /** Parse again only once this many bytes are in (or the server ended). */
  #need = 0;
  #ended = false;
  #closed = false;
  #halfClosed = false;
  #wake: (() => void) | undefined;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => {
      this.#chunks.push(chunk);
      this.#length += chunk.length;
      this.#wake?.();
    });
    socket.on('end', () => {
      this.#ended = true;
      this.#wake?.();
    });
    socket.on('close', () => {
      this.#ended = true;
      this.#closed = true;
      this.#wake?.();
    });
    // A reset surfaces as 'close'; the exchange reports what it had received by then.
    socket.on('error', () => {});
  }

  /** Connects to 127.0.0.1:`port`, within `timeoutMs`. */
  static open(port: number, timeoutMs: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port, noDelay: true });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no connection to 127.0.0.1:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new RawConnection(socket));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** False once either side closed or ended: the connection cannot carry another request. */
  get usable(): boolean {
    return !this.#ended && !this.#closed && !this.#halfClosed && !this.#socket.destroyed;
  }

  /** Bytes the server sent that no exchange asked for (a stray response), then forgets them. */
  takeUnsolicited(): Buffer {
    const stray = this.#buffered();
    this.#chunks = [];
    this.#length = 0;
    this.#need = 0;
    return stray;
  }

  #buffered(): Buffer {
    if (this.#chunks.length !== 1) this.#chunks = [Buffer.concat(this.#chunks, this.#length)];
    return this.#chunks[0] as Buffer;
  }

  /** Sends `outgoing` and reads one response, or reports that the server closed or was silent. */
  async exchange(outgoing: Outgoing, timeoutMs: number): Promise<Exchange> {
    const method = outgoing.method ?? 'POST';
    if (this.usable) {
      this.#socket.write(outgoing.bytes);
      if (outgoing.halfClose) {
        this.#halfClosed = true;
        this.#socket.end();
      }
    }
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.#length >= this.#need || this.#ended) {
        const parsed = parseResponse(this.#buffered(), method, this.#ended);
        if (!('incomplete' in parsed)) {
          this.#chunks = parsed.rest.length === 0 ? [] : [parsed.rest];
          this.#length = parsed.rest.length;
          this.#need = 0;
          return { kind: 'response', response: parsed.response };
        }
        this.#need = parsed.need ?? this.#length + 1;
      }
      if (this.#ended) return { kind: 'closed', received: this.takeUnsolicited() };
      const left = deadline - Date.now();
      if (left <= 0) return { kind: 'timeout', received: this.takeUnsolicited() };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  /** Waits up to `timeoutMs` for the server to close its side; true if it did. */
  async closedWithin(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#ended) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
    return true;
  }

  destroy(): void {
    this.#socket.destroy();
  }
}
