import { z } from 'zod';
import { SEED } from './seed.ts';

/**
 * The GUID shape of {@link DirectoryObjectId} as a regular-expression source, unanchored, for
 * patterns that embed an id (OpenAPI parameters, the `@odata.id` of a reference).
 */
export const GUID_PATTERN_SOURCE =
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/**
 * A Graph object id: a GUID of 8-4-4-4-12 hex digits, any version or variant.
 *
 * `z.guid()`, not `z.uuid()`: Graph ids need not be RFC 4122 UUIDs (the seed's own connector id,
 * `SEED.connectorId`, has no valid version nibble).
 */
export const DirectoryObjectId = z.guid({
  error: (issue) =>
    issue.input === undefined
      ? 'is required'
      : `must be a GUID (8-4-4-4-12 hex digits, e.g. ${SEED.applicationId})`,
});
export type DirectoryObjectId = z.infer<typeof DirectoryObjectId>;

/** True when `value` is a GUID in the sense of {@link DirectoryObjectId}. */
export function isDirectoryObjectId(value: unknown): value is DirectoryObjectId {
  return DirectoryObjectId.safeParse(value).success;
}
