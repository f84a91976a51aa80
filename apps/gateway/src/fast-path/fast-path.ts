import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type {
  ExecutionResult,
  GraphQLError,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { maskError, processRegularResult, type YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayContext, GatewayRequest, HeaderReader, UpstreamClient } from '../context.ts';
import { type CorsPolicy, corsHeaders } from '../cors/cors.ts';
import { UNEXPECTED_ERROR_MESSAGE } from '../errors/gateway-error.ts';
import type { NodeHandler, OnUnexpected } from '../http/yoga-listener.ts';
import type { GatewayMetrics } from '../observability/metrics.ts';
import { logGraphQLRequest, loggedName, resultOutcome } from '../observability/request-log.ts';
import { inRequestContext } from '../observability/request-span.ts';
import type { RequestTrace } from '../observability/request-trace.ts';
import { documentIdHash } from '../trusted-documents/manifest.ts';
import type { CompiledDocument, TrustedDocuments } from '../trusted-documents/trusted-documents.ts';
import { ClientGone } from './client-gone.ts';
import { compileTrustedOperations, type OperationExecutor } from './compiled-operation.ts';
import { type RegularMediaType, regularMediaTypeFor } from './response-media-type.ts';

export type { NodeHandler };

/** A `node:http` request listener handed the request's trace, started when it arrived. */
export type TracedHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  trace: RequestTrace,
) => void;

/** How many requests the fast path answered itself (the rest went to yoga). */
export interface FastPathStats {
  served: number;
}

/** What the fast path is built from: the same parts yoga gets. */
export interface FastPathDeps {
  schema: GraphQLSchema;
  client: UpstreamClient;
  logger: Logger;
  /** yoga's own logger (the same pino logger): masked errors are logged through it, as yoga does. */
  yogaLogger: YogaLogger;
  metrics: GatewayMetrics;
  /** The manifest's documents, compiled at start: the only documents the fast path runs. */
  documents: TrustedDocuments;
  /** The CORS policy yoga's `useCors` applies, applied here by the same function. */
  cors: CorsPolicy;
  graphqlPath: string;
  /** The gateway's last resort, for anything that throws while the fast path answers. */
  onUnexpected: OnUnexpected;
}

/**
 * Bodies the fast path reads, at most: trusted documents are short (the client's are under
 * 400 bytes), and real variables are small. Larger bodies (up to the 100 KiB limit, and the 413s past it) go to yoga unread:
 * a miss costs the fast path a JSON parse before yoga's own, which stays small this way.
 */
export const FAST_PATH_MAX_BODY_BYTES = 32 * 1024;

const JSON_CONTENT_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);
const CONTENT_LENGTH = /^\d+$/;
// A host yoga can turn into a URL (name, IPv4 or [IPv6], optional port); anything odder goes to yoga.
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const PARAM_NAMES = new Set(['query', 'documentId', 'variables', 'operationName', 'extensions']);

/** `Headers.get` over `node:http`'s header object, for resolvers (they read two headers). */
class NodeHeaderReader implements HeaderReader {
  readonly #headers: IncomingHttpHeaders;
  constructor(headers: IncomingHttpHeaders) {
    this.#headers = headers;
  }
  get(name: string): string | null {
    const value = this.#headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

/** yoga's `processRegularResult` builds a Response; this captures what it was built from. */
class CapturedResponse {
  readonly body: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(body: string, init: { status: number; headers: Record<string, string> }) {
    this.body = body;
    this.status = init.status;
    this.headers = init.headers;
  }
}
const CAPTURE_FETCH_API = { Response: CapturedResponse } as unknown as Parameters<
  typeof processRegularResult
>[1];

interface Params {
  query: string | undefined;
  documentId: string | undefined;
  variables: Record<string, unknown> | null | undefined;
  operationName: string | null | undefined;
}

/**
 * Reads a body the fast path could take: a plain object of the GraphQL-over-HTTP params with a
 * string `query` or a string `documentId` (or both), object-or-absent `variables`,
 * string-or-absent `operationName` and no `extensions` (Apollo's APQ hash travels there: yoga
 * takes it). Anything else is yoga's to answer (its 400s, its messages).
 */
function plainParams(body: Buffer): Params | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const params = parsed as Record<string, unknown>;
  for (const key in params) {
    if (params[key] != null && !PARAM_NAMES.has(key)) return undefined;
  }
  const { query, documentId, variables, operationName, extensions } = params;
  if (extensions != null) return undefined;
  if (query != null && typeof query !== 'string') return undefined;
  if (documentId != null && typeof documentId !== 'string') return undefined;
  if (query == null && documentId == null) return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return undefined;
  }
  if (operationName != null && typeof operationName !== 'string') return undefined;
  return {
    query: query ?? undefined,
    documentId: documentId ?? undefined,
    variables: variables as Params['variables'],
    operationName: operationName as Params['operationName'],
  };
}

