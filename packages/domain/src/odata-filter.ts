/**
 * The OData `$filter`s this project sends: `name eq '<name>'` on the connector-group list,
 * `status eq '<status>'` on the connector lists (docs/rest-upstream.md, the graph profile), and
 * the query string that carries them.
 */

/** The query key, sent literally (Graph's system query options start with `$`, never `%24`). */
export const FILTER_QUERY_KEY = '$filter';

/**
 * An OData string literal: the value in single quotes, each `'` inside doubled (OData ABNF
 * `SQUOTE-in-string`). Nothing else is escaped at this level: percent-encoding is the URL's job.
 */
export function odataStringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `status eq '<status>'`, on the connector list. */
export function statusEqualsFilter(status: string): string {
  return `status eq ${odataStringLiteral(status)}`;
}

/** `name eq '<name>'`, the name quoted as an OData string literal. */
export function nameEqualsFilter(name: string): string {
  return `name eq ${odataStringLiteral(name)}`;
}

/**
 * `$filter=<filter>` with the whole filter percent-encoded as ONE query component
 * (`encodeURIComponent`): `&`, `#`, `/`, `?`, `=`, `+` and `%` in a name are encoded, so no name
 * can add a parameter, end the query or touch the path.
 * @throws {URIError} for a string that is not well-formed Unicode (a lone surrogate); callers
 *   validate names before, so this is a bug guard rather than a validation
 */
export function filterQuery(filter: string): string {
  return `${FILTER_QUERY_KEY}=${encodeURIComponent(filter)}`;
}

const NAME_EQUALS = /^name eq '((?:[^']|'')*)'$/s;

/**
 * Reads a decoded `$filter` value of the form `name eq '<literal>'` back into the name, quotes
 * undoubled; `undefined` for any other filter. The inverse of {@link nameEqualsFilter}.
 */
export function parseNameEqualsFilter(filter: string): string | undefined {
  const literal = NAME_EQUALS.exec(filter)?.[1];
  return literal?.replaceAll("''", "'");
}
