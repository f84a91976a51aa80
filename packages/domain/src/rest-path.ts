import { DirectoryObjectId } from './ids.ts';
import { ValidationError } from './validation.ts';

/**
 * One id as one path segment: validated as a GUID, then percent-encoded.
 * @param field the name the error gives the id, e.g. `connectorId`
 * @throws {ValidationError} when the value is not a GUID
 */
export function idSegment(field: string, value: unknown): string {
  const parsed = DirectoryObjectId.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError([
      {
        code: 'invalidInput',
        field: [field],
        message: `${field} ${parsed.error.issues[0]?.message ?? 'is invalid'}`,
      },
    ]);
  }
  // A GUID needs no escaping; encoding anyway keeps "one id, one segment" true by construction.
  return encodeURIComponent(parsed.data);
}

/**
 * `/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf/$ref`, with each
 * id validated as a GUID and percent-encoded as one segment; `$ref` stays literal (never `%24ref`).
 * @throws {ValidationError} when an id is not a GUID.
 */
export function memberOfRefPath(applicationId: string, connectorId: string): string {
  return `${memberOfPath(applicationId, connectorId)}/$ref`;
}

/** `/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf`: the list. */
export function memberOfPath(applicationId: string, connectorId: string): string {
  return `/applications/${idSegment('applicationId', applicationId)}/connectorGroup/members/${idSegment('connectorId', connectorId)}/memberOf`;
}

/** `.../memberOf/{groupId}/$ref`: the DELETE that removes one membership. */
export function memberOfGroupRefPath(
  applicationId: string,
  connectorId: string,
  groupId: string,
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
