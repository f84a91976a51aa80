import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';

/**
 * Graph's page size where a caller sends no `$top`: 100, the directory's documented default for
 * most lists. Small enough that the realistic tenant's 40-odd connectors page with a `$top` below it.
 */
export const DEFAULT_PAGE_SIZE = 100;

/** The largest `$top` accepted: 999, the directory's documented maximum page size. */
export const MAX_PAGE_SIZE = 999;

/**
 * Where a page starts: after the item with this position (a row's sort key). Keyset rather than
 * offset, so a row inserted while a caller pages is never served twice, and none is skipped: a
 * new row sorts after every position already handed out (rowids only grow).
 */
export type PagePosition = readonly number[];

/** A page request as parsed from the query: its size and where it starts. */
export interface PageRequest {
  top: number;
  after: PagePosition | undefined;
}

/** A page of items and, when more follow, the position to resume after. */
export interface Page<T> {
  items: T[];
  next: PagePosition | undefined;
}

const badRequest = (message: string) =>
  new GraphHttpError(400, FAKE_GRAPH_ERROR_CODES.invalidQuery, message);

/**
 * The token is opaque to callers, as Graph's is: base64url of the list's name and the position.
 * Naming the list means a token from one list (a group's members) is refused by another.
 */
export function encodeSkipToken(list: string, position: PagePosition): string {
  return Buffer.from(JSON.stringify({ list, after: position })).toString('base64url');
}

function decodeSkipToken(list: string, token: string): PagePosition {
  const refused = () => badRequest(`Invalid $skiptoken '${token.slice(0, 100)}' for this list.`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const { list: named, after } = (decoded ?? {}) as { list?: unknown; after?: unknown };
  if (
    named !== list ||
    !Array.isArray(after) ||
    after.length === 0 ||
    !after.every((key) => Number.isSafeInteger(key))
  ) {
    throw refused();
  }
  return after as number[];
}

/**
 * Reads `$top` and `$skiptoken` (with or without the `$`, as Graph's beta does).
 * @throws {GraphHttpError} 400 for a `$top` that is not a whole number from 1 to
 *   {@link MAX_PAGE_SIZE}, a token that is not this list's, or an option given twice
 */
export function parsePageRequest(list: string, top: string[], skipTokens: string[]): PageRequest {
  if (top.length > 1 || skipTokens.length > 1) {
    throw badRequest('A paging query option was specified more than once.');
  }
  let size = DEFAULT_PAGE_SIZE;
  const [topValue] = top;
  if (topValue !== undefined) {
    if (
      !/^[0-9]{1,4}$/.test(topValue) ||
      Number(topValue) < 1 ||
      Number(topValue) > MAX_PAGE_SIZE
    ) {
      throw badRequest(
        `Invalid page size specified: '${topValue.slice(0, 20)}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`,
      );
    }
    size = Number(topValue);
  }
  const [token] = skipTokens;
  return { top: size, after: token === undefined ? undefined : decodeSkipToken(list, token) };
}

/**
 * `@odata.nextLink`: the request's own URL (its other options kept, as Graph's link keeps them)
 * with `$skiptoken` set to the next position.
 */
export function nextLink(requestUrl: URL, base: string, list: string, next: PagePosition): string {
  const params = new URLSearchParams();
  for (const [key, value] of requestUrl.searchParams) {
    if (key.replace(/^\$/, '').toLowerCase() !== 'skiptoken') params.append(key, value);
  }
  params.append('$skiptoken', encodeSkipToken(list, next));
  // URLSearchParams writes `%24`; Graph's links carry their options' `$` literally.
  const query = params.toString().replaceAll('%24', '$');
  const path = requestUrl.pathname.split('/').slice(2).join('/');
  return `${base}/${path}?${query}`;
}
