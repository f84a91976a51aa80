import type { Dispatcher } from 'undici';
import { answerOf, MAX_BODY_BYTES, type UpstreamAnswer } from './upstream-answer.ts';

/** Thrown by an attempt's `beforeWrite` to stop its request before any byte is written. */
export class HeldBack extends Error {
  override readonly name = 'HeldBack';
}

/** Why a body past {@link MAX_BODY_BYTES} ended its connection (never reported: the answer is). */
class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

/** How an attempt's request ended: its answer, read in full, or the error that ended it. */
export type Settled = { ok: true; answer: UpstreamAnswer } | { ok: false; error: unknown };

/**
 * One attempt's handler of undici's dispatch interface: undici's core calls it, with nothing
 * between, at the moment the request is written to a connection (`onConnect`, after any connect,
 * before the first byte), then with the status and raw headers, each body chunk, and the end or
 * the error. It reads the answer itself, at most {@link MAX_BODY_BYTES} of body.
 *
 * Why not `pool.request()` (what this client used until issue 15's bench pass): `request` puts a
 * handler of its own, a body stream and an async iterator over it between undici and the
 * answer, and a write hook needed an interceptor (`compose`) whose handler undici translated
 * twice (its v7 interface and back); a `--cpu-prof` of the gateway's bundle under the bench's
 * load priced those layers at about 8% of the gateway's busy time, and side by side the gateway's
 * CPU per request went from 207 to 173 µs without them (bench/README.md). This is the interface undici
 * 7's own `request` implements (`onConnect`, `onHeaders`, `onData`, `onComplete`, `onError`):
 * with it, undici calls the handler directly (a v7-style handler is wrapped in a translating
 * `UnwrapHandler`, which costs what this removes). The catalog pins undici 7: a new major must be
 * checked against this interface (attempt-handler.test.ts and the upstream-answer tests run it).
 */
export class AttemptHandler implements Dispatcher.DispatchHandler {
  readonly #beforeWrite: () => void;
  readonly #settle: (settled: Settled) => void;
  #abortConnection: ((reason: Error) => void) | undefined;
  #abortReason: Error | undefined;
  #settled = false;
  #status = 0;
  #rawHeaders: Buffer[] = [];
  #chunks: Buffer[] = [];
  #size = 0;

  /**
   * @param beforeWrite called at the moment of writing; throwing {@link HeldBack} stops the
   *   request there, unwritten, and its connection stays open in the pool
   * @param settle called once, with the answer or the error
   */
  constructor(beforeWrite: () => void, settle: (settled: Settled) => void) {
    this.#beforeWrite = beforeWrite;
    this.#settle = settle;
  }

  /**
   * Ends the attempt with `reason`: a request written is cut with its connection (the upstream
   * may be working on it); one not yet written never will be (undici errors it at its turn).
   */
  abort(reason: Error): void {
    if (this.#settled) return;
    if (this.#abortConnection === undefined) this.#abortReason ??= reason;
    else this.#abortConnection(reason);
  }

  onConnect(abort: (reason: Error) => void): void {
    // Thrown here, undici errors the request before writing it and keeps the connection.
    if (this.#abortReason !== undefined) throw this.#abortReason;
    this.#beforeWrite();
    this.#abortConnection = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[]): boolean {
    // 1xx answers are informational: the final one follows.
    if (status < 200) return true;
    this.#status = status;
    this.#rawHeaders = rawHeaders;
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#size += chunk.length;
    if (this.#size > MAX_BODY_BYTES) {
      // The answer is its status and headers alone; the connection goes, so the rest is never read.
      this.#done({ ok: true, answer: answerOf(this.#status, this.#rawHeaders, undefined, true) });
      this.#abortConnection?.(new BodyTooLarge('answer body over MAX_BODY_BYTES'));
      return false;
    }
    this.#chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    const chunks = this.#chunks;
    let body: Buffer | undefined;
    if (this.#size > 0) body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, this.#size);
    this.#done({ ok: true, answer: answerOf(this.#status, this.#rawHeaders, body, false) });
  }

  onError(error: Error): void {
    this.#done({ ok: false, error });
  }

  onUpgrade(): void {
    // Never asked for (no `upgrade` option), so never called; required of a handler by undici.
    this.#done({ ok: false, error: new Error('the upstream upgraded the connection') });
  }

  #done(settled: Settled): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#chunks = [];
    this.#settle(settled);
  }
}
