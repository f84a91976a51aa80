import { CONNECTOR_GROUPS_PATH } from './connector-group-reference.ts';
import { API_VERSIONS } from './routes.ts';

/** What the filter reads and writes of the request the verifier's express proxy received. */
export interface FilteredRequest {
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * The verifier's `requestFilter`: an express middleware run before each replayed request (typed
 * here by what it uses, since pact-js's type names express's, which is not a dependency of ours).
 */
export type PactRequestFilter = (req: FilteredRequest, res: unknown, next: () => void) => void;

const REFERENCE_PATH = new RegExp(
  `^/(?:${API_VERSIONS.map((version) => version.replace('.', '\\.')).join('|')})${CONNECTOR_GROUPS_PATH}(?:/|\\()`,
  'i',
);

/**
 * Points an `@odata.id` that names a connector group at the provider being verified. A pact's
 * example reference carries the base the consumer test used (its mock server's address, or a
 * fixed example), but what the consumer promises is "the group, on the service I call": fake-graph
 * refuses a reference to any other service (tested in its own tests), so the verifier must replay
 * the reference as one to fake-graph. Only the origin changes; the path, which says which group
 * and under which version, is replayed as recorded. Anything else is returned unchanged.
 */
export function rebaseReference(reference: string, providerOrigin: string): string {
  let url: URL;
  try {
    url = new URL(reference);
  } catch {
    return reference;
  }
  if (!REFERENCE_PATH.test(url.pathname) || url.origin === providerOrigin) return reference;
  return `${providerOrigin}${url.pathname}${url.search}${url.hash}`;
}

/**
 * The request filter for verifying a pact against fake-graph at `providerUrl`: rebases the
 * `@odata.id` of a JSON body, or of each JSON batch step's body ({@link rebaseReference}) and fixes `Content-Length` to match. Use
 * with the verifier's `changeOrigin: true`, so that fake-graph sees its own `Host` (what it
 * compares a reference's origin with) rather than the verifier proxy's.
 */
export function rebaseReferencesTo(providerUrl: string): PactRequestFilter {
  const providerOrigin = new URL(providerUrl).origin;
  return (req, _res, next) => {
    // pact-js has parsed a JSON body into an object by now (and forwards it re-serialised).
    const body: unknown = req.body;
    if (isObject(body) && !Buffer.isBuffer(body)) {
      const rebased = rebaseBody(body, providerOrigin);
      if (rebased !== body) {
        req.body = rebased;
        req.headers['content-length'] = String(Buffer.byteLength(JSON.stringify(rebased)));
      }
    }
    next();
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// A body's own `@odata.id`, or each JSON batch step's (`requests[].body`); the same object when
// nothing changed.
function rebaseBody(
  body: Record<string, unknown>,
  providerOrigin: string,
): Record<string, unknown> {
  const reference = body['@odata.id'];
  if (typeof reference === 'string') {
    const rebased = rebaseReference(reference, providerOrigin);
    return rebased === reference ? body : { ...body, '@odata.id': rebased };
  }
  const { requests } = body;
  if (!Array.isArray(requests)) return body;
  let changed = false;
  const steps = requests.map((step: unknown) => {
    if (!isObject(step) || !isObject(step.body)) return step;
    const stepBody = rebaseBody(step.body, providerOrigin);
    if (stepBody === step.body) return step;
    changed = true;
    return { ...step, body: stepBody };
  });
  return changed ? { ...body, requests: steps } : body;
}
