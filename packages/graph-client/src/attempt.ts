import type { EventEmitter } from 'node:events';
import type { Clock } from './clock.ts';
import { describeTransportError, isMisuseError } from './transport-failure.ts';
import { readAnswer, type UpstreamAnswer } from './upstream-answer.ts';
import type { UpstreamRequest } from './upstream-request.ts';
import { HeldBack, type WriteHooks } from './write-hook.ts';

/**
 * How one attempt ended: an answer (any status), no answer in time after sending, a transport
 * failure (`refused` when nothing was written: a refused, failed or timed-out connect), or held
 * back at the last moment by `mayWrite` (nothing written either).
 */
export type AttemptOutcome =
  | { type: 'answer'; answer: UpstreamAnswer }
  | { type: 'timeout' }
  | { type: 'transport'; refused: boolean; message: string }
  | { type: 'heldBack' };

/** An attempt that went as far as it could: every outcome but held back. */
export type TriedOutcome = Exclude<AttemptOutcome, { type: 'heldBack' }>;

/** What an attempt is sent through. */
export interface AttemptTarget {
  /** The pool, through its write hooks. */
  hooks: WriteHooks;
  origin: string;
  /** Time allowed for the attempt, from writing it to the last body byte. */
  timeoutMs: number;
  clock: Clock;
  /**
   * Emitting `abort` on it ends the attempt (the client's close); the attempt's own timer emits
   * it too. The caller's signal is not wired here: a caller that goes away abandons the attempt
   * (see `Upstream.send`) rather than cutting its connection.
   */
  abort: EventEmitter;
  /** Asked at the moment of writing; false holds the request back unsent (a gate that closed). */
  mayWrite: () => boolean;
}

/**
 * Sends one attempt of `request` and reads its answer in full. Its timer starts when the request
 * is written to a connection: time queued, and a connect, never count against it (a connect is
 * bounded by the pool's connect timeout). Never throws for what the upstream did; throws undici's
 * error for a malformed request (a bug in the caller).
 */
export async function sendAttempt(
  request: UpstreamRequest,
  target: AttemptTarget,
): Promise<AttemptOutcome> {
  // What ends this attempt early, handed to undici as its `signal`: an EventEmitter, which
  // undici takes in place of an AbortSignal. Measured under load (a --cpu-prof of the gateway's
  // bundle): a new AbortController per attempt was 2% of the gateway's busy time; the reason an
  // attempt ended is read from `timedOut`, never from the abort itself.
  const { abort, clock } = target;
  let timedOut = false;
  let written = false;
  let cancelTimer = () => {};
  target.hooks.set(abort, () => {
    if (!target.mayWrite()) throw new HeldBack('held back before writing');
    written = true;
    cancelTimer = clock.setTimer(() => {
      timedOut = true;
      abort.emit('abort');
    }, target.timeoutMs);
  });
  const headers: Record<string, string> = {
    authorization: request.authorization,
    'client-request-id': request.clientRequestId,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await target.hooks.dispatcher.request({
      origin: target.origin,
      method: request.method,
      // Sent as given: `$ref` stays literal (undici does not re-encode the path).
      path: request.path,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: abort,
    });
    return { type: 'answer', answer: await readAnswer(response) };
  } catch (error) {
    if (error instanceof HeldBack) return { type: 'heldBack' };
    if (timedOut) return { type: 'timeout' };
    if (isMisuseError(error)) throw error;
    const transport = describeTransportError(error);
    // Never written: whatever failed (refused, DNS, a connect timeout), the upstream got nothing.
    if (!written) return { type: 'transport', refused: true, message: transport.message };
    return transport.timedOut
      ? { type: 'timeout' }
      : { type: 'transport', refused: transport.refused, message: transport.message };
  } finally {
    cancelTimer();
  }
}
