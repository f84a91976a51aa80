import type { HeaderReader } from '../context.ts';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors/gateway-error.ts';

// RFC 6750 section 2.1: the scheme is case-insensitive, the credentials one b64token.
const BEARER = /^bearer +[A-Za-z0-9\-._~+/]+=*$/i;

/**
 * The caller's `Authorization` header when it is `Bearer <token>`, to forward verbatim; else
 * undefined. The token is never inspected: the upstream is the one that checks it.
 */
export function bearerAuthorization(headers: HeaderReader): string | undefined {
  const value = headers.get('authorization');
  return value !== null && BEARER.test(value) ? value : undefined;
}

/**
 * Like {@link bearerAuthorization}, for resolvers that call the upstream.
 * @throws {GatewayError} `UNAUTHENTICATED` when the header is missing or not a bearer token
 */
export function requireBearerAuthorization(headers: HeaderReader): string {
  const authorization = bearerAuthorization(headers);
  if (authorization === undefined) {
    throw new GatewayError(
      GATEWAY_ERROR_CODES.unauthenticated,
      'Send an `Authorization: Bearer <token>` header: this field calls the Graph API on your behalf.',
    );
  }
  return authorization;
}
