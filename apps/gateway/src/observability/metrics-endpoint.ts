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
