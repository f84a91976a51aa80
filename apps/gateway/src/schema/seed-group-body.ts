import {
  GROUP_BODY_FIELDS,
  type UpstreamApi,
  type Validated,
  type ValidationIssue,
} from '@connectors/domain';

/**
 * Under `UPSTREAM_API=seed` the add's body is the whole group (docs/rest-upstream.md): each of
 * {@link GROUP_BODY_FIELDS} left out (or null) is INVALID_INPUT naming it, with no upstream call.
 * Under `graph` the group is referenced by id (or found by name), so they stay optional. Added to
 * whatever else was found wrong; a field the domain already refused is not named twice.
 */
export function requireGroupBodyUnderSeed<V>(
  api: UpstreamApi,
  group: Readonly<Record<(typeof GROUP_BODY_FIELDS)[number], unknown>>,
  checked: Validated<V>,
): Validated<V> {
  if (api !== 'seed') return checked;
  const named = new Set(checked.ok ? [] : checked.issues.map((issue) => issue.field.join('.')));
  const missing = GROUP_BODY_FIELDS.filter(
    (field) => group[field] == null && !named.has(`connectorGroup.${field}`),
  ).map(
    (field): ValidationIssue => ({
      code: 'invalidInput',
      field: ['connectorGroup', field],
      message: `connectorGroup.${field} is required under UPSTREAM_API=seed: the seed's body is the whole group (under UPSTREAM_API=graph an add by id needs only the id)`,
    }),
  );
  if (missing.length === 0) return checked;
  return { ok: false, issues: [...(checked.ok ? [] : checked.issues), ...missing] };
}
