import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { madeBy } from '../plugin-origin.ts';
import type { GatewayMetrics } from './metrics.ts';
import { recordOperation, spanIds } from './request-span.ts';
import type { RequestTrace } from './request-trace.ts';

/**
 * The request's trace, on yoga's server context and so on the GraphQL context too: the gateway's
 * node handler puts it there for every request (`src/context.ts`). yoga's plugin types do not
 * carry a server context's own fields, hence the one cast.
 */
function traceOf(context: object): RequestTrace {
  return (context as { trace: RequestTrace }).trace;
}

// Operation names are chosen by clients; cap what one log line carries of them.
const MAX_LOGGED_NAME = 100;

/**
 * One JSON log line and one metric per request: operation, outcome, HTTP status, durations,
 * the client-request-id sent upstream, and the upstream's status and request-id. GraphQL requests
 * log at info; probes, metrics scrapes and GraphiQL at debug. Headers are never logged.
 */
export function useRequestLog(logger: Logger, metrics: GatewayMetrics): Plugin {
  return madeBy(useRequestLog, {
    onExecute({ args }) {
      // The document's own name when the client sent no `operationName`.
      const operation = getOperationAST(args.document, args.operationName);
      const trace = traceOf(args.contextValue);
      if (operation != null) trace.operationType = operation.operation;
      const name = operation?.name?.value;
      if (name !== undefined) trace.operationName = loggedName(name);
    },
    onResultProcess({ result, serverContext }) {
      const trace = traceOf(serverContext);
      trace.graphqlOutcome = resultOutcome(isSingleResult(result) ? result : undefined, trace);
    },
    onResponse({ request, response, serverContext }) {
      const trace = traceOf(serverContext);
      const durationMs = Math.round((performance.now() - trace.startedAt) * 100) / 100;
      const outcome = trace.graphqlOutcome;
      if (outcome === undefined) {
        if (logger.isLevelEnabled('debug')) {
          logger.debug(
            {
              method: request.method,
              path: pathOf(request.url),
              status: response.status,
              durationMs,
            },
            'http request',
          );
        }
        return;
      }
      logGraphQLRequest(logger, metrics, trace, trace.operationName, outcome, response.status);
    },
  });
}

/** An operation name as the log line carries it: clients choose names, so it is capped. */
export function loggedName(name: string): string {
  return name.length > MAX_LOGGED_NAME ? name.slice(0, MAX_LOGGED_NAME) : name;
}

/**
 * The request's `outcome`: the first error's code, else what the resolver recorded (a user
 * error code), else `ok`.
 */
export function resultOutcome(
  result: ExecutionResult | undefined,
  trace: RequestTrace | undefined,
): string {
  const error = result?.errors?.[0];
  return error === undefined ? (trace?.outcome ?? 'ok') : errorCode(error.extensions);
}

/**
 * Writes a GraphQL request's one log line and counts it. Shared by the yoga plugin and the fast
 * path, so both give the same line, field for field, and the same metric.
 */
export function logGraphQLRequest(
  logger: Logger,
  metrics: GatewayMetrics,
  trace: RequestTrace,
  operationName: string | undefined,
  outcome: string,
  status: number,
): void {
  const durationMs = Math.round((performance.now() - trace.startedAt) * 100) / 100;
  const operation = trace.operation ?? 'none';
  metrics.recordRequest(operation, outcome);
  recordOperation(trace, operationName, outcome);
  // pino drops the line before building it when info is off (LOG_LEVEL=warn in production).
  if (!logger.isLevelEnabled('info')) return;
  logger.info(
    {
      operation,
      operationName,
      outcome,
      status,
      durationMs,
      clientRequestId: trace.clientRequestId,
      upstream: trace.upstream,
      ...(trace.span === undefined ? {} : spanIds(trace.span)),
    },
    'graphql request',
  );
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return (
    typeof result === 'object' &&
    result !== null &&
    !Array.isArray(result) &&
    !(Symbol.asyncIterator in result)
  );
}

// Codes come from the gateway, yoga or Armor, never from the client: a bounded label set.
function errorCode(extensions: ExecutionResult['extensions'] | undefined): string {
  const code = extensions?.code;
  if (typeof code === 'string') return code;
  const http = extensions?.http as { status?: unknown } | undefined;
  return typeof http?.status === 'number' ? `HTTP_${http.status}` : 'INTERNAL_SERVER_ERROR';
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.indexOf('?', start);
  return start < 0 ? '/' : url.slice(start, end < 0 ? undefined : end);
}
