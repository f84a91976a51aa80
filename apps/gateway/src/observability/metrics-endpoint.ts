import { createServer, type Server } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';
import type { GatewayMetrics } from './metrics.ts';

export const METRICS_PATH = '/metrics';

/** Serves `GET /metrics` in Prometheus' text format. */
export function useMetricsEndpoint(metrics: GatewayMetrics): Plugin {
  return madeBy(useMetricsEndpoint, {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || url.pathname !== METRICS_PATH) return;
      endResponse(
        new fetchAPI.Response(await metrics.registry.metrics(), {
          headers: { 'content-type': metrics.registry.contentType },
        }),
      );
    },
  });
}

/**
 * `/metrics` on its own port (`METRICS_PORT`): a bare `node:http` server answering `GET /metrics`
 * and `404` to anything else, so the main port, which an ingress routes, never serves metrics.
 * Not listening yet: `main` listens on `METRICS_PORT` and `HOST`.
 */
export function createMetricsServer(metrics: GatewayMetrics): Server {
  return createServer((request, response) => {
    const path = request.url?.split('?', 1)[0];
    if (request.method !== 'GET' || path !== METRICS_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
      },
      () => response.writeHead(500).end(),
    );
  });
}
