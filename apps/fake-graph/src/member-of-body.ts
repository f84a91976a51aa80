import {
  type ConnectorGroupInput,
  ConnectorGroupRestBody,
  type ValidationIssue,
  validate,
} from '@connectors/domain';
import {
  CONNECTOR_GROUPS_PATH,
  referencedGroupId,
  type ServiceOrigin,
} from './connector-group-reference.ts';
import { GraphHttpError } from './graph-http-error.ts';

/**
 * What a `memberOf/$ref` POST asks for: an existing group by id (an `@odata.id` reference, or a
 * connectorGroup body with `id`), or a group by name (a connectorGroup body without `id`).
 */
export type MemberOfTarget =
  | { kind: 'existing'; groupId: string }
  | { kind: 'named'; group: ConnectorGroupInput };

/**
 * Parses and validates the seed path's POST body with the domain's schemas: a connectorGroup, or
 * an OData reference to a connector group of this service.
 * @param service the origin the request reached, which a reference must name
 * @throws {GraphHttpError} 400 for an empty or malformed body, and for an invalid one, naming the
 *   property at fault
 */
export function parseMemberOfBody(text: string, service: ServiceOrigin): MemberOfTarget {
  const body = readJsonObject(
    text,
    'send a connectorGroup, or a reference {"@odata.id": ".../connectorGroups/{id}"}',
  );
  if ('@odata.id' in body) {
    return { kind: 'existing', groupId: referencedGroupId(body['@odata.id'], service) };
  }

  const parsed = validate(ConnectorGroupRestBody, body);
  if (!parsed.ok) throw invalidBody(parsed.issues);
  const { '@odata.type': _odataType, ...group } = parsed.value;
  return group.id === undefined
    ? { kind: 'named', group }
    : { kind: 'existing', groupId: group.id };
}

/**
 * Parses the body of Graph's documented `POST .../connectors/{id}/memberOf/$ref`: an OData
 * reference `{"@odata.id": "<this service>/<version>/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}"}`
 * (other properties are ignored).
 * @returns the referenced group id
 * @throws {GraphHttpError} 400 for an empty or malformed body, one without `@odata.id`, or a
 *   reference that does not name a connector group of this service
 */
export function parseReferenceBody(text: string, service: ServiceOrigin): string {
  const hint = `send a reference {"@odata.id": "${service.origin ?? ''}/v1.0${CONNECTOR_GROUPS_PATH}/{id}"}`;
  const body = readJsonObject(text, hint);
  if (!('@odata.id' in body)) {
    throw GraphHttpError.badRequest(`The request body has no '@odata.id': ${hint}.`);
  }
  return referencedGroupId(body['@odata.id'], service);
}

/**
 * The 400 for a body the domain refused: Graph reports one property at a time, so the first
 * issue, the one a caller fixes first, named as Graph names it.
 */
export function invalidBody(issues: readonly ValidationIssue[]): GraphHttpError {
  const issue = issues[0];
  const property = issue?.field.join('.') ?? '';
  const message = issue?.message ?? 'is invalid';
  const reason =
    property !== '' && message.startsWith(`${property} `)
      ? message.slice(property.length + 1)
      : message;
  return property === ''
    ? GraphHttpError.badRequest(`Invalid request body: ${reason}`)
    : GraphHttpError.invalidProperty(property, reason);
}

/**
 * Parses a request body that must be a JSON object.
 * @param hint what to send instead, for the message of an empty body
 * @throws {GraphHttpError} 400 for an empty body, invalid JSON, or JSON that is not an object
 */
export function readJsonObject(text: string, hint: string): object {
  if (text.trim() === '') {
    throw GraphHttpError.badRequest(`The request body is empty: ${hint}.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw GraphHttpError.badRequest(`The request body is not valid JSON: ${reason}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw GraphHttpError.badRequest('The request body must be a JSON object.');
  }
  return body;
}
