import { z } from 'zod';
import { connectorGroupReference } from './connector-group-reference.ts';
import { connectorMemberOfRefPath } from './graph-api-path.ts';
import type { DirectoryObjectId } from './ids.ts';

/**
 * Graph's JSON batching (docs/rest-upstream.md, "JSON batching"): `POST {version}/$batch` with
 * `{ requests: [{ id, method, url, headers?, body?, dependsOn? }] }`, answered 200 with
 * `{ responses: [{ id, status, headers?, body? }] }` in any order. One schema for both sides:
 * fake-graph parses requests with it, the graph-client reads answers with it.
 */

/** Graph's limit: more steps than this in one batch is a 400 for the whole batch. */
export const MAX_BATCH_STEPS = 20;

/** The batch endpoint, relative to the base with its version path (`$batch` literal). */
export const BATCH_PATH = '/$batch';

/** Methods a step may use (Graph's batching takes the REST methods; no HEAD, no OPTIONS). */
export const BATCH_METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

// A step's URL is relative to the version root: `/onPremisesPublishingProfiles/...` or
// `users?$top=1`. An absolute URL, a scheme-relative `//host` or a second version segment would
// let one batch reach somewhere other than the service it was sent to.
const ABSOLUTE_OR_SCHEME_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\)/i;

/** A step's `url`: relative to the version root, never absolute. */
export const BatchStepUrl = z
  .string()
  .min(1, { error: 'must not be empty' })
  .refine((url) => !ABSOLUTE_OR_SCHEME_RELATIVE.test(url), {
    error:
      'must be relative to the version root (e.g. /onPremisesPublishingProfiles/...), not an absolute URL',
  });

const hasHeader = (headers: Record<string, string> | undefined, name: string) =>
  headers !== undefined && Object.keys(headers).some((key) => key.toLowerCase() === name);

/** One request of a batch. A step with a body must say its `Content-Type`, as Graph requires. */
export const BatchStepRequest = z
  .object({
    id: z.string().min(1, { error: 'must not be empty' }),
    method: z
      .string()
      .transform((method) => method.toUpperCase())
      .pipe(z.enum(BATCH_METHODS)),
    url: BatchStepUrl,
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
    dependsOn: z.array(z.string().min(1)).optional(),
  })
  .refine((step) => step.body === undefined || hasHeader(step.headers, 'content-type'), {
    error: 'has a body but no Content-Type header',
    path: ['headers'],
  });
export type BatchStepRequest = z.output<typeof BatchStepRequest>;

/**
 * A whole batch: 1 to {@link MAX_BATCH_STEPS} steps, ids unique, every `dependsOn` naming
 * another step of the same batch. Each problem names the step by its index.
 */
export const BatchRequest = z
  .object({
    requests: z
      .array(BatchStepRequest)
      .min(1, { error: 'must hold at least one request' })
      .max(MAX_BATCH_STEPS, {
        error: `must hold at most ${MAX_BATCH_STEPS} requests (Graph's limit for one batch)`,
      }),
  })
  .superRefine(({ requests }, ctx) => {
    const ids = new Set<string>();
    requests.forEach((step, index) => {
      if (ids.has(step.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requests', index, 'id'],
          message: `repeats the id ${JSON.stringify(step.id)}: each request's id must be unique`,
        });
      }
      ids.add(step.id);
    });
    requests.forEach((step, index) => {
      for (const dependency of step.dependsOn ?? []) {
        if (dependency === step.id || !ids.has(dependency)) {
          ctx.addIssue({
            code: 'custom',
            path: ['requests', index, 'dependsOn'],
            message: `names ${JSON.stringify(dependency)}, which is not another request of this batch`,
          });
        }
      }
    });
  });
export type BatchRequest = z.output<typeof BatchRequest>;

/** One step's answer. Tolerant: unknown properties are kept, `headers` and `body` optional. */
export const BatchStepResponse = z.looseObject({
  id: z.string(),
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
});
export type BatchStepResponse = z.output<typeof BatchStepResponse>;

/** A batch's answer: one response per step, in any order. */
export const BatchResponse = z.looseObject({
  responses: z.array(BatchStepResponse),
});
export type BatchResponse = z.output<typeof BatchResponse>;

/**
 * A step's header by name, compared case-insensitively (Graph's step headers keep their
 * service's casing: `Retry-After`, `retry-after`).
 */
export function batchStepHeader(
  step: Pick<BatchStepResponse, 'headers'>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(step.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * The batch step that moves one connector into a group under Graph's documented operation:
 * `POST /onPremisesPublishingProfiles/applicationProxy/connectors/{connectorId}/memberOf/$ref`,
 * its url relative (`$ref` literal) and its body the `@odata.id` reference built on `base` (the
 * upstream with its version path, as in a single call). No `dependsOn`: every move stands alone,
 * so one failure never turns the others into 424s.
 * @param id the step's id within its batch
 * @param clientRequestId the step's own `client-request-id`
 * @throws {TypeError} for a bad base
 */
export function connectorMoveStep(
  id: string,
  connectorId: DirectoryObjectId,
  groupId: DirectoryObjectId,
  base: string,
  clientRequestId: string,
): BatchStepRequest {
  return {
    id,
    method: 'POST',
    url: connectorMemberOfRefPath(connectorId),
    headers: { 'Content-Type': 'application/json', 'client-request-id': clientRequestId },
    body: connectorGroupReference(base, groupId),
  };
}
