import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/gateway-error.ts';
import { bearerAuthorization, requireBearerAuthorization } from './bearer-token.ts';

const headers = (authorization?: string) =>
  new Headers(authorization === undefined ? {} : { authorization });
const b64token = fc.stringMatching(/^[A-Za-z0-9\-._~+/]+=*$/);

describe('bearerAuthorization', () => {
  it('returns any RFC 6750 bearer credential verbatim, the scheme in any case', () => {
    fc.assert(
      fc.property(fc.constantFrom('Bearer', 'bearer', 'BEARER'), b64token, (scheme, token) => {
        const value = `${scheme} ${token}`;
        expect(bearerAuthorization(headers(value))).toBe(value);
      }),
    );
  });

  it('refuses anything whose credential is not one b64token', () => {
    fc.assert(
      fc.property(fc.string(), (credential) => {
        // Headers trims surrounding whitespace, so a padded valid token is still valid.
        fc.pre(!/^[A-Za-z0-9\-._~+/]+=*$/.test(credential.trim()));
        expect(bearerAuthorization(headers(`Bearer ${credential}`))).toBeUndefined();
      }),
    );
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Token abc', 'Bearerabc'])(
    'refuses %j',
    (value) => {
      expect(bearerAuthorization(headers(value))).toBeUndefined();
      expect(() => requireBearerAuthorization(headers(value))).toThrow(GatewayError);
    },
  );

  it('throws UNAUTHENTICATED, naming the header but no value', () => {
    try {
      requireBearerAuthorization(headers('Basic c2VjcmV0'));
      expect.unreachable();
    } catch (error) {
      expect((error as GatewayError).extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect((error as GatewayError).message).not.toContain('c2VjcmV0');
    }
  });
});