/**
 * A body already read, as yoga's adapter (`@whatwg-node/server`) takes it in place of the request
 * stream: an object with own keys (the adapter counts them) that is async-iterable. Not the Buffer
 * itself: the adapter's `Object.keys` on a Buffer lists every byte, 5 ms for 100 KiB.
 */
class ReadBody {
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    yield this.bytes;
  }
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/**
 * The manifest document a request names, by `documentId` or by exact text; with both, they must
 * name the same one (else yoga answers the mismatch).
 */
function trustedDocument(
  documents: TrustedDocuments,
  params: Params,
): CompiledDocument | undefined {
  if (params.documentId === undefined) {
    return params.query === undefined ? undefined : documents.byText(params.query);
  }
  const named = documents.byHash(documentIdHash(params.documentId));
  if (named === undefined || (params.query !== undefined && params.query !== named.text)) {
    return undefined;
  }
  return named;
}

/**
 * The gateway's fast path (issue 6, fenced in issue 11): serves the common request, a JSON
 * `POST /graphql` of a trusted document (the manifest's, compiled at start through yoga's own
 * parse and validate), straight from `node:http`, skipping yoga's Fetch-API adapter and plugin
 * pipeline, and hands every other request to `yoga` unchanged. Which plugins it may run beside
 * is fenced (`src/fast-path-fence.ts`). What it serves, it serves as yoga would: the same
 * document and schema, executed by a query graphql-jit compiled at start
 * (`compiled-operation.ts`: graphql-js's results, errors included, or graphql-js `execute`
 * itself where it cannot compile), the same context for resolvers, yoga's own error masking
 * (`maskError`, logged as yoga logs it) and result processing (`processRegularResult`: status,
 * content type, body), yoga's default CORS headers, and the same log line and metric.
 *
 * Taken only when every header says yoga would do nothing else: `POST` to exactly the GraphQL
 * path, `Content-Type: application/json` (with at most `charset=utf-8`), a declared length of at
 * most {@link FAST_PATH_MAX_BODY_BYTES} and no `Transfer-Encoding`, an `Accept` yoga answers with
 * one JSON result, a plain host, no CORS preflight headers. Then the body is read; a body that is
 * not plain params (above), a document outside the manifest (named by a hash or a text the manifest does not
 * hold), an operation that is not there, or variables that do
 * not coerce (graphql-js reports those before any resolver runs) also go to yoga, with the body
 * already read handed over as `request.body` (see {@link ReadBody}).
 */
