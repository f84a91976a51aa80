import {
  type ConnectorGroupInput,
  ConnectorGroupRestBody,
  DirectoryObjectId,
  validate,
} from '@connectors/domain';
import { GraphHttpError } from './graph-http-error.ts';

/**
 * What a `memberOf/$ref` POST asks for: an existing group by id (an `@odata.id` reference, or a
 * connectorGroup body with `id`), or a group by name (a connectorGroup body without `id`).
 */
export type MemberOfTarget =
  | { kind: 'existing'; groupId: string }
  | { kind: 'named'; group: ConnectorGroupInput };

/** An example reference, quoted when `@odata.id` is not one. */
const REFERENCE_EXAMPLE =
  'https://graph.microsoft.com/v1.0/onPremisesPublishingProfiles/applicationProxy/connectorGroups/{id}';

// `.../connectorGroups/{id}` and OData's key syntax `.../connectorGroups('{id}')`.
const CONNECTOR_GROUP_REFERENCE = /\/connectorGroups(?:\/([^/?#()']+)|\('?([^/?#()']+)'?\))$/i;

/**
 * Parses and validates the POST body with the domain's schemas.
 * @throws {GraphHttpError} 400 for an empty or malformed body, and for an invalid one, naming the
 *   property at fault
 */
export function parseMemberOfBody(text: string): MemberOfTarget {
  if (text.trim() === '') {
    throw GraphHttpError.badRequest(
      'The request body is empty: send a connectorGroup, or a reference {"@odata.id": ".../connectorGroups/{id}"}.',
    );
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
  if ('@odata.id' in body)
    return { kind: 'existing', groupId: referencedGroupId(body['@odata.id']) };

  const parsed = validate(ConnectorGroupRestBody, body);
  if (!parsed.ok) {
    // Graph reports one property at a time; the first issue is the one a caller fixes first.
    const issue = parsed.issues[0];
    const property = issue?.field.join('.') ?? '';
    const message = issue?.message ?? 'is invalid';
    const reason =
      property !== '' && message.startsWith(`${property} `)
        ? message.slice(property.length + 1)
        : message;
    throw property === ''
      ? GraphHttpError.badRequest(`Invalid request body: ${reason}`)
      : GraphHttpError.invalidProperty(property, reason);
  }
  const { '@odata.type': _odataType, ...group } = parsed.value;
  return group.id === undefined
    ? { kind: 'named', group }
    : { kind: 'existing', groupId: group.id };
}

function referencedGroupId(reference: unknown): string {
  const match = typeof reference === 'string' ? CONNECTOR_GROUP_REFERENCE.exec(reference) : null;
  const raw = match?.[1] ?? match?.[2];
  let id: string | undefined;
  try {
    id = raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    id = undefined;
  }
  if (id === undefined || !DirectoryObjectId.safeParse(id).success) {
    throw GraphHttpError.invalidProperty(
      '@odata.id',
      `must reference a connector group by its GUID, e.g. ${REFERENCE_EXAMPLE}`,
    );
  }
  return id;
}
