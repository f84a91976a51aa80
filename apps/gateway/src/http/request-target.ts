import type { IncomingMessage } from 'node:http';

/** Why a request was refused before any route saw it. */
export type TargetFault = 'host' | 'target';

const SLASH = 47;
// RFC 9112 3.2.2: `http(s)://authority/path?query`; a fragment is not part of a request target.
const ABSOLUTE_FORM = /^https?:\/\/([^/?#]*)([^#]*)$/i;
// RFC 3986's reg-name without percent-encoding (WHATWG's URL refuses `%` in a host), or an IP
// literal, then an optional port. What passes this is checked once more as a URL (below).
const HOST = /^(?:[A-Za-z0-9._~!$&'()*+,;=-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

// `host` in character codes, lower case; a name's codes OR 0x20 are lower case (ASCII letters).
const H = 104;
const O = 111;
const S = 115;
const T = 116;
const LOWER = 0x20;

/**
 * Whether the request carries more than one `Host` field line. Node keeps the first and drops
 * the others from `request.headers`, so only `rawHeaders` shows them. One pass over the names
 * (every other entry), a length test on each and four character codes on a four-letter one: no
 * string is made. Measured in a tight loop over 8 headers (tsx, Node 20): `checkRequestTarget`
 * went from 9 to 24 ns a request.
 */
function repeatsHost(rawHeaders: readonly string[]): boolean {
  let seen = false;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] as string;
    if (
      name.length === 4 &&
      (name.charCodeAt(0) | LOWER) === H &&
      (name.charCodeAt(1) | LOWER) === O &&
      (name.charCodeAt(2) | LOWER) === S &&
      (name.charCodeAt(3) | LOWER) === T
    ) {
      if (seen) return true;
      seen = true;
    }
  }
  return false;
}

/** Hosts already found valid; a client sends one or a few, so this stays small. */
const validHosts = new Set<string>();
const MAX_REMEMBERED = 64;

/**
 * Whether `host` is a `Host` value yoga can build its request URL from, naming exactly that host:
 * the characters of RFC 3986's `uri-host [":" port]`, and a URL that parses (no port past 65535,
 * no IPv4 octet past 255, no malformed IPv6 literal). The URL parse runs once per distinct host:
 * a hit is one set lookup.
 */
export function isValidHost(host: string): boolean {
  if (validHosts.has(host)) return true;
  if (!HOST.test(host) || !URL.canParse(`http://${host}/`)) return false;
  if (validHosts.size < MAX_REMEMBERED) validHosts.add(host);
  return true;
}

/**
 * Checks a request's target and `Host` before any route sees it, and turns an absolute-form
 * target into its origin form. An HTTP/1.1 server must accept `POST http://host/graphql`
 * (RFC 9112 3.2.2): its authority replaces the `Host` header and its path and query become
 * `request.url`, so both paths (fast path and yoga) serve it exactly as `POST /graphql`. Yoga
 * builds its URL as `http://` + Host + target: an absolute target, or a Host with a space, made
 * that URL throw (a 500 with a stack); a Host with `/`, `?` or `@` would move the path.
 *
 * More than one `Host` field line is a `host` fault too, in any form of target and any version
 * (RFC 9112 3.2: 400 for "any request message that contains more than one Host header field
 * line"); Node would keep the first and serve the request.
 *
 * Per request this costs one pass over the header names (a length test each), a character test
 * of the target's first byte and one set lookup for the Host (more only for a target in absolute
 * form or a Host not seen before).
 * @returns the fault, or `undefined` when the request may go on
 */
export function checkRequestTarget(request: IncomingMessage): TargetFault | undefined {
  if (repeatsHost(request.rawHeaders)) return 'host';
  const target = request.url ?? '';
  if (target.charCodeAt(0) !== SLASH) {
    const absolute = ABSOLUTE_FORM.exec(target);
    const authority = absolute?.[1];
    if (authority === undefined) return 'target';
    if (authority === '' || !isValidHost(authority)) return 'host';
    const rest = absolute?.[2] ?? '';
    request.url = rest === '' ? '/' : rest.charCodeAt(0) === SLASH ? rest : `/${rest}`;
    request.headers.host = authority;
    return undefined;
  }
  const host = request.headers.host;
  // HTTP/1.1 without Host never gets here (Node answers 400); HTTP/1.0 without one, or an empty
  // one, is left to yoga, which uses the local address.
  if (host === undefined || host === '') return undefined;
  return isValidHost(host) ? undefined : 'host';
}
