import type { UserErrorCode } from './generated/graphql.ts';

/**
 * The `extensions.code` of every fault the gateway reports (docs/errors.md), plus
 * `REQUEST_REFUSED`: the gateway answered with GraphQL errors before running anything (a document
 * that no longer validates against its schema, missing variables, a document trusted-documents
 * mode does not allow). A masked error, and a fault code this client does not know yet, are
 * `INTERNAL_SERVER_ERROR`: the gateway's own name for them.
 */
export const GATEWAY_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'REQUEST_REFUSED',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/**
 * Why no GraphQL answer was read. Each refusal the gateway makes in front of GraphQL has its
 * name, so the fix can be looked up: `csrfRefused` (403: a request a browser could send
 * cross-site, e.g. a GET or a non-JSON content type), `methodNotAllowed` (405: a mutation over
 * GET), `notAcceptable` (406: an `Accept` without JSON), `payloadTooLarge` (413: a body over
 * 100 KiB); `httpStatus` is any other status without a GraphQL body (a proxy's 502, a draining
 * gateway's 503); `notGraphQL` is a 200 whose body is no GraphQL response; `network` is no answer
 * at all (refused, reset, DNS, CORS); `aborted` is the caller's signal.
 */
export const TRANSPORT_FAILURE_REASONS = [
  'network',
  'aborted',
  'csrfRefused',
  'methodNotAllowed',
  'notAcceptable',
  'payloadTooLarge',
  'httpStatus',
  'notGraphQL',
] as const;
export type TransportFailureReason = (typeof TRANSPORT_FAILURE_REASONS)[number];

/** An expected, user-fixable failure (`userErrors` in every payload). */
export interface UserError {
  /** One of the schema's codes; a code added after this client was generated arrives as is. */
  code: UserErrorCode;
  message: string;
  /** The input path at fault, e.g. `['input', 'connectorGroup', 'name']`; null when not one field. */
  field: string[] | null;
}

/** Every result carries the `client-request-id` the client sent: quote it with `requestId`. */
interface Correlated {
  clientRequestId: string;
}

/** The operation ran and did what was asked. */
export interface Success<TData> extends Correlated {
  kind: 'success';
  data: TData;
  /** The upstream `request-id`; null when the upstream was not called. */
  requestId: string | null;
}

/** The operation ran and refused, as data: the caller can fix each one (a form shows them). */
export interface UserErrors extends Correlated {
  kind: 'userErrors';
  userErrors: UserError[];
  requestId: string | null;
}

/** A fault the gateway reported as a GraphQL error with `extensions.code`. */
export interface GatewayError extends Correlated {
  kind: 'error';
  code: GatewayErrorCode;
  /** The gateway's sentence, for logs and support; not for end users. */
  message: string;
  /**
   * Whole seconds to wait before trying again: `RATE_LIMITED` when the upstream said, and
   * `UPSTREAM_UNAVAILABLE` when the upstream or the gateway's own bounds said.
   */
  retryAfterSeconds?: number;
  /**
   * For a fault caused by the upstream side: true when the gateway's call reached the upstream
   * (an `UPSTREAM_TIMEOUT` write may have landed: read it back), false when nothing was sent (the
   * change surely was not made: the same call can be made again after `retryAfterSeconds`).
   * Absent for faults of the request itself (`UNAUTHENTICATED` without a token,
   * `REQUEST_REFUSED`) and from a gateway older than this field.
   */
  sent?: boolean;
  /** The upstream `request-id`, when there was one. */
  requestId?: string;
}

/** No GraphQL answer: the request may or may not have reached the gateway. */
export interface TransportFailure extends Correlated {
  kind: 'transport';
  reason: TransportFailureReason;
  /** What happened, naming the fix where there is one. */
  message: string;
  /** The HTTP status, when there was an answer. */
  status?: number;
  /** The thrown error, for `network` and `aborted`. */
  cause?: unknown;
}

/** What every operation returns; it never throws for an answer it understood. */
export type GatewayResult<TData> = Success<TData> | UserErrors | GatewayError | TransportFailure;
