import { z } from 'zod';
import { SEED_GUIDS } from './seed-ids.ts';

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
 * `SEED_GUIDS.connectorId`, has no valid version nibble).
 *
 * Branded: the type is only had by parsing (or from the domain's `SEED`), so the path builders and the
 * graph-client take it as proof and never check an id again.
 */
export const DirectoryObjectId = z
  .guid({
    // The return type is written out: the seed's ids are typed with this schema's output.
    error: (issue): string =>
      issue.input === undefined
        ? 'is required'
        : `must be a GUID (8-4-4-4-12 hex digits, e.g. ${SEED_GUIDS.applicationId})`,
  })
  .brand<'DirectoryObjectId'>();
export type DirectoryObjectId = z.output<typeof DirectoryObjectId>;

const GUID = new RegExp(`^${GUID_PATTERN_SOURCE}$`);

/**
 * True when `value` is a GUID in the sense of {@link DirectoryObjectId}: its pattern tested
 * directly, as it runs for every request's `client-request-id` (a zod parse builds a result object
 * and an issue list on each miss; ids.test.ts checks the two agree).
 */
export function isDirectoryObjectId(value: unknown): value is DirectoryObjectId {
  return typeof value === 'string' && GUID.test(value);
}
