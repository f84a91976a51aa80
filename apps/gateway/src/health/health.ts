import type { Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

/** Liveness is yoga's own check at this path: 200 while the process serves requests. */
export const HEALTHZ_PATH = '/healthz';
/** Readiness: 200, or 503 once draining has begun. */
export const READYZ_PATH = '/readyz';

/** Whether the gateway should get new traffic. `main` sets `draining` on SIGTERM or SIGINT. */
export interface HealthState {
  draining: boolean;
}

export function createHealthState(): HealthState {
  return { draining: false };
}

/** Serves `GET /readyz` from `state`, before any GraphQL work. */
export function useReadiness(state: HealthState): Plugin {
  return madeBy(useReadiness, {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET' || url.pathname !== READYZ_PATH) return;
      endResponse(
        state.draining
          ? new fetchAPI.Response('draining\n', {
              status: 503,
              headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' },
            })
          : new fetchAPI.Response('ready\n', {
              headers: { 'content-type': 'text/plain; charset=utf-8' },
            }),
      );
    },
  });
}
