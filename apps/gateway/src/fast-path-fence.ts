import type { Plugin } from 'graphql-yoga';
import { useCors } from './cors/cors.ts';
import { useReadiness } from './health/health.ts';
import { useMetricsEndpoint } from './observability/metrics-endpoint.ts';
import { useRequestLog } from './observability/request-log.ts';
import { factoryOf, type PluginFactory } from './plugin-origin.ts';
import { useAcceptableResponse } from './protection/acceptable-response.ts';
import { useBodyLimit } from './protection/body-limit.ts';
import { useCsrfProtection } from './protection/csrf.ts';
import { useDisableIntrospection } from './protection/introspection.ts';
import { useGraphQLLimits } from './protection/limits.ts';
import { useHideSuggestions } from './protection/suggestions.ts';
import { useUpstreamFieldLimit } from './protection/upstream-field-limit.ts';
import { useUrlEncodedParams } from './protection/url-encoded-params.ts';
import { useTrustedDocuments } from './trusted-documents/use-trusted-documents.ts';

/**
 * The fast path's fence: every yoga plugin the fast path knows, by the factory that makes it,
 * with how the fast path keeps what that plugin does for the requests it serves without yoga.
 * `createGateway` refuses to start with the fast path on and any other plugin: whoever adds one
 * (rate limiting, tracing, an audit log, a response header) must decide here how the fast path
 * keeps it, changing the fast path if it must, or run without the fast path.
 *
 * Each sentence holds for the one instance `createGateway` makes with its own arguments, so a
 * factory may appear once among the plugins. yoga's own options (masking, the parser and
 * validation cache) are set in `createGateway` itself; the differential test covers them.
 * Tracing is no plugin: `createGateway`'s front door opens each request's span before either
 * path takes it, and the log line both paths share names it (`src/observability/request-span.ts`).
 */
export const FAST_PATH_KNOWS: ReadonlyMap<PluginFactory, string> = new Map<PluginFactory, string>([
  [
    useRequestLog,
    'the log line and the request metric: the fast path writes both through the same logGraphQLRequest, and puts the operation name in the trace as onExecute does',
  ],
  [
    useCors,
    "the CORS headers of every answer, from corsHeaders (CORS_ORIGINS): the fast path adds the same function's headers to its own answers, and takes no preflight (OPTIONS, or any Access-Control-Request-* header)",
  ],
  [useReadiness, 'answers GET /readyz only: the fast path takes POST /graphql only'],
  [useMetricsEndpoint, 'answers GET /metrics only: the fast path takes POST /graphql only'],
  [
    useCsrfProtection,
    'refuses requests a browser sends cross-site without a preflight: the fast path takes only Content-Type: application/json, which such a request cannot carry and the plugin lets through',
  ],
  [
    useAcceptableResponse,
    '406 for an Accept that allows no answer, q=0 entries dropped: the fast path takes only an Accept that yields one JSON answer, by the same walk (response-media-type.ts), and answers in the type that walk picks',
  ],
  [
    useBodyLimit,
    '413 past 100 KiB: the fast path reads only a declared Content-Length of 1 byte to 32 KiB, under the limit; chunked and larger bodies go to yoga unread',
  ],
  [
    useUrlEncodedParams,
    "parses a GET's query string and a form body, a 400 for variables or extensions that are not JSON: the fast path takes only a POST with Content-Type: application/json, which yoga's own JSON parser reads",
  ],
  [
    useGraphQLLimits,
    "Armor's token limit (parse) and its alias, depth, directive and cost rules (validate): every trusted document is parsed and validated at start through yoga's own pipeline, so a document over a limit stops the start",
  ],
  [
    useUpstreamFieldLimit,
    'a validation rule (root fields calling the upstream, MAX_UPSTREAM_FIELDS): applied to every trusted document at start, like the rules above, so a trusted document over the limit stops the start',
  ],
  [
    useDisableIntrospection,
    'a validation rule in production: applied to every trusted document at start, like the rules above',
  ],
  [
    useHideSuggestions,
    "strips graphql-js's 'Did you mean' from a result's errors in production: the fast path runs only documents that validated at start, and hands variables that do not coerce (whose messages suggest enum values) to yoga; what remains, resolver and output errors, suggests nothing",
  ],
  [
    useTrustedDocuments,
    'resolves a documentId or a text to a manifest document: the fast path serves only manifest documents, by the same hash or exact text, and leaves everything else (refusals included) to yoga',
  ],
]);

/** Names a plugin without its factory as well as a plugin object allows: where it is, what it hooks. */
function describePlugin(plugin: Plugin, index: number): string {
  const factory = factoryOf(plugin);
  const hooks = Object.keys(plugin).filter(
    (key) => typeof (plugin as Record<string, unknown>)[key] === 'function',
  );
  const made =
    factory === undefined ? 'made by no factory the fence knows' : `made by ${factory.name}`;
  return `plugin ${index} (${made}; hooks: ${hooks.join(', ') || 'none'})`;
}

/**
 * Checks that the fast path knows every plugin, each once.
 * @throws {Error} naming the first plugin it does not know, or the factory that appears twice
 */
export function assertFastPathKnows(plugins: readonly Plugin[]): void {
  const seen = new Set<PluginFactory>();
  plugins.forEach((plugin, index) => {
    const factory = factoryOf(plugin);
    if (factory === undefined || !FAST_PATH_KNOWS.has(factory)) {
      throw new Error(
        `createGateway: the fast path does not know ${describePlugin(plugin, index)}; it would skip that plugin for every request it serves. Add its factory to FAST_PATH_KNOWS (src/fast-path-fence.ts) with how the fast path keeps what it does, or start the gateway with fastPath: false (GATEWAY_FAST_PATH=off).`,
      );
    }
    if (seen.has(factory)) {
      throw new Error(
        `createGateway: ${factory.name} is installed twice; the fast path keeps what the gateway's own ${factory.name} does, not a second one's (plugin ${index}). Change its arguments in createGateway, or start the gateway with fastPath: false.`,
      );
    }
    seen.add(factory);
  });
}
