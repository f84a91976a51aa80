import {
  BatchRequest,
  type BatchStepRequest,
  type BatchStepResponse,
  validate,
} from '@connectors/domain';
import type { ApiReply, ApiRequest } from './exchange.ts';
import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';

/** Graph's code for a step not run because a step it depends on failed. */
export const FAILED_DEPENDENCY_CODE = 'FailedDependency';

/** Runs one step as a request of its own, through the app's own routes; never rejects. */
export type StepDispatcher = (step: ApiRequest) => Promise<ApiReply>;

/**
 * Reads a `$batch` body (docs/rest-upstream.md, "JSON batching").
 * @throws {GraphHttpError} 400 naming what is wrong: not JSON, no `requests`, more than 20, a
 *   repeated id, a `dependsOn` naming no step or making a cycle, an absolute url, a body without
 *   `Content-Type`. Nothing of a refused batch runs.
 */
export function parseBatch(text: string): BatchRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw GraphHttpError.badRequest('Invalid batch payload: the body is not JSON.');
  }
  const checked = validate(BatchRequest, json);
  if (!checked.ok) {
    const reasons = checked.issues.map((issue) => issue.message).join('; ');
    throw GraphHttpError.badRequest(`Invalid batch payload: ${reasons}.`);
  }
  executionOrder(checked.value.requests);
  return checked.value;
}

// The steps in an order that runs each after the steps it depends on, request order otherwise.
function executionOrder(steps: BatchStepRequest[]): BatchStepRequest[] {
  const order: BatchStepRequest[] = [];
  const done = new Set<string>();
  let pending = steps;
  while (pending.length > 0) {
    const ready = pending.filter((step) => (step.dependsOn ?? []).every((id) => done.has(id)));
    if (ready.length === 0) {
      const ids = pending.map((step) => JSON.stringify(step.id)).join(', ');
      throw GraphHttpError.badRequest(
        `Invalid batch payload: requests ${ids} depend on each other in a cycle.`,
      );
    }
    for (const step of ready) {
      order.push(step);
      done.add(step.id);
    }
    pending = pending.filter((step) => !done.has(step.id));
  }
  return order;
}

/**
 * Runs a parsed batch: each step as a request of its own (`dispatch`, the app's own routing, so
 * each write is its own transaction, its own throttling decision, its own `request-id`), one
 * after another, a step after the steps it depends on. A step whose dependency did not answer
 * 2xx is not run: it is answered 424. Answers come in the order the steps ran, which Graph does
 * not promise: a client matches them by id.
 * @param outer the `$batch` request: its `Authorization` and `Host` apply to every step
 * @param version the version path the batch was sent under; every step runs under it
 */
export async function runBatch(
  batch: BatchRequest,
  outer: ApiRequest,
  version: string,
  dispatch: StepDispatcher,
): Promise<{ responses: BatchStepResponse[] }> {
  const statuses = new Map<string, number>();
  const responses: BatchStepResponse[] = [];
  for (const step of executionOrder(batch.requests)) {
    const failed = (step.dependsOn ?? []).find((id) => !isSuccess(statuses.get(id)));
    const reply =
      failed === undefined
        ? await dispatch(stepRequest(step, outer, version))
        : failedDependency(step, failed);
    statuses.set(step.id, reply.status);
    responses.push({
      id: step.id,
      status: reply.status,
      headers: graphHeaderNames(reply.headers),
      ...(reply.body === undefined ? {} : { body: reply.body }),
    });
  }
  return { responses };
}

// Graph writes a step's headers as its services send them: `Content-Type`, `Retry-After`, and
// its own `request-id` and `client-request-id` in lower case. node hands every name lowercased.
const GRAPH_HEADER_NAMES: Readonly<Record<string, string>> = {
  'content-type': 'Content-Type',
  'retry-after': 'Retry-After',
  location: 'Location',
  allow: 'Allow',
  'www-authenticate': 'WWW-Authenticate',
};

function graphHeaderNames(headers: Record<string, string>): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    named[GRAPH_HEADER_NAMES[name] ?? name] = value;
  return named;
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

function failedDependency(step: BatchStepRequest, failed: string): ApiReply {
  return {
    status: 424,
    headers: { 'content-type': 'application/json' },
    body: {
      error: {
        code: FAILED_DEPENDENCY_CODE,
        message: `Request ${JSON.stringify(step.id)} was not run: request ${JSON.stringify(failed)}, which it depends on, failed.`,
      },
    },
  };
}

// The step as a request of its own: the batch's version and credentials, its own headers and body.
function stepRequest(step: BatchStepRequest, outer: ApiRequest, version: string): ApiRequest {
  const headers: ApiRequest['headers'] = {};
  for (const [name, value] of Object.entries(step.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  // The batch's, whatever a step says: a step cannot borrow another identity or service.
  headers.authorization = outer.headers.authorization;
  headers.host = outer.headers.host;
  const body = stepBody(step.body);
  return {
    method: step.method,
    url: `/${version}${step.url.startsWith('/') ? '' : '/'}${step.url}`,
    headers,
    readBody: () => Promise.resolve(body),
    inBatch: true,
  };
}

// A JSON body arrives as a value; Graph takes other content base64-encoded in a string.
function stepBody(body: unknown): string {
  if (body === undefined) return '';
  if (typeof body === 'string') return Buffer.from(body, 'base64').toString('utf8');
  return JSON.stringify(body);
}

/** 400 for a `$batch` step: batches do not nest. */
export function nestedBatchError(): GraphHttpError {
  return new GraphHttpError(
    400,
    FAKE_GRAPH_ERROR_CODES.badRequest,
    'A batch request cannot contain another batch request.',
  );
}
