import { DirectoryObjectId } from '@connectors/domain';
import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';

/** The API versions served; the paths under each are the same. */
export const API_VERSIONS = ['v1.0', 'beta'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** Every operation fake-graph serves, with the ids its path carries (each checked as a GUID). */
export type Route =
  // The seed's application-scoped paths (docs/rest-upstream.md).
  | { operation: 'seedList'; applicationId: string; connectorId: string }
  | { operation: 'seedAdd'; applicationId: string; connectorId: string }
  | { operation: 'seedRemove'; applicationId: string; connectorId: string; groupId: string }
  // Graph's documented paths under /onPremisesPublishingProfiles/applicationProxy (section 7).
  | { operation: 'connectorMemberOf'; connectorId: string }
  | { operation: 'connectorAddMemberOf'; connectorId: string }
  | { operation: 'listGroups' }
  | { operation: 'getGroup'; groupId: string }
  // Graph beta's connector-group screen routes (issue 16).
  | { operation: 'createGroup' }
  | { operation: 'listGroupMembers'; groupId: string }
  | { operation: 'listConnectors' }
  | { operation: 'getConnector'; connectorId: string }
  // JSON batching (batch.ts): each step is routed through this same table.
  | { operation: 'batch' };

/** A matched request: the version it was sent under and the operation. */
export interface MatchedRoute {
  version: ApiVersion;
  route: Route;
}

/**
 * Matches a request's method and path. Segment names are case-insensitive (as Graph's);
 * `$ref` may arrive percent-encoded; ids are compared as given.
 * @throws {GraphHttpError} 404 for a path fake-graph does not serve, 405 (with `Allow`) for a
 *   wrong method, 400 for an id that is not a GUID
 */
export function matchRoute(method: string | undefined, pathname: string): MatchedRoute {
  const raw = pathname.split('/').slice(1);
  const segments = raw.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const literal = (index: number, expected: string) =>
    segments[index]?.toLowerCase() === expected.toLowerCase();
  const noRoute = () =>
    new GraphHttpError(
      404,
      FAKE_GRAPH_ERROR_CODES.notFound,
      `Resource not found for the segment '${raw.join('/').slice(0, 200)}'.`,
    );
  const version = API_VERSIONS.find((candidate) => literal(0, candidate));
  if (version === undefined) throw noRoute();

  const found =
    batchRoute(segments, literal) ??
    seedRoute(segments, literal) ??
    documentedRoute(segments, literal);
  if (found === undefined) throw noRoute();
  if (method === undefined || !found.allowed.split(', ').includes(method)) {
    throw methodNotAllowed(method, found.allowed);
  }
  return { version, route: found.route(method) };
}

type Literal = (index: number, expected: string) => boolean;
// The route is built after the method check, so a wrong method is 405 whatever the ids.
type Candidate = { allowed: string; route: (method: string) => Route };

// /{version}/$batch
function batchRoute(segments: string[], literal: Literal): Candidate | undefined {
  if (segments.length !== 2 || !literal(1, '$batch')) return undefined;
  return { allowed: 'POST', route: () => ({ operation: 'batch' }) };
}

// /{version}/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf[...]
function seedRoute(segments: string[], literal: Literal): Candidate | undefined {
  const shaped =
    literal(1, 'applications') &&
    literal(3, 'connectorGroup') &&
    literal(4, 'members') &&
    literal(6, 'memberOf');
  if (!shaped) return undefined;
  const ids = () => ({
    applicationId: objectId(segments[2], 'applicationId'),
    connectorId: objectId(segments[5], 'connectorId'),
  });
  if (segments.length === 7) {
    return { allowed: 'GET', route: () => ({ operation: 'seedList', ...ids() }) };
  }
  if (segments.length === 8 && segments[7] === '$ref') {
    return { allowed: 'POST', route: () => ({ operation: 'seedAdd', ...ids() }) };
  }
  if (segments.length === 9 && segments[8] === '$ref') {
    return {
      allowed: 'DELETE',
      route: () => ({
        operation: 'seedRemove',
        ...ids(),
        groupId: objectId(segments[7], 'groupId'),
      }),
    };
  }
  return undefined;
}

// /{version}/onPremisesPublishingProfiles/applicationProxy/{connectors|connectorGroups}/...
function documentedRoute(segments: string[], literal: Literal): Candidate | undefined {
  if (!(literal(1, 'onPremisesPublishingProfiles') && literal(2, 'applicationProxy'))) {
    return undefined;
  }
  if (literal(3, 'connectors') && segments.length <= 5) {
    if (segments.length === 4) {
      return { allowed: 'GET', route: () => ({ operation: 'listConnectors' }) };
    }
    return {
      allowed: 'GET',
      route: () => ({
        operation: 'getConnector',
        connectorId: objectId(segments[4], 'connectorId'),
      }),
    };
  }
  if (literal(3, 'connectors') && literal(5, 'memberOf')) {
    const connectorId = () => objectId(segments[4], 'connectorId');
    if (segments.length === 6) {
      return {
        allowed: 'GET',
        route: () => ({ operation: 'connectorMemberOf', connectorId: connectorId() }),
      };
    }
    if (segments.length === 7 && segments[6] === '$ref') {
      return {
        allowed: 'POST',
        route: () => ({ operation: 'connectorAddMemberOf', connectorId: connectorId() }),
      };
    }
    return undefined;
  }
  if (literal(3, 'connectorGroups')) {
    if (segments.length === 4) {
      return {
        allowed: 'GET, POST',
        route: (method) => ({ operation: method === 'POST' ? 'createGroup' : 'listGroups' }),
      };
    }
    if (segments.length === 5) {
      return {
        allowed: 'GET',
        route: () => ({ operation: 'getGroup', groupId: objectId(segments[4], 'groupId') }),
      };
    }
    if (segments.length === 6 && literal(5, 'members')) {
      return {
        allowed: 'GET',
        route: () => ({ operation: 'listGroupMembers', groupId: objectId(segments[4], 'groupId') }),
      };
    }
  }
  return undefined;
}

function objectId(value: string | undefined, name: string): string {
  if (value !== undefined && DirectoryObjectId.safeParse(value).success) return value;
  const shown = (value ?? '').slice(0, 100);
  throw GraphHttpError.badRequest(`Invalid object identifier '${shown}' for ${name}.`);
}

/** 405 with the `Allow` header, in Graph's envelope. */
export function methodNotAllowed(method: string | undefined, allow: string): GraphHttpError {
  return new GraphHttpError(
    405,
    FAKE_GRAPH_ERROR_CODES.badRequest,
    `The HTTP method '${method}' is not allowed for this resource; allowed: ${allow}.`,
    { allow },
  );
}
