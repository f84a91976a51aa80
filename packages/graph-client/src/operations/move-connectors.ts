import {
  BATCH_PATH,
  BatchResponse,
  type BatchStepResponse,
  type ConnectorGroup,
  connectorMoveStep,
  type DirectoryObjectId,
  MAX_BATCH_STEPS,
} from '@connectors/domain';
import { batchStepAnswer } from '../batch-answer.ts';
import { type CallerOptions, callerFrom, redactor } from '../caller.ts';
import { clientRequestIdFor } from '../client-request-id.ts';
import type { AddMemberOfResult, GraphFailure } from '../result.ts';
import { parseRetryAfter, toRetryAfterSeconds } from '../retry-policy.ts';
import type { Upstream } from '../upstream.ts';
import { answered, failureFromAnswer, type UpstreamAnswer } from '../upstream-answer.ts';
import { addedGroup } from './member-of.ts';
import type { OperationContext } from './operation-context.ts';

/** One connector to move, with the `client-request-id` its step carries. */
export interface ConnectorMove {
  connectorId: DirectoryObjectId;
  /** The step's own id for correlation; a fresh GUID when absent or not a GUID. */
  clientRequestId?: string;
}

/**
 * Moving up to {@link MAX_BATCH_STEPS} connectors into one existing group in one `$batch`. The
 * group is the domain's parsed group with its id (as read from the upstream), what each moved
 * connector's result carries, as the single add's does.
 */
export type MoveConnectorsBatchRequest = {
  connectorGroup: ConnectorGroup & { id: DirectoryObjectId };
  moves: readonly ConnectorMove[];
} & CallerOptions;

/**
 * One step's outcome: the very result a single `addConnectorMemberOf` gives for the same answer
 * (a duplicate is `alreadyMember`, a throttled step `rateLimited` with `retryAfterSeconds`),
 * plus which connector and step it was, and the step's `Retry-After` in ms for a scheduler.
 */
export type ConnectorMoveResult = AddMemberOfResult & {
  connectorId: DirectoryObjectId;
  clientRequestId: string;
  /** The step's own `Retry-After`, in ms, when it gave a readable one (429, 503). */
  retryAfterMs?: number;
};

/** The batch was answered: one result per requested move, in the order asked. */
export interface MoveConnectorsBatchSuccess {
  ok: true;
  results: ConnectorMoveResult[];
  /** The `$batch` answer's status (200) and `request-id`. */
  status: number;
  requestId?: string;
}

/**
 * The batch as a whole: answered (each step with its own result), or a failure of the `$batch`
 * call itself (after the client's own retries of a 429/503/504 or refused batch, within its
 * budget), which says nothing about any single step beyond what the failure says.
 */
export type MoveConnectorsBatchResult = MoveConnectorsBatchSuccess | GraphFailure;

/**
 * Sends one `POST {base}/$batch` of independent move steps (`GraphClient.moveConnectorsBatch`):
 * each Graph's documented reference POST for one connector (`connectorMoveStep`), its own
 * `client-request-id`, no `dependsOn`. Under both profiles: the seed's path needs an
 * application, which a move by connector does not have, and fake-graph serves the documented
 * route under every version. The `$batch` POST itself goes through the one upstream path:
 * admission, attempt timeout, the POST-safe retries of a batch that was not run at all.
 * @throws {RangeError} for no move, more than {@link MAX_BATCH_STEPS}, or a connector twice
 * @throws {TypeError} when `authorization` is empty
 */
export function moveConnectorsBatch(
  context: OperationContext,
  request: MoveConnectorsBatchRequest,
): Promise<MoveConnectorsBatchResult> {
  const { moves, connectorGroup } = request;
  if (moves.length < 1 || moves.length > MAX_BATCH_STEPS) {
    throw new RangeError(`a batch moves 1 to ${MAX_BATCH_STEPS} connectors, got ${moves.length}`);
  }
  if (new Set(moves.map((move) => move.connectorId)).size !== moves.length) {
    throw new RangeError('a batch moves each connector once: the same connector is named twice');
  }
  const caller = callerFrom(request);
  // Step ids are positions ("1".."20"): an answer is matched to its move by id, in any order.
  const steps = moves.map((move, index) => ({
    connectorId: move.connectorId,
    clientRequestId: clientRequestIdFor(move.clientRequestId),
    id: String(index + 1),
  }));
  const body = JSON.stringify({
    requests: steps.map((step) =>
      connectorMoveStep(
        step.id,
        step.connectorId,
        connectorGroup.id,
        context.base,
        step.clientRequestId,
      ),
    ),
  });
  const redact = redactor(caller.authorization);
  return context.upstream.send<MoveConnectorsBatchSuccess>(
    {
      ...caller,
      operation: 'moveConnectorsBatch',
      method: 'POST',
      path: context.basePath + BATCH_PATH,
      body,
      retry: 'postSafe',
    },
    (answer) => {
      const parsed = BatchResponse.safeParse(answer.json);
      if (!parsed.success) {
        return {
          ok: false,
          kind: 'unknown',
          message: `the upstream answered ${answer.status} to a batch with a body that is not a batch answer; its steps may or may not have run`,
          ...answered(answer),
        };
      }
      const byId = new Map(parsed.data.responses.map((step) => [step.id, step]));
      return {
        ok: true,
        results: steps.map((step) => ({
          ...stepResult(byId.get(step.id), connectorGroup, redact, context.upstream),
          connectorId: step.connectorId,
          clientRequestId: step.clientRequestId,
        })),
        ...answered(answer),
      };
    },
  );
}

// A step's answer read as a single add's would be; a step the answer leaves out is unknown.
function stepResult(
  response: BatchStepResponse | undefined,
  group: ConnectorGroup,
  redact: (text: string) => string,
  upstream: Upstream,
): AddMemberOfResult & { retryAfterMs?: number } {
  if (response === undefined) {
    return {
      ok: false,
      kind: 'unknown',
      message: 'the batch answer has no answer for this step: it may or may not have run',
      sent: true,
    };
  }
  const answer: UpstreamAnswer = batchStepAnswer(response);
  const nowMs = upstream.clock.now();
  if (answer.status >= 200 && answer.status < 300) return addedGroup(answer, group);
  // Each step's answer proves it was sent.
  const failure = { ...failureFromAnswer(answer, redact), sent: true };
  const retryAfterMs = parseRetryAfter(answer.retryAfter, nowMs);
  upstream.observeStep('moveConnectorsBatch', answer, retryAfterMs);
  return retryAfterMs === undefined
    ? failure
    : { ...failure, retryAfterSeconds: toRetryAfterSeconds(retryAfterMs), retryAfterMs };
}
