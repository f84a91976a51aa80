/**
 * Valid requests: every legitimate variation of host, accept, content type, framing, target
 * form, token, ids and name. Each combination must reach the upstream exactly once.
 */
import fc from 'fast-check';
import type { Base, Operation, Region } from './model.ts';

// Zero-width and bidirectional controls (docs/rest-upstream.md), a joiner between two emoji aside.
const LOOK_ALIKE = /[\u180E\u200B\u200C\u2060\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const LONE_JOINER =
  /(?<!\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]*)\u200D|\u200D(?!\p{Extended_Pictographic})/u;

/** docs/rest-upstream.md's name rule, written from the spec (not the domain's code). */
export function isValidName(name: string): boolean {
  const trimmed = name.trim();
  return (
    !/\p{Cc}/u.test(name) &&
    !/\p{Cs}/u.test(name) &&
    !LOOK_ALIKE.test(name) &&
    !LONE_JOINER.test(name) &&
    trimmed.length >= 1 &&
    trimmed.length <= 256
  );
}

export const ROCKET = '\u{1F680}';
const NAME_PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  'é',
  'ß',
  '東',
  '\u0301', // a combining accent
  ROCKET,
  '\u{1F469}\u200D\u{1F4BB}', // a ZWJ sequence: one grapheme, five code units
  '-',
  "'",
  '"',
  '\\',
  '/',
  '{}',
  '$ref',
  '%24',
  '<b>',
  '&amp;',
  '\u00A0', // no-break space: trimmed at the ends, kept inside
  '\u2028', // a JavaScript line terminator, not a control character
];

const validName = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc
        .array(fc.constantFrom(...NAME_PIECES), { minLength: 1, maxLength: 40 })
        .map((pieces) => pieces.join('')),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }) },
    {
      // Exactly 256 UTF-16 code units, astral characters at the edge, padding trimmed away.
      weight: 2,
      arbitrary: fc.constantFrom(
        ROCKET.repeat(128),
        `${'a'.repeat(254)}${ROCKET}`,
        `${ROCKET}${'b'.repeat(254)}`,
        'c'.repeat(256),
        `  ${ROCKET.repeat(127)}xy  `,
      ),
    },
  )
  .filter(isValidName);

const token = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(/^[A-Za-z0-9\-._~+/]{1,60}={0,2}$/) },
  { weight: 1, arbitrary: fc.constant(`eyJ${'x'.repeat(3000)}.sig`) },
);

// `PORT` is replaced by the gateway's port when rendering.
const VALID_HOSTS = [
  '127.0.0.1:PORT',
  'localhost:PORT',
  'localhost',
  'gateway.example',
  'GATEWAY.Example:443',
  '[::1]:PORT',
  'xn--bcher-kva.example',
  'under_score.example',
  'gateway.example.',
];
const VALID_ACCEPTS = [
  null,
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  '*/*',
  'application/*',
  'text/html, application/json;q=0.1',
  'application/json; charset=utf-8',
];
const VALID_CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
];
// Headers a proxy must not pass on: the upstream gets docs/rest-upstream.md's headers and nothing else.
const HARMLESS_HEADERS = [
  'Cookie: session=c2VjcmV0',
  'X-Forwarded-For: 203.0.113.7',
  'Forwarded: for=203.0.113.7',
  'Proxy-Authorization: Basic cHJveHk6c2VjcmV0',
  'User-Agent: hostile-suite/1.0',
  'X-Original-URL: /admin',
  'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
];

/** The valid request a plan starts from. */
export const base: fc.Arbitrary<Base> = fc
  .record({
    operation: fc.constantFrom<Operation>('mutation', 'mutation', 'query'),
    getForQuery: fc.boolean(),
    style: fc.constantFrom<Base['style']>('variables', 'variables', 'variables', 'inline'),
    operationName: fc.boolean(),
    upperCaseIds: fc.constantFrom(false, false, false, true),
    group: fc.record({
      withId: fc.boolean(),
      isDefault: fc.boolean(),
      region: fc.constantFrom<Region>('NAM', 'EUR', 'AUS', 'ASIA', 'IND'),
      name: validName,
    }),
    scheme: fc.constantFrom<Base['scheme']>('Bearer', 'Bearer', 'Bearer', 'bearer', 'BEARER'),
    schemeSpaces: fc.constantFrom(1, 1, 1, 2),
    token,
    clientRequestId: fc.constantFrom<Base['clientRequestId']>(
      'none',
      'guid',
      'guid',
      'upper-guid',
      'not-a-guid',
      'near-guid',
    ),
    host: fc.oneof(
      { weight: 4, arbitrary: fc.constant('127.0.0.1:PORT') },
      { weight: 2, arbitrary: fc.constantFrom(...VALID_HOSTS) },
    ),
    accept: fc.constantFrom(...VALID_ACCEPTS),
    contentType: fc.constantFrom(...VALID_CONTENT_TYPES),
    framing: fc.constantFrom<Base['framing']>(
      'length',
      'length',
      'length',
      'length',
      'chunked',
      'chunked-extensions',
      'chunked-trailer',
      'length-zeros',
    ),
    chunks: fc.integer({ min: 1, max: 6 }),
    target: fc.constantFrom<Base['target']>(
      'origin',
      'origin',
      'origin',
      'origin',
      'absolute',
      'absolute-other-host',
    ),
    csrfHeader: fc.constantFrom<Base['csrfHeader']>(
      'x-graphql-yoga-csrf',
      'graphql-require-preflight',
    ),
    extraHeaders: fc.subarray(HARMLESS_HEADERS, { maxLength: 3 }),
    expectContinue: fc.constantFrom(false, false, false, false, true),
    connection: fc.constantFrom<Base['connection']>(
      'none',
      'none',
      'none',
      'none',
      'keep-alive',
      'close',
    ),
  })
  .map(({ getForQuery, ...rest }) => {
    const transport = rest.operation === 'query' && getForQuery ? 'get' : 'post';
    // A GET preferring HTML is a browser asking for GraphiQL (a 9 MB page outside production):
    // left to the deviations, which send one now and then, rather than every sixteenth GET.
    const accept = transport === 'get' && /text\/html/.test(rest.accept ?? '') ? null : rest.accept;
    return { ...rest, accept, transport };
  });
