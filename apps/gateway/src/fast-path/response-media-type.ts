/** The media types of yoga's regular (single JSON result) answer, in its order of preference. */
const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'] as const;

/** The media type of a single JSON result. */
export type RegularMediaType = (typeof REGULAR_MEDIA_TYPES)[number];

function matches(offered: string, asked: string): boolean {
  const [offeredType, offeredSubtype] = offered.split('/');
  const [askedType, askedSubtype] = asked.split('/');
  return (
    (askedType === '*' || askedType === offeredType) &&
    (askedSubtype === '*' || askedSubtype === offeredSubtype)
  );
}

/**
 * The media type yoga answers a single (non-streamed) result with for this `Accept` header, or
 * `null` when yoga would not use its regular JSON processor (it would stream, or answer 406).
 * The same walk as yoga 5's `getMediaTypesForRequestInOrder` and `useResultProcessors`: entries
 * with a charset other than utf-8 are skipped, the regular processor comes last so it wins when
 * it matches at all, and among its matches the one for the first matching `Accept` entry wins,
 * `application/json` over `application/graphql-response+json` for a wildcard.
 */
export function regularMediaTypeFor(accept: string | undefined): RegularMediaType | null {
  const known = answers.get(accept);
  if (known !== undefined) return known;
  const answer = negotiate(accept);
  // Clients send a handful of distinct headers; past the bound, new ones are worked out each time.
  if (answers.size < MAX_REMEMBERED) answers.set(accept, answer);
  return answer;
}

/** Distinct `Accept` headers whose answer is remembered. */
const MAX_REMEMBERED = 64;
const answers = new Map<string | undefined, RegularMediaType | null>();

function negotiate(accept: string | undefined): RegularMediaType | null {
  const entries = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',');
  let chosen: RegularMediaType | null = null;
  for (let index = entries.length - 1; index >= 0; index--) {
    const [mediaType, ...params] = (entries[index] as string).split(';');
    if (mediaType === undefined) continue;
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    for (const offered of REGULAR_MEDIA_TYPES) {
      if (matches(offered, mediaType)) chosen = offered;
    }
  }
  return chosen;
}
