import { connectorGroupsPath, DirectoryObjectId } from '@connectors/domain';
import { GraphHttpError } from './graph-http-error.ts';
import { API_VERSIONS } from './routes.ts';

/** The path, after the version, of the connector groups a reference may name. */
export const CONNECTOR_GROUPS_PATH = connectorGroupsPath();

/**
 * The service a request reached, as its caller named it: `http://` and the `Host` header. A
 * reference must name a group of this service; `undefined` when the `Host` is not a valid host.
 */
export interface ServiceOrigin {
  /** e.g. `http://127.0.0.1:4010` (lower-cased, default port dropped, as `URL#origin` gives). */
  origin: string | undefined;
}

/** The service origin of a request with this `Host` header. */
export function serviceOrigin(host: string | undefined): ServiceOrigin {
  if (host === undefined || host === '' || /[/?#@\s\\]/.test(host)) return { origin: undefined };
  try {
    return { origin: new URL(`http://${host}`).origin };
  } catch {
    return { origin: undefined };
  }
}

// Graph's two ways of naming one entity: `.../connectorGroups/{id}` and `.../connectorGroups('{id}')`.
const KEY_SEGMENT = /^connectorGroups\('?([^'()]*)'?\)$/i;

function shown(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}...` : value;
}

/**
 * Reads an OData reference (`@odata.id`) to a connector group of THIS service: its origin is the
 * request's, its path a version this service serves, then `/onPremisesPublishingProfiles/
 * applicationProxy/connectorGroups/{id}` (or the key form `connectorGroups('{id}')`), nothing
 * after. Segment names compare case-insensitively, as routing does.
 * @returns the group id
 * @throws {GraphHttpError} 400 naming what is wrong: not a string, not an absolute URL, another
 *   service, another path, or an id that is not a GUID
 */
export function referencedGroupId(reference: unknown, service: ServiceOrigin): string {
  const example = `${service.origin ?? 'http://<this host>'}/v1.0${CONNECTOR_GROUPS_PATH}/{id}`;
  const refuse = (reason: string) =>
    GraphHttpError.invalidProperty('@odata.id', `${reason}; expected e.g. ${example}`);
  if (typeof reference !== 'string') {
    throw refuse('must be a string, the URL of a connector group');
  }
  let url: URL;
  try {
    url = new URL(reference);
  } catch {
    throw refuse(`'${shown(reference)}' is not an absolute URL`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw refuse('must not carry credentials, a query or a fragment');
  }
  if (service.origin === undefined || url.origin !== service.origin) {
    throw refuse(`'${shown(url.origin)}' is not this service`);
  }
  const segments = url.pathname.split('/').slice(1);
  const literal = (index: number, expected: string) =>
    segments[index]?.toLowerCase() === expected.toLowerCase();
  const versionServed = API_VERSIONS.some((version) => literal(0, version));
  const profile =
    versionServed && literal(1, 'onPremisesPublishingProfiles') && literal(2, 'applicationProxy');
  let rawId: string | undefined;
  if (profile && segments.length === 5 && literal(3, 'connectorGroups')) rawId = segments[4];
  else if (profile && segments.length === 4) rawId = KEY_SEGMENT.exec(segments[3] ?? '')?.[1];
  if (rawId === undefined) {
    throw refuse(`'${shown(url.pathname)}' does not name a connector group`);
  }
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    id = rawId;
  }
  if (!DirectoryObjectId.safeParse(id).success) {
    throw refuse(`'${shown(id)}' is not a connector group id (a GUID)`);
  }
  return id;
}
