import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

/**
 * Headers that mark a request a browser could not have sent cross-site without a CORS
 * preflight. A POST with `Content-Type: application/json` is already preflighted, so plain JSON
 * clients need none of them; a GET, or a form-like content type, needs one.
 */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight'] as const;

/** Yoga's CSRF prevention: a "simple" cross-site request gets 403 and is never parsed. */
export function useCsrfProtection(): Plugin {
  return madeBy(
    useCsrfProtection,
    useCSRFPrevention({ requestHeaders: [...CSRF_HEADERS] }) as Plugin,
  );
}
