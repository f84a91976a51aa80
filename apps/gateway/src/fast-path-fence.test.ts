/**
 * Contract: the fast path runs beside known plugins only. `createGateway` with the fast path on
 * refuses a plugin whose factory the fence (`FAST_PATH_KNOWS`) does not list, and a second
 * instance of one it does, naming it; with the fast path off, any plugin runs.
 */

import type { Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { NO_CORS, useCors } from './cors/cors.ts';
import { createGateway } from './create-gateway.ts';
import { assertFastPathKnows, FAST_PATH_KNOWS } from './fast-path-fence.ts';
import { useReadiness } from './health/health.ts';
import { createLogger } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { useMetricsEndpoint } from './observability/metrics-endpoint.ts';
import { useRequestLog } from './observability/request-log.ts';
import { factoryOf } from './plugin-origin.ts';
import { useAcceptableResponse } from './protection/acceptable-response.ts';
import { useBodyLimit } from './protection/body-limit.ts';
import { useCsrfProtection } from './protection/csrf.ts';
import { useDisableIntrospection } from './protection/introspection.ts';
import { useGraphQLLimits } from './protection/limits.ts';
import { useHideSuggestions } from './protection/suggestions.ts';
import { useUpstreamFieldLimit } from './protection/upstream-field-limit.ts';
import { useUrlEncodedParams } from './protection/url-encoded-params.ts';
import { useTrustedDocuments } from './trusted-documents/use-trusted-documents.ts';

const logger = createLogger({ level: 'silent' });
const deps = (production: boolean) => ({
  client: {
    addConnectorMemberOf: () => Promise.reject(new Error('not called')),
    listConnectorMemberOf: () => Promise.reject(new Error('not called')),
    listConnectorGroups: () => Promise.reject(new Error('not called')),
  },
  logger,
  metrics: createMetrics(),
  production,
});

describe('the fast path fence', () => {
  it('knows every plugin the gateway installs itself, in development and production', () => {
    expect(() => createGateway(deps(false))).not.toThrow();
    expect(() => createGateway(deps(true))).not.toThrow();
  });

  it('knows each plugin by the factory that made it, and lists each factory once', () => {
    const metrics = createMetrics();
    const made: [unknown, Plugin][] = [
      [useRequestLog, useRequestLog(logger, metrics)],
      [useReadiness, useReadiness({ draining: false })],
      [useCors, useCors(NO_CORS)],
      [useHideSuggestions, useHideSuggestions()],
      [useMetricsEndpoint, useMetricsEndpoint(metrics)],
      [useCsrfProtection, useCsrfProtection()],
      [useAcceptableResponse, useAcceptableResponse()],
      [useBodyLimit, useBodyLimit()],
      [useGraphQLLimits, useGraphQLLimits({ production: true })],
      [useUpstreamFieldLimit, useUpstreamFieldLimit(5)],
      [useDisableIntrospection, useDisableIntrospection()],
      [useTrustedDocuments, useTrustedDocuments([], 'require')],
      [useUrlEncodedParams, useUrlEncodedParams()],
    ];
    for (const [factory, plugin] of made) expect(factoryOf(plugin)).toBe(factory);
    expect([...FAST_PATH_KNOWS.keys()].sort()).toEqual(made.map(([factory]) => factory).sort());
    for (const sentence of FAST_PATH_KNOWS.values()) expect(sentence.length).toBeGreaterThan(40);
  });

  it('refuses a plugin it does not know, naming where it is and what it hooks', () => {
    const unknown: Plugin = { onRequest() {}, onResponse() {} };
    expect(() => createGateway({ ...deps(false), plugins: [unknown] })).toThrow(
      /^createGateway: the fast path does not know plugin \d+ \(made by no factory the fence knows; hooks: onRequest, onResponse\); .*FAST_PATH_KNOWS \(src\/fast-path-fence\.ts\).*fastPath: false/,
    );
    expect(() => assertFastPathKnows([useBodyLimit(), unknown])).toThrow(/plugin 1 \(/);
  });

  it('refuses a second instance of a plugin it knows: its sentence holds for the gateway’s own', () => {
    expect(() => createGateway({ ...deps(false), plugins: [useBodyLimit(10)] })).toThrow(
      /^createGateway: useBodyLimit is installed twice/,
    );
  });

  it('lets any plugin run with the fast path off', () => {
    const unknown: Plugin = { onResponse() {} };
    expect(() =>
      createGateway({ ...deps(false), fastPath: false, plugins: [unknown, useBodyLimit(10)] }),
    ).not.toThrow();
  });
});
