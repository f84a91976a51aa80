import type { Validated } from '@connectors/domain';
import { type CallerSignal, clientRequestIdFor, type GraphFailure } from '@connectors/graph-client';
import { requireBearerAuthorization } from '../auth/bearer-token.ts';
import type { GatewayContext } from '../context.ts';
import { answerForFailure } from '../errors/upstream-failure.ts';
import { invalidInputError, type UserError } from '../errors/user-error.ts';
import { recordUpstream } from '../observability/request-trace.ts';

/** The log line's (and metric's) outcome of a request whose client went away mid-call. */
export const CLIENT_DISCONNECTED = 'CLIENT_DISCONNECTED';

/** What a field that calls the upstream hands the client, beyond its validated input. */
export interface UpstreamCallContext {
  authorization: string;
  clientRequestId: string;
  signal: CallerSignal;
}

/** How one such field is wired: its name, its validation, its client call. */
export interface UpstreamField<V, S extends { ok: true; requestId?: string }> {
  /** The root field's name, for the log line and metrics. */
  operation: string;
  /** The domain's validation of the field's arguments (run after the token check). */
  validate: () => Validated<V>;
  /** Where the validated value sits in the operation (["input"] for the mutation). */
  issuePrefix: readonly string[];
  /** The one client call. */
  call: (value: V, context: UpstreamCallContext) => Promise<S | GraphFailure>;
  /** The input path an ALREADY_MEMBER answer points at; null when the field has none. */
  groupField: readonly string[] | null;
}

/**
 * A payload of a field that calls the upstream, as its resolver returns it: the result under its
 * own name (null when userErrors is not empty), the user errors, and the upstream's request-id.
 * One shape for every such field, as the schema gives each payload the same three fields.
 */
export type UpstreamPayload<K extends string, T> = { [key in K]: T | null } & {
  userErrors: UserError[];
  requestId: string | null;
};

/** The outcome a payload is built from: the success, or the user errors and request-id. */
export interface UpstreamFieldOutcome<S> {
  success: S | null;
  userErrors: UserError[];
  requestId: string | null;
}

/**
 * The one pipeline of every field that calls the upstream: bearer check (`UNAUTHENTICATED`, no
 * call), domain validation (`INVALID_INPUT` user errors, no call), one client call, and its
 * result mapped by docs/errors.md's table (faults throw coded errors), all recorded on the
 * request's trace for its log line.
 */
export async function resolveUpstreamField<V, S extends { ok: true; requestId?: string }>(
  context: GatewayContext,
  field: UpstreamField<V, S>,
): Promise<UpstreamFieldOutcome<S>> {
  const { trace, request } = context;
  trace.operation ??= field.operation;
  const authorization = requireBearerAuthorization(request.headers);

  const parsed = field.validate();
  if (!parsed.ok) {
    trace.outcome = 'INVALID_INPUT';
    return {
      success: null,
      userErrors: parsed.issues.map((issue) => invalidInputError(issue, field.issuePrefix)),
      requestId: null,
    };
  }

  const clientRequestId = clientRequestIdFor(request.headers.get('client-request-id'));
  trace.clientRequestId = clientRequestId;
  const startedAt = performance.now();
  let result: S | GraphFailure;
  try {
    result = await field.call(parsed.value, {
      authorization,
      clientRequestId,
      signal: request.signal,
    });
  } catch (error) {
    if (!request.signal.aborted) throw error;
    // The caller left, and the client abandoned its call: an everyday event with no one to
    // answer, so no error (which yoga's masking would log at error, with a stack). The request's
    // one log line, at info, says so as its outcome.
    trace.outcome = CLIENT_DISCONNECTED;
    return { success: null, userErrors: [], requestId: null };
  }
  recordUpstream(trace, result, startedAt);
  if (result.ok) return { success: result, userErrors: [], requestId: result.requestId ?? null };
  const answer = answerForFailure(result, field.groupField);
  if (answer.kind === 'fault') throw answer.error;
  trace.outcome = answer.userError.code;
  return { success: null, userErrors: [answer.userError], requestId: result.requestId ?? null };
}
