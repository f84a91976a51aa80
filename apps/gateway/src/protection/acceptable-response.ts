import type { Plugin } from 'graphql-yoga';
import { ANSWERABLE_MEDIA_TYPES, acceptDecision } from '../fast-path/response-media-type.ts';

/**
 * `406 Not Acceptable` before anything is parsed or executed, when the request's `Accept`
 * allows nothing yoga can answer (API.md section 3). yoga decides this itself only after
 * executing, so a mutation landed while its caller was told 406 (and its retry then met
 * `ALREADY_MEMBER`). The decision is yoga's own walk over the header (`acceptDecision`), with
 * entries weighted `q=0` left out; the same decision keeps the fast path off such requests.
 *
 * It runs where yoga starts a GraphQL request (`onRequestParse`): the routes that end earlier
 * (`/healthz`, `/readyz`, `/metrics`, GraphiQL, CORS preflights, CSRF refusals) are untouched.
 * A header with some `q=0` entries is handed on without them, so yoga does not answer with a
 * type the caller refused (it ignores weights).
 */
export function useAcceptableResponse(): Plugin {
  return {
    onRequest({ request }) {
      const rewritten = acceptDecision(request.headers.get('accept') ?? undefined).rewritten;
      if (rewritten !== undefined) request.headers.set('accept', rewritten);
    },
    onRequestParse({ request, endResponse, fetchAPI }) {
      if (acceptDecision(request.headers.get('accept') ?? undefined).acceptable) return;
      endResponse(
        new fetchAPI.Response(null, {
          status: 406,
          statusText: 'Not Acceptable',
          headers: { accept: ANSWERABLE_MEDIA_TYPES },
        }),
      );
    },
  };
}
