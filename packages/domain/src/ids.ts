import { z } from 'zod';
import { SEED } from './seed.ts';

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
