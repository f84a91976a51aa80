import { Pool } from 'undici';
import { type AttemptOutcome, startAttempt } from '../src/attempt.ts';
import { systemClock } from '../src/clock.ts';
import type { UpstreamAnswer } from '../src/upstream-answer.ts';
import type { UpstreamRequest } from '../src/upstream-request.ts';

/** A GET of `path` as the client sends an attempt (any token: the test servers ignore it). */
export function testRequest(
  path: string,
  overrides: Partial<UpstreamRequest> = {},
): UpstreamRequest {
  return {
    operation: 'listConnectorMemberOf',
    method: 'GET',
    path,
    retry: 'read',
    authorization: 'Bearer read-answer-test',
    clientRequestId: '00000000-0000-4000-8000-000000000000',
    signal: undefined,
    ...overrides,
  };
}

/**
 * One attempt's outcome for a GET of `path` on `origin`, read as the client reads it (one
 * attempt, the real handler, its own one-connection pool, closed after).
 */
export async function attemptOn(
  origin: string,
  path = '/v1.0/x',
  options: { timeoutMs?: number; mayWrite?: () => boolean; pool?: Pool } = {},
): Promise<AttemptOutcome> {
  const pool = options.pool ?? new Pool(origin, { connections: 1 });
  try {
    return await startAttempt(testRequest(path), {
      pool,
      origin,
      timeoutMs: options.timeoutMs ?? 5_000,
      clock: systemClock,
      mayWrite: options.mayWrite ?? (() => true),
    }).outcome;
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

/** The answer to a GET of `path` on `origin`, as the client reads it; throws if none came. */
export async function readAnswer(origin: string, path = '/v1.0/x'): Promise<UpstreamAnswer> {
  const outcome = await attemptOn(origin, path);
  if (outcome.type !== 'answer') throw new Error(`no answer: ${JSON.stringify(outcome)}`);
  return outcome.answer;
}
