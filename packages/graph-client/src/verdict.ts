import type { TriedOutcome } from './attempt.ts';
import { redactor } from './caller.ts';
import type { AnsweredFailure, GraphFailure } from './result.ts';
import { parseRetryAfter, RETRYABLE_STATUSES, retriesWithoutAnswer } from './retry-policy.ts';
import { failureFromAnswer, type UpstreamAnswer } from './upstream-answer.ts';
import type { UpstreamRequest } from './upstream-request.ts';

/**
 * What an operation makes of a 2xx answer: its result, or a failure (a body it cannot read),
 * which is stamped `sent: true` here.
 */
export type OnSuccess<R> = (answer: UpstreamAnswer) => R | AnsweredFailure;

/**
 * What a duplicate answer on a retried attempt means for a write: success, since the earlier
 * attempt landed. Absent: a duplicate is `alreadyMember` like any other.
 */
export type OnDuplicateAfterRetry<R> = (answer: UpstreamAnswer) => R;

// A failure read from an answer was sent, whatever its reader said.
function sentFailure<R extends { ok: boolean }>(result: R | AnsweredFailure): R | GraphFailure {
  return result.ok ? (result as R) : { ...(result as AnsweredFailure), sent: true };
}

/** What one attempt settles: the call's result, or a failure that may be retried. */
export interface Verdict<R> {
  result: R | GraphFailure;
  retryable: boolean;
  /** The upstream's `Retry-After`, in ms, when it gave a readable one. */
  retryAfterMs?: number;
  status?: number;
  requestId?: string;
}

/** Classifies one attempt's outcome for `request`, its `attempt`-th (1 for the first). */
export function judgeAttempt<R extends { ok: boolean }>(
  outcome: TriedOutcome,
  context: { request: UpstreamRequest; attempt: number; timeoutMs: number; nowMs: number },
  onSuccess: OnSuccess<R>,
  onDuplicateAfterRetry?: OnDuplicateAfterRetry<R>,
): Verdict<R> {
  const { request } = context;
  if (outcome.type === 'timeout') {
    return {
      result: {
        ok: false,
        kind: 'timeout',
        message: `the upstream did not answer within ${context.timeoutMs} ms`,
        sent: true,
      },
      retryable: retriesWithoutAnswer(request.retry, false),
    };
  }
  if (outcome.type === 'transport') {
    return {
      result: { ok: false, kind: 'unavailable', message: outcome.message, sent: !outcome.refused },
      retryable: retriesWithoutAnswer(request.retry, outcome.refused),
    };
  }
  const { answer } = outcome;
  const ids = {
    status: answer.status,
    ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }),
  };
  if (answer.status >= 200 && answer.status < 300) {
    return { ...ids, result: sentFailure(onSuccess(answer)), retryable: false };
  }
  // The redactor is built for failures only: a success never needs it.
  const failure: GraphFailure = {
    ...failureFromAnswer(answer, redactor(request.authorization)),
    sent: true,
  };
  if (failure.kind === 'alreadyMember' && context.attempt > 1 && onDuplicateAfterRetry) {
    return { ...ids, result: onDuplicateAfterRetry(answer), retryable: false };
  }
  const retryAfterMs = parseRetryAfter(answer.retryAfter, context.nowMs);
  return {
    ...ids,
    result: failure,
    retryable: RETRYABLE_STATUSES.has(answer.status),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}
