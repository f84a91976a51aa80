/** The media types of yoga's regular (single JSON result) answer, in its order of preference. */
const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'] as const;
/** Every media type yoga 5 can answer a query or mutation with (`useResultProcessors`). */
const STREAMING_MEDIA_TYPES = ['text/event-stream', 'multipart/mixed'] as const;

/** The media type of a single JSON result. */
export type RegularMediaType = (typeof REGULAR_MEDIA_TYPES)[number];

/** What an `Accept` header lets the gateway answer. */
export interface AcceptDecision {
  /** The type of a single JSON result yoga answers with, or `null` (it would stream, or 406). */
  regular: RegularMediaType | null;
  /** Whether yoga can answer at all (JSON or a streaming type); `false` is a 406. */
  acceptable: boolean;
  /**
   * The header yoga should see, when it differs from the one sent: the same entries without
   * those weighted `q=0`. yoga ignores weights, so it would otherwise answer with a type the
   * caller refused. `undefined` when nothing needs to change.
   */
  rewritten: string | undefined;
}

function matches(offered: string, asked: string): boolean {
  const [offeredType, offeredSubtype] = offered.split('/');
  const [askedType, askedSubtype] = asked.split('/');
  return (
    (askedType === '*' || askedType === offeredType) &&
    (askedSubtype === '*' || askedSubtype === offeredSubtype)
  );
}

// RFC 9110 12.4.2: a weight of 0 (`q=0`, `q=0.0`, up to three decimals) means "not acceptable".
const NOT_ACCEPTABLE_WEIGHT = /^q=0(?:\.0{0,3})?$/;

/**
 * What yoga answers for this `Accept` header, decided before anything runs: the same walk as
 * yoga 5's `getMediaTypesForRequestInOrder` and `useResultProcessors` (whitespace dropped, lower
 * case; entries with a charset other than utf-8 skipped; a streaming type when asked for, the
 * regular processor last so it wins when it matches at all, and among its matches the one for the
 * first matching entry, `application/json` over `application/graphql-response+json` for a
 * wildcard), over the entries not weighted `q=0`. An empty or absent header is `*` / `*`.
 *
 * yoga itself decides after executing, and answers 406 then: a mutation would have landed. The
 * gateway asks this first (`useAcceptableResponse`, and the fast path), so the two agree.
 */
export function acceptDecision(accept: string | undefined): AcceptDecision {
  const known = decisions.get(accept);
  if (known !== undefined) return known;
  const decision = decide(accept);
  // Clients send a handful of distinct headers; past the bound, new ones are worked out each time.
  if (decisions.size < MAX_REMEMBERED) decisions.set(accept, decision);
  return decision;
}

/** The media type of the regular (single JSON) answer for this `Accept`, or `null`. */
export function regularMediaTypeFor(accept: string | undefined): RegularMediaType | null {
  return acceptDecision(accept).regular;
}

/** Distinct `Accept` headers whose decision is remembered. */
const MAX_REMEMBERED = 64;
const decisions = new Map<string | undefined, AcceptDecision>();

function decide(accept: string | undefined): AcceptDecision {
  const entries = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  const kept: string[] = [];
  const mediaTypes: string[] = [];
  for (const entry of entries) {
    const [mediaType, ...params] = entry.split(';');
    if (params.some((param) => NOT_ACCEPTABLE_WEIGHT.test(param))) continue;
    kept.push(entry);
    if (mediaType === undefined) continue;
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    mediaTypes.push(mediaType);
  }
  let regular: RegularMediaType | null = null;
  for (let index = mediaTypes.length - 1; index >= 0; index--) {
    for (const offered of REGULAR_MEDIA_TYPES) {
      if (matches(offered, mediaTypes[index] as string)) regular = offered;
    }
  }
  const acceptable =
    regular !== null ||
    mediaTypes.some((asked) => STREAMING_MEDIA_TYPES.some((offered) => matches(offered, asked)));
  return {
    regular,
    acceptable,
    // Only when something was dropped and something is left: with nothing left, the request is
    // refused before yoga reads the header.
    rewritten: kept.length < entries.length && acceptable ? kept.join(',') : undefined,
  };
}

/** The `Accept` header of the 406: what the gateway can answer, utf-8 only. */
export const ANSWERABLE_MEDIA_TYPES = [...REGULAR_MEDIA_TYPES, ...STREAMING_MEDIA_TYPES]
  .map((mediaType) => `${mediaType}; charset=utf-8`)
  .join(', ');
