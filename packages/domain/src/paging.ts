import { z } from 'zod';

/** The query key of Graph's paging token, sent literally (never `%24skiptoken`). */
export const SKIPTOKEN_QUERY_KEY = '$skiptoken';

/** The query key of a page size, sent literally. */
export const TOP_QUERY_KEY = '$top';

/**
 * Longest `$skiptoken` carried. Graph documents no maximum for its opaque tokens (fake-graph's are at most
 * about 100 characters); 2048 bounds what a gateway cursor carries (under 3 KB) while leaving room
 * for a token far longer than a page position needs.
 */
export const MAX_SKIPTOKEN_LENGTH = 2048;

// Printable ASCII only: Graph's tokens are base64-like, and anything else (spaces, control
// characters, non-ASCII) in a token would be a forgery or a corruption, not a page.
const SKIPTOKEN_CHARACTERS = /^[\x21-\x7E]+$/;

/**
 * Graph's `$skiptoken`: opaque, non-empty, printable ASCII, at most {@link MAX_SKIPTOKEN_LENGTH}
 * characters. The only thing taken from an answer's `@odata.nextLink`; the next URL is rebuilt
 * from the configured upstream, so a token is always one percent-encoded query value.
 */
export const SkipToken = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(MAX_SKIPTOKEN_LENGTH, { error: `must be at most ${MAX_SKIPTOKEN_LENGTH} characters` })
  .regex(SKIPTOKEN_CHARACTERS, { error: 'must be printable ASCII' })
  .brand<'SkipToken'>();
export type SkipToken = z.output<typeof SkipToken>;

/**
 * The `$skiptoken` of an `@odata.nextLink`; `undefined` when the link carries none or one
 * {@link SkipToken} refuses. Nothing else of the link is used: not its host, path or other options.
 */
export function skipTokenOf(nextLink: string): SkipToken | undefined {
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    return undefined;
  }
  const tokens = url.searchParams.getAll(SKIPTOKEN_QUERY_KEY);
  if (tokens.length !== 1) return undefined;
  const parsed = SkipToken.safeParse(tokens[0]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * An OData collection page: `value` plus, when more follow, `@odata.nextLink`. Extend it with the
 * item schema (`ODataPage.extend({ value: z.array(Item) })`).
 */
export const ODataPage = z.object({
  '@odata.context': z.string().optional(),
  '@odata.nextLink': z.string().optional(),
  value: z.array(z.unknown()),
});

/** Paging options of a list call: a page size, and the token of the page to read. */
export interface PageRequest {
  /** `$top`: at most this many items. */
  top?: number;
  /** `$skiptoken` of the page after the one that gave it. */
  skipToken?: SkipToken;
}

/** `$top=...&$skiptoken=...` for a page request, each value one percent-encoded component. */
export function pageQuery(page: PageRequest): string[] {
  const parts: string[] = [];
  if (page.top !== undefined) parts.push(`${TOP_QUERY_KEY}=${page.top}`);
  if (page.skipToken !== undefined) {
    parts.push(`${SKIPTOKEN_QUERY_KEY}=${encodeURIComponent(page.skipToken)}`);
  }
  return parts;
}
