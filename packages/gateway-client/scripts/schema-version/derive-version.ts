import type { SchemaStamp } from './schema-stamp.ts';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;

/**
 * The client's next version, from the schema it was last generated from and the schema now.
 *
 * - The released schema changed: `pnpm schema:release` ran, which the schema guard demands only
 *   for a breaking change, so this is a major (a frontend's `^1` must not pick it up).
 * - Only the current schema changed: additions the guard let through (a field, an enum value, an
 *   operation), so a minor.
 * - Neither: the same version (client-only fixes are a patch, bumped by hand).
 */
export function deriveVersion(
  version: string,
  recorded: SchemaStamp,
  current: SchemaStamp,
): string {
  const parts = SEMVER.exec(version);
  if (parts === null) throw new Error(`version ${version} is not major.minor.patch`);
  const [major, minor] = [Number(parts[1]), Number(parts[2])];
  if (recorded.released !== current.released) return `${major + 1}.0.0`;
  if (recorded.schema !== current.schema) return `${major}.${minor + 1}.0`;
  return version;
}
