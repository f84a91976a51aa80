import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { madeBy } from '../plugin-origin.ts';

/**
 * Which browser origins may read the gateway's answers (`CORS_ORIGINS`, `CORS_CREDENTIALS`;
 * docs/running.md). Empty by default: a page on another origin gets no grant, so a browser never
 * hands it an answer; same-origin pages and non-browser callers are not concerned.
 */
export interface CorsPolicy {
  /** Exact origins (`https://admin.example.com`), as a browser sends them in `Origin`. */
  readonly origins: ReadonlySet<string>;
  /** `Access-Control-Allow-Credentials: true` for listed origins (cookies, client certificates). */
  readonly credentials: boolean;
}

/** No cross-origin grant: the default. */
export const NO_CORS: CorsPolicy = { origins: new Set(), credentials: false };

/**
 * `CORS_ORIGINS`: comma-separated origins, each exactly as a browser sends it (scheme, host,
 * optional port; no path, no trailing slash). `null` is refused: sandboxed iframes, `file:` pages
 * and redirects all send `Origin: null`, so granting it grants every one of them. `*` is refused
 * too: the point of the list is to name who may call.
 */
export const CorsOrigins = z
  .string()
  .optional()
  .transform((value, ctx): ReadonlySet<string> => {
    const origins = new Set<string>();
    for (const entry of (value ?? '').split(',')) {
      const origin = entry.trim();
      if (origin === '') continue;
      const problem = originProblem(origin);
      if (problem !== undefined) {
        ctx.addIssue({ code: 'custom', message: `entry ${origins.size + 1} ${problem}` });
        return z.NEVER;
      }
      origins.add(origin);
    }
    return origins;
  });

function originProblem(origin: string): string | undefined {
  if (origin === 'null') return 'is "null": never granted (sandboxed and file: pages send it)';
  if (origin === '*') return 'is "*": list the origins allowed';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'is not an origin like https://admin.example.com';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http or https';
  if (url.origin !== origin) {
    return 'must be an origin exactly as browsers send it: scheme, host and port only, lower case, no path or trailing slash';
  }
  return undefined;
}

/**
 * The CORS headers of an answer, the one function both request paths use (yoga's through
 * {@link useCors}, the fast path directly). A listed origin is granted by name, with credentials
 * only when asked for; an unlisted one gets nothing. With any origin listed, every answer
 * varies by `Origin`, so a shared cache never hands one origin's grant (or refusal) to another.
 * A preflight (`OPTIONS`, answered 204 by yoga) is granted the method and headers it asks for.
 */
export function corsHeaders(
  policy: CorsPolicy,
  origin: string | null | undefined,
  preflight?: { method: string | null; headers: string | null },
): Record<string, string> {
  if (policy.origins.size === 0) return {};
  if (origin == null || !policy.origins.has(origin)) return { vary: 'Origin' };
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'Origin' };
  if (policy.credentials) headers['access-control-allow-credentials'] = 'true';
  if (preflight?.method) headers['access-control-allow-methods'] = preflight.method;
  if (preflight?.headers) headers['access-control-allow-headers'] = preflight.headers;
  return headers;
}

/**
 * yoga's side of {@link corsHeaders}, in place of yoga's own CORS (off: it grants every origin
 * by default with credentials, `Origin: null` included, and a list of one to any caller).
 */
export function useCors(policy: CorsPolicy): Plugin {
  return madeBy(useCors, {
    // yoga's own answer to a preflight, kept: 204 with an explicit empty body (Safari waits on a
    // 204 without Content-Length: 0). What it grants is onResponse's to say, as for any answer.
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === 'OPTIONS') {
        endResponse(
          new fetchAPI.Response(null, { status: 204, headers: { 'content-length': '0' } }),
        );
      }
    },
    onResponse({ request, response }) {
      const preflight =
        request.method === 'OPTIONS'
          ? {
              method: request.headers.get('access-control-request-method'),
              headers: request.headers.get('access-control-request-headers'),
            }
          : undefined;
      const headers = corsHeaders(policy, request.headers.get('origin'), preflight);
      for (const name in headers) response.headers.set(name, headers[name] as string);
    },
  });
}
