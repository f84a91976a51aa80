import type { SkipToken } from '@connectors/domain';
import { type CursorPosition, encodeCursor, MAX_UPSTREAM_TOP } from './cursor.ts';

/** Relay's `pageInfo`. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A Relay connection as the resolvers return it. */
export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
}

/** What to ask the upstream for: the page's token, and `$top` covering the skipped items too. */
export function upstreamPage(position: CursorPosition | undefined, first: number) {
  const skip = position?.skip ?? 0;
  return {
    top: Math.min(skip + first, MAX_UPSTREAM_TOP),
    skip,
    ...(position?.token === undefined ? {} : { skipToken: position.token }),
  };
}

/**
 * The connection of an upstream page: the items after the skipped ones, each edge's cursor the
 * position right after it (mid-page: the same token and one more item skipped; the page's last
 * item, when another page follows: the next page's token), `hasNextPage` when one does.
 */
export function connectionOf<T>(
  list: string,
  asked: { skip: number; skipToken?: SkipToken },
  items: readonly T[],
  nextSkipToken: SkipToken | undefined,
): Connection<T> {
  const shown = items.slice(asked.skip);
  const edges = shown.map((node, index) => {
    const last = index === shown.length - 1;
    const position: CursorPosition =
      last && nextSkipToken !== undefined
        ? { list, token: nextSkipToken, skip: 0 }
        : {
            list,
            ...(asked.skipToken === undefined ? {} : { token: asked.skipToken }),
            skip: Math.min(asked.skip + index + 1, MAX_UPSTREAM_TOP - 1),
          };
    return { node, cursor: encodeCursor(position) };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: nextSkipToken !== undefined,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
