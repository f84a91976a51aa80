/**
 * What a thrown network error means for the call: whether the request surely never left (and
 * so may be retried), or may have reached the upstream (and so may not).
 */
export interface TransportFailure {
  /** True only for a connection refused: no byte of the request was sent. */
  refused: boolean;
  /** True when undici's own header or body timer fired (a backstop to the attempt timeout). */
  timedOut: boolean;
  /** A sentence safe to show: no host, header or token. */
  message: string;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

// Node reports a failed multi-address connect as an AggregateError, and undici may wrap the
// socket error in `cause`; the walk is bounded so a cyclic cause cannot loop.
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const queue: unknown[] = [error];
  for (let seen = 0; queue.length > 0 && seen < 16; seen++) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null) continue;
    const { code, cause, errors } = current as {
      code?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') codes.push(code);
    if (cause !== undefined) queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return codes;
}

/** True for errors that mean the request itself was malformed: a bug in the caller, thrown. */
export function isMisuseError(error: unknown): boolean {
  return errorCodes(error).includes('UND_ERR_INVALID_ARG');
}

/** Classifies an error thrown while sending a request or reading its answer. */
export function describeTransportError(error: unknown): TransportFailure {
  const codes = errorCodes(error);
  if (codes.length > 0 && codes.every((code) => code === 'ECONNREFUSED')) {
    return { refused: true, timedOut: false, message: 'the upstream refused the connection' };
  }
  if (codes.some((code) => TIMEOUT_CODES.has(code))) {
    return { refused: false, timedOut: true, message: 'the upstream did not answer in time' };
  }
  if (codes.some((code) => RESET_CODES.has(code))) {
    return {
      refused: false,
      timedOut: false,
      message: 'the upstream closed the connection before answering in full',
    };
  }
  const code = codes[0];
  return {
    refused: false,
    timedOut: false,
    message: `could not reach the upstream${code ? ` (${code})` : ''}`,
  };
}
