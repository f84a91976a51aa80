import { createHmac, timingSafeEqual } from 'node:crypto';
import { SkipToken } from '@connectors/domain';
import { z } from 'zod';

/**
 * The largest `first` a list accepts: 100. A page of 100 connectors with their groups is one
 * upstream call of about 41 KB (measured on fake-graph's tenant: 411 bytes a connector with its group),
 * a screen's worth; more is a bulk export, which is not what this API is for.
 */
export const MAX_FIRST = 100;

/** `first` when the caller gives none (API.md section 8). */
export const DEFAULT_FIRST = 50;

/** Graph's largest `$top` (the directory's 999): a cursor's offset plus `first` stays within it. */
export const MAX_UPSTREAM_TOP = 999;

// An HMAC, not a secret: it tells an edited or made-up cursor from one this gateway gave out, so
// a tampered cursor is refused before any upstream call, and every replica (and a restarted
// process) accepts the others' cursors. What a forger could still send is a well-formed
// `$skiptoken` of at most 2048 printable characters, percent-encoded as one query value to the
// configured upstream, which checks its own tokens: nothing a caller could not ask Graph directly.
const INTEGRITY_KEY = 'connector-gateway cursor v1';
const MAC_LENGTH = 22; // 128 bits of the HMAC, base64url

/**
 * Where a page resumes: in the list `list` (its filter included, so a cursor of one list is
 * refused by another), Graph's page `token` (absent: the first page), after `skip` of its items.
 * Edges inside a page resume mid-page; the last edge resumes at the next page's token.
 */
export const CursorPosition = z.object({
  list: z.string().min(1).max(200),
  token: SkipToken.optional(),
  skip: z
    .number()
    .int()
    .min(0)
    .max(MAX_UPSTREAM_TOP - 1),
});
export type CursorPosition = z.output<typeof CursorPosition>;

function mac(payload: string): string {
  return createHmac('sha256', INTEGRITY_KEY)
    .update(payload)
    .digest('base64url')
    .slice(0, MAC_LENGTH);
}

/** The opaque cursor of a position: base64url JSON, a dot, its integrity code. */
export function encodeCursor(position: CursorPosition): string {
  const payload = Buffer.from(
    JSON.stringify({ l: position.list, t: position.token, s: position.skip }),
  ).toString('base64url');
  return `${payload}.${mac(payload)}`;
}

/**
 * The position of a cursor this gateway gave out for `list`; `undefined` for anything else: not a
 * cursor, edited, or another list's.
 */
export function decodeCursor(cursor: string, list: string): CursorPosition | undefined {
  if (cursor.length > 4096) return undefined;
  const [payload, code, ...rest] = cursor.split('.');
  if (payload === undefined || code === undefined || rest.length > 0) return undefined;
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(code);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const { l, t, s } = (decoded ?? {}) as { l?: unknown; t?: unknown; s?: unknown };
  const parsed = CursorPosition.safeParse({ list: l, token: t, skip: s });
  return parsed.success && parsed.data.list === list ? parsed.data : undefined;
}
