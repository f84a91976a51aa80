import type { UpstreamApi, Validated, ValidationIssue } from '@connectors/domain';

/**
 * `applicationId` is optional in the schema, since Graph's documented operations
 * (`UPSTREAM_API=graph`) do not use it and a connector screen has none; the seed's path
 * (`/applications/{applicationId}/...`) needs it, so under `seed` its absence is INVALID_INPUT
 * naming the field, with no upstream call. Added to whatever else the domain found wrong.
 */
export function requireApplicationIdUnderSeed<V>(
  api: UpstreamApi,
  applicationId: unknown,
  checked: Validated<V>,
): Validated<V> {
  if (api !== 'seed' || applicationId != null) return checked;
  const missing: ValidationIssue = {
    code: 'invalidInput',
    field: ['applicationId'],
    message:
      "applicationId is required under UPSTREAM_API=seed: the seed's path is /applications/{applicationId}/... (Graph's documented operations, UPSTREAM_API=graph, do not use it)",
  };
  return { ok: false, issues: [missing, ...(checked.ok ? [] : checked.issues)] };
}