export function createFastPath(
  deps: FastPathDeps,
  yoga: TracedHandler,
  stats: FastPathStats = { served: 0 },
): TracedHandler {
  const { documents, graphqlPath } = deps;
  const executors = compileTrustedOperations(deps.schema, documents, deps.logger);

  function toYoga(
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
    trace: RequestTrace,
  ): void {
    (request as IncomingMessage & { body?: ReadBody }).body = new ReadBody(body);
    yoga(request, response, trace);
  }

  function serve(
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
    mediaType: RegularMediaType,
    trace: RequestTrace,
  ): void {
    const params = plainParams(body);
    const trusted = params === undefined ? undefined : trustedDocument(documents, params);
    if (params === undefined || trusted === undefined) {
      toYoga(request, response, body, trace);
      return;
    }
    const operation: OperationDefinitionNode | undefined =
      params.operationName == null
        ? trusted.soleOperation
        : trusted.operations.get(params.operationName);
    if (operation === undefined || operation.operation === 'subscription') {
      toYoga(request, response, body, trace);
      return;
    }
    // As useRequestLog's onExecute records it on yoga's path, for the span's name.
    trace.operationType = operation.operation;

    const clientGone = new ClientGone();
    // As yoga's adapter does: a response closed before it finished means the client left.
    const onClose = () => {
      if (!response.writableFinished) clientGone.abort();
    };
    response.once('close', onClose);
    const gatewayRequest: GatewayRequest = {
      headers: new NodeHeaderReader(request.headers),
      signal: clientGone,
    };
    // As yoga's context holds them once the trusted-documents plugin resolved a documentId.
    params.query = trusted.text;
    params.documentId = undefined;
    const context: GatewayContext & { params: Params } = {
      client: deps.client,
      request: gatewayRequest,
      trace,
      params,
    };
    // Every operation of every trusted document has one (compileTrustedOperations).
    const run = executors.get(operation) as OperationExecutor;
    let result: ExecutionResult | Promise<ExecutionResult>;
    try {
      result = run(params.variables, context);
    } catch (error) {
      stats.served++;
      finish(request, response, mediaType, trace, operation, failed(error));
      return;
    }
    if (isPromiseLike(result)) {
      stats.served++;
      // Settled outside the listener's try: what throws here would otherwise be an unhandled
      // rejection, which ends the process.
      const settle = (settled: ExecutionResult) => {
        try {
          finish(request, response, mediaType, trace, operation, settled);
        } catch (error) {
          deps.onUnexpected(request, response, error);
        }
      };
      result.then(settle, (error: unknown) => settle(failed(error)));
      return;
    }
    // A synchronous result with errors and no data is a request error (variables that do not
    // coerce): nothing ran, and yoga answers those with its own executor's messages.
    if (result.errors !== undefined && !('data' in result)) {
      response.removeListener('close', onClose);
      toYoga(request, response, body, trace);
      return;
    }
    stats.served++;
    finish(request, response, mediaType, trace, operation, result);
  }

  function failed(error: unknown): ExecutionResult {
    return { errors: [error as GraphQLError] };
  }

  function finish(
    request: IncomingMessage,
    response: ServerResponse,
    mediaType: RegularMediaType,
    trace: RequestTrace,
    operation: OperationDefinitionNode,
    executed: ExecutionResult,
  ): void {
    let result = executed;
    if (result.errors !== undefined) {
      // yoga's masking (useMaskedErrors with yoga's maskError, isDev false), logging each error
      // it replaces, as yoga does.
      result = {
        ...result,
        errors: result.errors.map((error) => {
          const masked = maskError(error, UNEXPECTED_ERROR_MESSAGE, false);
          if (masked !== error) deps.yogaLogger.error(error);
          return masked as GraphQLError;
        }),
      };
    }
    const processed = processRegularResult(
      result,
      CAPTURE_FETCH_API,
      mediaType,
    ) as unknown as CapturedResponse;
    const name = operation.name?.value;
    logGraphQLRequest(
      deps.logger,
      deps.metrics,
      trace,
      name === undefined ? undefined : loggedName(name),
      resultOutcome(result, trace),
      processed.status,
    );
    if (response.destroyed || response.writableEnded) return;
    const headers: Record<string, string | number> = {
      ...processed.headers,
      'content-length': Buffer.byteLength(processed.body),
    };
    // The same headers, in the same order, as useCors sets on yoga's answer.
    Object.assign(headers, corsHeaders(deps.cors, request.headers.origin));
    response.writeHead(processed.status, headers);
    response.end(processed.body);
  }

  return (request, response, trace) => {
    const headers = request.headers;
    const declared = headers['content-length'];
    const contentType = headers['content-type'];
    const host = headers.host;
    if (
      request.method !== 'POST' ||
      request.url !== graphqlPath ||
      contentType === undefined ||
      !JSON_CONTENT_TYPES.has(contentType) ||
      declared === undefined ||
      !CONTENT_LENGTH.test(declared) ||
      headers['transfer-encoding'] !== undefined ||
      headers['access-control-request-method'] !== undefined ||
      headers['access-control-request-headers'] !== undefined ||
      (host !== undefined && !PLAIN_HOST.test(host))
    ) {
      yoga(request, response, trace);
      return;
    }
    const length = Number(declared);
    const mediaType =
      length > 0 && length <= FAST_PATH_MAX_BODY_BYTES ? regularMediaTypeFor(headers.accept) : null;
    if (mediaType === null) {
      yoga(request, response, trace);
      return;
    }

    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      try {
        // The body's `end` runs outside the context the handler was called in.
        inRequestContext(trace, () => serve(request, response, body, mediaType, trace));
      } catch (error) {
        // A bug here must not take the process down, nor show its stack.
        deps.onUnexpected(request, response, error);
      }
    });
    // The client went away mid-body: there is no one to answer.
    request.once('error', () => response.destroy());
  };
}
