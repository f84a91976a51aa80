import { type BatchStepResponse, batchStepHeader, GraphErrorEnvelope } from '@connectors/domain';
import type { UpstreamAnswer } from './upstream-answer.ts';

/**
 * One step of a JSON batch answer as the {@link UpstreamAnswer} a single call's response gives:
 * the step's status, its own `request-id` (header, else its envelope's `innerError`), its own
 * `Retry-After`, its body as JSON and, for a failure, Graph's envelope parsed once. So a step's
 * answer is read by exactly the code a single answer is (`failureFromAnswer`, `answered`, an
 * operation's success reader), never by a second interpretation of Graph's errors.
 */
export function batchStepAnswer(step: BatchStepResponse): UpstreamAnswer {
  // A step's body is already JSON (null for none, as Graph writes a 204's).
  const json = step.body === undefined || step.body === null ? undefined : step.body;
  const parsed =
    json === undefined || (step.status >= 200 && step.status < 300)
      ? undefined
      : GraphErrorEnvelope.safeParse(json);
  const envelope = parsed?.success ? parsed.data : undefined;
  const requestId =
    batchStepHeader(step, 'request-id') ?? envelope?.error.innerError?.['request-id'];
  const retryAfter = batchStepHeader(step, 'retry-after');
  return {
    status: step.status,
    empty: json === undefined,
    ...(requestId === undefined ? {} : { requestId }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(json === undefined ? {} : { json }),
    ...(envelope === undefined ? {} : { envelope }),
  };
}
