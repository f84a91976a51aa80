import { z } from 'zod';

/**
 * Graph's error envelope. Tolerant: extra properties are kept, `innerError` is optional, so a
 * reader never fails on a richer error than it expects.
 */
export const GraphErrorEnvelope = z.object({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    innerError: z
      .looseObject({
        'request-id': z.string().optional(),
        'client-request-id': z.string().optional(),
        date: z.string().optional(),
      })
      .optional(),
  }),
});
export type GraphErrorEnvelope = z.infer<typeof GraphErrorEnvelope>;

/**
 * The start of the message Graph gives when a reference already exists. Graph answers a
 * duplicate with a plain 400 `Request_BadRequest`, so this prefix is the one place the message
 * is read (docs/rest-upstream.md).
 */
export const DUPLICATE_REFERENCE_MESSAGE_PREFIX =
  'One or more added object references already exist';

/** The full duplicate message as Graph sends it for `memberOf`. */
export const DUPLICATE_REFERENCE_MESSAGE =
  "One or more added object references already exist for the following modified properties: 'memberOf'.";

/** How a non-2xx REST answer is classified. */
export const GRAPH_ERROR_KINDS = [
  'invalidInput',
  'notFound',
  'alreadyMember',
  'unauthenticated',
  'forbidden',
  'rateLimited',
  'unavailable',
  'unknown',
] as const;
export type GraphErrorKind = (typeof GRAPH_ERROR_KINDS)[number];

/**
 * Classifies a REST error by status and the envelope's `error.code`, never by its message,
 * except the duplicate-membership answer that Graph only tells apart by message.
 * @param body the parsed JSON body, or anything else (it is checked here)
 */
export function classifyGraphError(status: number, body: unknown): GraphErrorKind {
  const envelope = GraphErrorEnvelope.safeParse(body);
  return classifyGraphEnvelope(status, envelope.success ? envelope.data : undefined);
}

/**
 * {@link classifyGraphError} for a body already parsed as an envelope (undefined when it is not
 * one), so a reader that needs the envelope anyway parses it once.
 */
export function classifyGraphEnvelope(
  status: number,
  envelope: GraphErrorEnvelope | undefined,
): GraphErrorKind {
  switch (status) {
    case 400:
      return envelope?.error.message.startsWith(DUPLICATE_REFERENCE_MESSAGE_PREFIX)
        ? 'alreadyMember'
        : 'invalidInput';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 429:
      return 'rateLimited';
    default:
      return status >= 500 && status <= 599 ? 'unavailable' : 'unknown';
  }
}

/** Graph's error codes for the answers fake-graph gives. */
export const GRAPH_ERROR_CODES = {
  badRequest: 'Request_BadRequest',
  notFound: 'Request_ResourceNotFound',
  unauthenticated: 'InvalidAuthenticationToken',
  forbidden: 'Authorization_RequestDenied',
  tooManyRequests: 'TooManyRequests',
  serviceUnavailable: 'serviceNotAvailable',
} as const;

/** Builds a Graph error envelope with its `innerError` correlation ids. */
export function graphErrorEnvelope(
  code: string,
  message: string,
  ids: { requestId: string; clientRequestId?: string | undefined; date?: Date },
): GraphErrorEnvelope {
  return {
    error: {
      code,
      message,
      innerError: {
        date: (ids.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId ?? ids.requestId,
      },
    },
  };
}
