import type { DirectoryObjectId } from './ids.ts';

/**
 * One id as one path segment, percent-encoded. The id is the domain's parsed
 * {@link DirectoryObjectId}, so it is not checked again here. The encoding alone keeps any
 * string, even one cast past the compiler, inside its segment (`/`, `?`, `#` and `%` are
 * encoded); the three that would still move the path (`''`, `.`, `..`) are refused. A GUID
 * passes through unchanged.
 * @param field the name the error gives the id, e.g. `connectorId`
 * @throws {TypeError} for an empty, `.` or `..` id: a caller that skipped the parse
 * @throws {URIError} for a string that is not well-formed Unicode: likewise
 */
export function idSegment(field: string, id: DirectoryObjectId): string {
  const segment = encodeURIComponent(id);
  if (segment === '' || segment === '.' || segment === '..') {
    throw new TypeError(
      `${field} ${JSON.stringify(segment)} is not an object id: parse ids with DirectoryObjectId before building a path`,
    );
  }
  return segment;
}

/**
 * `/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf/$ref`, each id one
 * percent-encoded segment; `$ref` stays literal (never `%24ref`).
 */
export function memberOfRefPath(
  applicationId: DirectoryObjectId,
  connectorId: DirectoryObjectId,
): string {
  return `${memberOfPath(applicationId, connectorId)}/$ref`;
}

/** `/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf`: the list. */
export function memberOfPath(
  applicationId: DirectoryObjectId,
  connectorId: DirectoryObjectId,
): string {
  return `/applications/${idSegment('applicationId', applicationId)}/connectorGroup/members/${idSegment('connectorId', connectorId)}/memberOf`;
}

/** `.../memberOf/{groupId}/$ref`: the DELETE that removes one membership. */
export function memberOfGroupRefPath(
  applicationId: DirectoryObjectId,
  connectorId: DirectoryObjectId,
  groupId: DirectoryObjectId,
): string {
  return `${memberOfPath(applicationId, connectorId)}/${idSegment('groupId', groupId)}/$ref`;
}

/**
 * Checks a configured upstream base URL: http(s), no query, fragment or credentials. Returned
 * without its trailing slash, ready for {@link upstreamUrl}.
 */
export function parseUpstreamBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new TypeError(`upstream URL ${JSON.stringify(base)} is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`upstream URL must be http or https, got ${url.protocol}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError('upstream URL must not carry a query, a fragment or credentials');
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Joins a REST path to the upstream base, keeping the base's version path
 * (`http://localhost:4010/v1.0` + `/applications/...`), never replacing it.
 */
export function upstreamUrl(base: string, path: string): string {
  if (!path.startsWith('/')) throw new TypeError(`REST path must start with "/": ${path}`);
  return `${parseUpstreamBase(base)}${path}`;
}
