import { z } from 'zod';
import { enumValueMessage, UNKNOWN_FUTURE_VALUE, type ValueNames } from './enum-message.ts';
import { DirectoryObjectId } from './ids.ts';
import { noLookAlikeCharacters } from './look-alike-characters.ts';
import { readEnum } from './unknown-enum-value.ts';
import { wellFormedUnicode } from './well-formed.ts';

export { UNKNOWN_FUTURE_VALUE, type ValueNames } from './enum-message.ts';

/** The one connector group type Graph defines today. */
export const CONNECTOR_GROUP_TYPES = ['applicationProxy'] as const;

/** Regions a client may write. */
export const WRITABLE_REGIONS = ['nam', 'eur', 'aus', 'asia', 'ind'] as const;

/** Every region a reader may see. */
export const CONNECTOR_GROUP_REGIONS = [...WRITABLE_REGIONS, UNKNOWN_FUTURE_VALUE] as const;

/** `@odata.type` of a connectorGroup representation. */
export const CONNECTOR_GROUP_ODATA_TYPE = '#microsoft.graph.connectorGroup' as const;

/** Longest group name accepted, in UTF-16 code units after trimming. */
export const MAX_GROUP_NAME_LENGTH = 256;

// The writable enums and the shapes holding them are built for a caller's value names, so an
// INVALID_INPUT message names values as that caller writes them (GraphQL: `EUR`, REST: `eur`).
const connectorGroupType = (names: ValueNames) =>
  z.enum(CONNECTOR_GROUP_TYPES, {
    error: (issue) => enumValueMessage(CONNECTOR_GROUP_TYPES, issue.input, names),
  });
const connectorGroupRegion = (names: ValueNames) =>
  z.enum(WRITABLE_REGIONS, {
    error: (issue) => enumValueMessage(WRITABLE_REGIONS, issue.input, names, 'regions'),
  });

/** The connector group type as written: only the values Graph defines. */
export const ConnectorGroupType = connectorGroupType({});
export type ConnectorGroupType = z.infer<typeof ConnectorGroupType>;

/** Every type a reader may see. */
export const CONNECTOR_GROUP_TYPES_READ = [...CONNECTOR_GROUP_TYPES, UNKNOWN_FUTURE_VALUE] as const;

/** A type as read: an unknown string reads as `unknownFutureValue`, never as a failure. */
export const ConnectorGroupTypeRead = readEnum('connectorGroupType', CONNECTOR_GROUP_TYPES);
export type ConnectorGroupTypeRead = z.output<typeof ConnectorGroupTypeRead>;

/** A region as written: `unknownFutureValue` is refused. */
export const ConnectorGroupRegion = connectorGroupRegion({});
export type ConnectorGroupRegion = z.infer<typeof ConnectorGroupRegion>;

/** A region as read: an unknown string reads as `unknownFutureValue`. */
export const ConnectorGroupRegionRead = readEnum('region', WRITABLE_REGIONS);
export type ConnectorGroupRegionRead = z.output<typeof ConnectorGroupRegionRead>;

// C0 and C1 control characters (tab and newline included): a name is shown in portals and logs.
const CONTROL_CHARACTER = /\p{Cc}/u;
// Matches only an unpaired surrogate: with the `u` flag a well-formed pair is one code point.

/**
 * A group name as written: control characters, lone surrogates and characters that make a name
 * look like another (zero-width, bidirectional controls) refused (before trimming, so a trailing
 * newline is refused rather than silently dropped), then trimmed, then 1 to 256 UTF-16 code units.
 *
 * The length is checked by hand, not with `.min()`/`.max()`: zod 4 counts code points there
 * (measured on 4.6.7: 256 emoji, 512 code units, passed `.max(256)`), while docs/rest-upstream.md and
 * Graph's .NET service count code units, JavaScript's `length`.
 *
 * Branded, like {@link DirectoryObjectId}: a group built from a parsed name needs no second check.
 */
export const ConnectorGroupName = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .refine((value) => !CONTROL_CHARACTER.test(value), {
    error: 'must not contain control characters (such as tabs or line breaks)',
  })
  .check(wellFormedUnicode)
  .check(noLookAlikeCharacters)
  .trim()
  .refine((value) => value.length >= 1, { error: 'must not be empty or only spaces' })
  .refine((value) => value.length <= MAX_GROUP_NAME_LENGTH, {
    error: `must be at most ${MAX_GROUP_NAME_LENGTH} characters (UTF-16 code units: most emoji count as 2)`,
  })
  // What JSON Schema can say: its lengths count code points, so 256 is a true but looser bound.
  .meta({
    minLength: 1,
    maxLength: MAX_GROUP_NAME_LENGTH,
    description: `Trimmed, 1 to ${MAX_GROUP_NAME_LENGTH} UTF-16 code units, no control characters, no zero-width or bidirectional control characters (a zero width joiner inside an emoji excepted), well-formed Unicode (no lone surrogates).`,
  })
  .brand<'ConnectorGroupName'>();
export type ConnectorGroupName = z.output<typeof ConnectorGroupName>;

const isDefault = z.boolean({
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be true or false'),
});

/**
 * A connectorGroup as read from the REST API: unknown properties ignored, unknown enum values
 * read as `unknownFutureValue`, `id` optional (a 204 carries none).
 */
export const ConnectorGroup = z.object({
  id: DirectoryObjectId.optional(),
  connectorGroupType: ConnectorGroupTypeRead,
  isDefault: z.boolean(),
  name: z.string(),
  region: ConnectorGroupRegionRead,
});
export type ConnectorGroup = z.output<typeof ConnectorGroup>;

/**
 * A connectorGroup as written. With `id`: "add to this existing group"; without: the group is
 * identified by `name`. Its parsed value is built from branded parts (`id`, `name`) and closed
 * enums, so only a parse makes one: the graph-client takes it as it comes.
 */
export const connectorGroupInput = (names: ValueNames) =>
  z.object({
    id: DirectoryObjectId.optional(),
    connectorGroupType: connectorGroupType(names),
    isDefault,
    name: ConnectorGroupName,
    region: connectorGroupRegion(names),
  });
export const ConnectorGroupInput = connectorGroupInput({});
export type ConnectorGroupInput = z.output<typeof ConnectorGroupInput>;

/** The REST request body: the written group plus its `@odata.type` (docs/rest-upstream.md). */
export const ConnectorGroupRestBody = ConnectorGroupInput.extend({
  '@odata.type': z.literal(CONNECTOR_GROUP_ODATA_TYPE).optional(),
});
export type ConnectorGroupRestBody = z.output<typeof ConnectorGroupRestBody>;

/** A connector's groups as the REST API lists them: an OData collection. */
export const ConnectorGroupCollection = z.object({
  '@odata.context': z.string().optional(),
  value: z.array(ConnectorGroup),
});
export type ConnectorGroupCollection = z.output<typeof ConnectorGroupCollection>;
