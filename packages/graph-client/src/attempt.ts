import type { Dispatcher } from 'undici';
import { AttemptHandler, HeldBack, type Settled } from './attempt-handler.ts';
import type { Clock } from './clock.ts';
import { describeTransportError, isMisuseError } from './transport-failure.ts';
import type { UpstreamAnswer } from './upstream-answer.ts';
import type { UpstreamRequest } from './upstream-request.ts';

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
  /** The keep-alive pool of the upstream's origin. */
  pool: Dispatcher;
  origin: string;
  /** Time allowed for the attempt, from writing it to the last body byte. */
  timeoutMs: number;
  clock: Clock;
  /** Asked at the moment of writing; false holds the request back unsent (a gate that closed). */
  mayWrite: () => boolean;
}

/** One attempt under way: its outcome, and how to end it early. */
export interface RunningAttempt {
  outcome: Promise<AttemptOutcome>;
  /** Ends the attempt: cut if written (the upstream may have it), else never written. */
  abort(): void;
}

/** What ended an attempt that `abort()` ended (the client's close). */
class AttemptAborted extends Error {
  override readonly name = 'AttemptAborted';
}

/** What ended an attempt whose timer ran out. */
class AttemptTimedOut extends Error {
  override readonly name = 'AttemptTimedOut';
}

/**
 * Sends one attempt of `request` and reads its answer in full. Its timer starts when the request
 * is written to a connection: time queued, and a connect, never count against it (a connect is
 * bounded by the pool's connect timeout). The outcome never rejects for what the upstream did; it
 * rejects with undici's error for a malformed request (a bug in the caller).
 */
export function startAttempt(request: UpstreamRequest, target: AttemptTarget): RunningAttempt {
  let timedOut = false;
  let written = false;
  let cancelTimer: (() => void) | undefined;
  let resolve: (outcome: AttemptOutcome) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const outcome = new Promise<AttemptOutcome>((onOutcome, onMisuse) => {
    resolve = onOutcome;
    reject = onMisuse;
  });
  const attempt = new AttemptHandler(
    () => {
      if (!target.mayWrite()) throw new HeldBack('held back before writing');
      written = true;
      cancelTimer = target.clock.setTimer(() => {
        timedOut = true;
        attempt.abort(new AttemptTimedOut('the attempt timed out'));
      }, target.timeoutMs);
    },
    (settled: Settled) => {
      cancelTimer?.();
      if (settled.ok) {
        resolve({ type: 'answer', answer: settled.answer });
        return;
      }
      const { error } = settled;
      if (error instanceof HeldBack) resolve({ type: 'heldBack' });
      else if (timedOut) resolve({ type: 'timeout' });
      else if (isMisuseError(error)) reject(error);
      else resolve(transportOutcome(error, written));
    },
  );
  const headers: Record<string, string> = {
    authorization: request.authorization,
    'client-request-id': request.clientRequestId,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  // undici reports a bad option to the handler's onError (a misuse: rejected above). A body
  // left undefined is no body.
  target.pool.dispatch(
    {
      origin: target.origin,
      method: request.method,
      // Sent as given: `$ref` stays literal (undici does not re-encode the path).
      path: request.path,
      headers,
      body: request.body,
    },
    attempt,
  );
  return {
    outcome,
    abort: () => attempt.abort(new AttemptAborted('the attempt was abandoned')),
  };
}

// What an error that ended an attempt means: never written, whatever failed (refused, DNS, a
// connect timeout), the upstream got nothing.
function transportOutcome(error: unknown, written: boolean): AttemptOutcome {
  const transport = describeTransportError(error);
  if (!written) return { type: 'transport', refused: true, message: transport.message };
  return transport.timedOut
    ? { type: 'timeout' }
    : { type: 'transport', refused: transport.refused, message: transport.message };
}
