import type { EventEmitter } from 'node:events';
import type { Dispatcher } from 'undici';
import type { Clock } from './clock.ts';
import { describeTransportError, isMisuseError } from './transport-failure.ts';
import { readAnswer, type UpstreamAnswer } from './upstream-answer.ts';
import type { UpstreamRequest } from './upstream-request.ts';

/** How one attempt ended: an answer (any status), no answer in time, or a transport failure. */
export type AttemptOutcome =
  | { type: 'answer'; answer: UpstreamAnswer }
  | { type: 'timeout' }
  | { type: 'transport'; refused: boolean; message: string };

/** What an attempt is sent through. */
export interface AttemptTarget {
  dispatcher: Dispatcher;
  origin: string;
  /** Time allowed for the attempt, from sending to the last body byte. */
  timeoutMs: number;
  clock: Clock;
  /**
   * Emitting `abort` on it ends the attempt (the client's close); the attempt's own timer emits
   * it too. The caller's signal is not wired here: a caller that goes away abandons the attempt
   * (see `Upstream.send`) rather than cutting its connection.
   */
  abort: EventEmitter;
}

/**
 * Sends one attempt of `request` and reads its answer in full. Its timer starts here, when the
 * request is handed to the pool, which has a free connection for it (admission sees to that):
 * time spent queued is never counted against the attempt. Never throws for what the upstream
 * did; throws undici's error for a malformed request (a bug in the caller).
 */
export async function sendAttempt(
  request: UpstreamRequest,
  target: AttemptTarget,
): Promise<AttemptOutcome> {
  // What ends this attempt early, handed to undici as its `signal`: an EventEmitter, which
  // undici takes in place of an AbortSignal. Measured under load (a --cpu-prof of the gateway's
  // bundle): a new AbortController per attempt was 2% of the gateway's busy time; the reason an
  // attempt ended is read from `timedOut`, never from the abort itself.
  const { abort } = target;
  let timedOut = false;
  const cancelTimer = target.clock.setTimer(() => {
    timedOut = true;
    abort.emit('abort');
  }, target.timeoutMs);
  const headers: Record<string, string> = {
    authorization: request.authorization,
    'client-request-id': request.clientRequestId,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await target.dispatcher.request({
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
    if (timedOut) return { type: 'timeout' };
    if (isMisuseError(error)) throw error;
    const transport = describeTransportError(error);
    return transport.timedOut
      ? { type: 'timeout' }
      : { type: 'transport', refused: transport.refused, message: transport.message };
  } finally {
    cancelTimer();
  }
}
