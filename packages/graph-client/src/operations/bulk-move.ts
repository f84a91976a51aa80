import {
  type ConnectorGroup,
  type DirectoryObjectId,
  MAX_BATCH_STEPS,
  MAX_CONNECTORS_PER_MOVE,
} from '@connectors/domain';
import { type CallerOptions, callerFrom } from '../caller.ts';
import { clientRequestIdFor } from '../client-request-id.ts';
import type { GraphFailure } from '../result.ts';
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS } from '../retry-policy.ts';
import { type ConnectorMoveResult, moveConnectorsBatch } from './move-connectors.ts';
import type { OperationContext } from './operation-context.ts';

/**
 * Most rounds of one bulk move: the first sending, then re-sends of what was throttled. With a
 * third of all writes throttled, 100 moves take 5 rounds (100, 33, 11, 4, 1 steps); a round
 * costs at least one `Retry-After`, so the time budget usually ends a move before this does.
 */
export const MAX_MOVE_ROUNDS = 8;

/** Moving 1 to {@link MAX_CONNECTORS_PER_MOVE} distinct connectors into one existing group. */
export type MoveConnectorsRequest = {
  connectorGroup: ConnectorGroup & { id: DirectoryObjectId };
  connectorIds: readonly DirectoryObjectId[];
  /**
   * No re-send waits past this many ms after the call began; a step still throttled then comes
   * back `rateLimited` with its `retryAfterSeconds`. Default: the client's `retryBudgetMs`.
   */
  budgetMs?: number;
} & CallerOptions;

/** One connector's outcome: its last step's result, and how often its step was sent. */
export type ConnectorMoveOutcome = ConnectorMoveResult & {
  /** Batches this connector's step was put in (1 + its re-sends), sent or refused. */
  sends: number;
};

/** Every connector's outcome, in the order asked, and what it took. */
export interface MoveConnectorsResult {
  results: ConnectorMoveOutcome[];
  /** `$batch` calls made (each call's own retries of a throttled batch not counted twice). */
  batches: number;
  /** Steps sent in all batches: the moves plus their re-sends. */
  stepSends: number;
  /** Rounds: the first sending plus each round of re-sends. */
  rounds: number;
}

interface PendingMove {
  index: number;
  connectorId: DirectoryObjectId;
  clientRequestId: string;
  sends: number;
}

// Only "not done, try later" is re-sent: a step answered 2xx, or any final 4xx, never is.
function resendable(result: ConnectorMoveResult): boolean {
  return !result.ok && (result.status === 429 || result.status === 503);
}

// A whole batch that failed leaves each of its steps with that failure, `sent` included: a
// batch refused by the client's own bounds or a closed write gate sent nothing.
function batchFailure(failure: GraphFailure, move: PendingMove): ConnectorMoveOutcome {
  return {
    ...failure,
    connectorId: move.connectorId,
    clientRequestId: move.clientRequestId,
    sends: move.sends,
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

/**
 * Moves the connectors (`GraphClient.moveConnectors`, docs/rest-upstream.md "Bulk moves"): in
 * rounds of `$batch` calls of at most 20 independent steps, all of a round's batches at once
 * (the pool and the upstream's admission bound them). After a round, the steps answered 429 or
 * 503, and only those, are re-sent together in the next round, after the largest `Retry-After`
 * among them (a bounded backoff when none gave one), while the wait fits the budget and rounds
 * remain; then they are final as answered. Each step keeps its `client-request-id` across re-sends.
 * Partial success is the normal outcome: every connector gets its own result.
 * @throws {RangeError} for no connector, more than {@link MAX_CONNECTORS_PER_MOVE}, or one twice
 * @throws {TypeError} when `authorization` is empty
 */
export async function moveConnectors(
  context: OperationContext,
  request: MoveConnectorsRequest,
): Promise<MoveConnectorsResult> {
  const { connectorIds, connectorGroup } = request;
  if (connectorIds.length < 1 || connectorIds.length > MAX_CONNECTORS_PER_MOVE) {
    throw new RangeError(
      `a bulk move takes 1 to ${MAX_CONNECTORS_PER_MOVE} connectors, got ${connectorIds.length}`,
    );
  }
  if (new Set(connectorIds.map((id) => id.toLowerCase())).size !== connectorIds.length) {
    throw new RangeError('a bulk move names each connector once: a connector is named twice');
  }
  const caller = callerFrom(request);
  const budgetMs = request.budgetMs ?? context.retryBudgetMs;
  const { clock } = context.upstream;
  const startedAt = clock.now();
  const outcomes: ConnectorMoveOutcome[] = new Array(connectorIds.length);
  let pending: PendingMove[] = connectorIds.map((connectorId, index) => ({
    index,
    connectorId,
    clientRequestId: clientRequestIdFor(undefined),
    sends: 0,
  }));
  let batches = 0;
  let stepSends = 0;
  let rounds = 0;
  for (let round = 1; ; round++) {
    rounds = round;
    const sent = chunks(pending, MAX_BATCH_STEPS);
    batches += sent.length;
    stepSends += pending.length;
    for (const move of pending) move.sends += 1;
    // Each batch's answer time kept: a step's Retry-After counts from when it was answered, so a
    // round whose batches end at different times waits no longer than the latest one asks.
    const answers = await Promise.all(
      sent.map((chunk) =>
        moveConnectorsBatch(context, {
          connectorGroup,
          moves: chunk,
          authorization: caller.authorization,
          clientRequestId: caller.clientRequestId,
          ...(caller.signal === undefined ? {} : { signal: caller.signal }),
        }).then((answer) => ({ answer, at: clock.now() })),
      ),
    );
    const again: Array<{ move: PendingMove; outcome: ConnectorMoveOutcome }> = [];
    let readyAt: number | undefined;
    sent.forEach((chunk, chunkIndex) => {
      const { answer, at } = answers[chunkIndex] as (typeof answers)[number];
      chunk.forEach((move, stepIndex) => {
        if (!answer.ok) {
          outcomes[move.index] = batchFailure(answer, move);
          return;
        }
        const result = answer.results[stepIndex] as ConnectorMoveResult;
        const outcome = { ...result, sends: move.sends };
        if (!resendable(result)) {
          outcomes[move.index] = outcome;
          return;
        }
        again.push({ move, outcome });
        if (result.retryAfterMs !== undefined) {
          readyAt = Math.max(readyAt ?? 0, at + result.retryAfterMs);
        }
      });
    });
    if (again.length === 0) break;
    const waitMs =
      readyAt === undefined
        ? backoffDelayMs(round - 1, DEFAULT_BACKOFF_BASE_MS, clock.random())
        : Math.max(0, readyAt - clock.now());
    const fits = clock.now() - startedAt + waitMs <= budgetMs;
    if (round >= MAX_MOVE_ROUNDS || !fits) {
      for (const { move, outcome } of again) outcomes[move.index] = outcome;
      break;
    }
    await clock.sleep(waitMs, caller.signal);
    // Each batch of re-sends is a retry, drawn from the origin's retry budget; a batch it does
    // not allow leaves its steps as answered (throttled, sent).
    pending = [];
    for (const chunk of chunks(again, MAX_BATCH_STEPS)) {
      if (context.upstream.tryResend('moveConnectorsBatch')) {
        pending.push(...chunk.map(({ move }) => move));
      } else {
        for (const { move, outcome } of chunk) outcomes[move.index] = outcome;
      }
    }
    if (pending.length === 0) break;
  }
  return { results: outcomes, batches, stepSends, rounds };
}
