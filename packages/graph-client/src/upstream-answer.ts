import { STATUS_CODES } from 'node:http';
import { classifyGraphEnvelope, GraphErrorEnvelope } from '@connectors/domain';
import { plausibleRequestId } from './request-id.ts';
import type { AnsweredFailure } from './result.ts';

/**
 * Largest body read from the upstream. A connectorGroup or an error envelope is well under a
 * kilobyte and a connector sits in a handful of groups; anything past this is not an answer this
 * client understands, and reading it all would let one bad upstream exhaust the gateway's memory.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/** One HTTP answer, read in full: status, the headers the client uses, the body as JSON. */
export interface UpstreamAnswer {
  status: number;
  /** The `request-id` header, else the envelope's `innerError.request-id`, when it looks like one. */
  requestId?: string;
  /** The raw `Retry-After` header. */
  retryAfter?: string;
  /** True when the body had no bytes. */
  empty: boolean;
  /** The body parsed as JSON; undefined when empty, not JSON, or over {@link MAX_BODY_BYTES}. */
  json?: unknown;
  /** A non-2xx body that is Graph's error envelope, parsed once here for every later reader. */
  envelope?: GraphErrorEnvelope;
  /** The `x-ms-throttle-*` headers (Graph's throttling scope, information, limit percentage). */
  throttle?: Record<string, string>;
}

const THROTTLE_PREFIX = 'x-ms-throttle-';
// A header value kept for a log line; Graph's are short (`App&Tenant/Directory/...`).
const MAX_THROTTLE_VALUE = 200;

/** The headers an answer is read for, from undici's raw `[name, value, ...]` list. */
interface AnswerHeaders {
  requestId?: string;
  retryAfter?: string;
  throttle?: Record<string, string>;
}

// Names compared lower-cased; of a repeated header, the first value counts.
function answerHeaders(rawHeaders: readonly Buffer[]): AnswerHeaders {
  const found: AnswerHeaders = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] as Buffer).toString('latin1').toLowerCase();
    if (name === 'request-id') {
      found.requestId ??= (rawHeaders[i + 1] as Buffer).toString('latin1');
    } else if (name === 'retry-after') {
      found.retryAfter ??= (rawHeaders[i + 1] as Buffer).toString('latin1');
    } else if (name.startsWith(THROTTLE_PREFIX)) {
      found.throttle ??= {};
      found.throttle[name] ??= (rawHeaders[i + 1] as Buffer)
        .toString('latin1')
        .slice(0, MAX_THROTTLE_VALUE);
    }
  }
  return found;
}

/**
 * One answer as read off the connection (`attempt-handler.ts`): its status, undici's raw headers
 * and its body, with the body parsed as JSON and, for a failure, as Graph's error envelope.
 * @param body the body's bytes; undefined when empty or `oversized`
 * @param oversized the body ran past {@link MAX_BODY_BYTES} and was not read
 */
export function answerOf(
  status: number,
  rawHeaders: readonly Buffer[],
  body: Buffer | undefined,
  oversized: boolean,
): UpstreamAnswer {
  let json: unknown;
  if (body !== undefined) {
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      // Not JSON (an HTML error page from a proxy, say): classified by status alone.
    }
  }
  // Only a failure can be an envelope; a success (Graph's usual empty 204) is never parsed as one.
  const parsed =
    json === undefined || (status >= 200 && status < 300)
      ? undefined
      : GraphErrorEnvelope.safeParse(json);
  const envelope = parsed?.success ? parsed.data : undefined;
  const headers = answerHeaders(rawHeaders);
  // Each source checked on its own: a header that does not look like an id falls back to the
  // envelope's, rather than hiding it.
  const requestId =
    plausibleRequestId(headers.requestId) ??
    plausibleRequestId(envelope?.error.innerError?.['request-id']);
  const { retryAfter, throttle } = headers;
  return {
    status,
    empty: body === undefined && !oversized,
    ...(requestId === undefined ? {} : { requestId }),
    ...(retryAfter === undefined ? {} : { retryAfter }),
    ...(json === undefined ? {} : { json }),
    ...(envelope === undefined ? {} : { envelope }),
    ...(throttle === undefined ? {} : { throttle }),
  };
}

/**
 * The failure a non-2xx answer means. The message is Graph's own `error.message` when the body
 * is Graph's envelope, else a sentence built from the status alone: a body that is not Graph's
 * JSON is never copied, since it may hold anything (a proxy's page, internal hostnames).
 * @param redact removes the caller's token should an upstream ever echo it
 */
export function failureFromAnswer(
  answer: UpstreamAnswer,
  redact: (text: string) => string,
): AnsweredFailure {
  const { envelope } = answer;
  const kind = classifyGraphEnvelope(answer.status, envelope);
  let message: string;
  if (envelope !== undefined) {
    message = redact(envelope.error.message);
  } else if (answer.status >= 300 && answer.status < 400) {
    message = `the upstream answered ${answer.status} (a redirect); redirects are never followed, so the token only goes to the configured upstream`;
  } else {
    const reason = STATUS_CODES[answer.status];
    message = `the upstream answered ${answer.status}${reason ? ` ${reason}` : ''}`;
  }
  return {
    ok: false,
    kind,
    message,
    status: answer.status,
    ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }),
  };
}

/** What every result read from an answer carries: its status and, when sent, its request-id. */
export function answered(answer: UpstreamAnswer): { status: number; requestId?: string } {
  return answer.requestId === undefined
    ? { status: answer.status }
    : { status: answer.status, requestId: answer.requestId };
}
