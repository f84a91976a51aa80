import { GraphQLError } from 'graphql';

/** The `extensions.code` of every fault the gateway reports as a GraphQL error (docs/graphql-api.md). */
export const GATEWAY_ERROR_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  forbidden: 'FORBIDDEN',
  rateLimited: 'RATE_LIMITED',
  upstreamTimeout: 'UPSTREAM_TIMEOUT',
  upstreamUnavailable: 'UPSTREAM_UNAVAILABLE',
  /** The shape of a masked error, plus the upstream request-id when there was one. */
  internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[keyof typeof GATEWAY_ERROR_CODES];

/** The message yoga gives a masked error; an unexpected upstream answer gets the same. */
export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

export interface GatewayErrorDetails {
  /** The upstream `request-id`, surfaced as `extensions.requestId`. */
  requestId?: string | undefined;
  /**
   * Whole seconds to wait, surfaced as `extensions.retryAfterSeconds` (RATE_LIMITED, and
   * UPSTREAM_UNAVAILABLE when the upstream or the gateway's own bounds said).
   */
  retryAfterSeconds?: number | undefined;
  /**
   * For an upstream-caused error, whether any attempt reached the upstream, surfaced as
   * `extensions.sent`: false means the change surely was not made.
   */
  sent?: boolean | undefined;
  /** What caused it, for logs only: never serialised to the client. */
  cause?: unknown;
}

/**
 * A fault reported to the client as a GraphQL error with `extensions.code`. A `GraphQLError`
 * without an `originalError`, so yoga's masking lets it through as is; the cause stays on
 * `cause`, which `toJSON` never includes.
 */
export class GatewayError extends GraphQLError {
  override readonly name = 'GatewayError';
  readonly code: GatewayErrorCode;
  override readonly cause: unknown;

  constructor(code: GatewayErrorCode, message: string, details: GatewayErrorDetails = {}) {
    super(message, {
      extensions: {
        code,
        ...(details.requestId === undefined ? {} : { requestId: details.requestId }),
        ...(details.retryAfterSeconds === undefined
          ? {}
          : { retryAfterSeconds: details.retryAfterSeconds }),
        ...(details.sent === undefined ? {} : { sent: details.sent }),
      },
    });
    this.code = code;
    this.cause = details.cause;
  }
}
