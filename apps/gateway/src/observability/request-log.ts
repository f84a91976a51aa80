import { type ExecutionResult, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GatewayMetrics } from './metrics.ts';
import { type RequestTrace, startTrace } from './request-trace.ts';

interface TracedContext {
  trace?: RequestTrace;
  /** The executed operation's name; client-chosen, so logged but never a metric label. */
  operationName?: string;
  /** Set once a GraphQL result was produced: the request counts as a GraphQL request. */
  graphqlOutcome?: string;
}

// Operation names are chosen by clients; cap what one log line carries of them.
const MAX_LOGGED_NAME = 100;

/**
 * One JSON log line and one metric per request: operation, outcome, HTTP status, durations,
 * the client-request-id sent upstream, and the upstream's status and request-id. GraphQL requests
 * log at info; probes, metrics scrapes and GraphiQL at debug. Headers are never logged.
 */
export function useRequestLog(logger: Logger, metrics: GatewayMetrics): Plugin {
  return {
    onRequest({ serverContext }) {
      (serverContext as TracedContext).trace = startTrace();
    },
    onExecute({ args }) {
      // The document's own name when the client sent no `operationName`.
      const name = getOperationAST(args.document, args.operationName)?.name?.value;
      if (name !== undefined) {
        (args.contextValue as TracedContext).operationName = name.slice(0, MAX_LOGGED_NAME);
      }
    },
    onResultProcess({ result, serverContext }) {
      const context = serverContext as TracedContext;
      const single = isSingleResult(result) ? result : undefined;
      const error = single?.errors?.[0];
      context.graphqlOutcome =
        error === undefined ? (context.trace?.outcome ?? 'ok') : errorCode(error.extensions);
    },
    onResponse({ request, response, serverContext }) {
      const context = serverContext as TracedContext;
      const trace = context.trace;
      if (trace === undefined) return;
      const durationMs = Math.round((performance.now() - trace.startedAt) * 100) / 100;
      const outcome = context.graphqlOutcome;
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
      const operation = trace.operation ?? 'none';
      metrics.recordRequest(operation, outcome);
      logger.info(
        {
          operation,
          operationName: context.operationName,
          outcome,
          status: response.status,
          durationMs,
          clientRequestId: trace.clientRequestId,
          upstream: trace.upstream,
        },
        'graphql request',
      );
    },
  };
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
