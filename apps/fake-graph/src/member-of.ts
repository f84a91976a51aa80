import { DUPLICATE_REFERENCE_MESSAGE } from '@connectors/domain';
import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';
import type { MemberOfTarget } from './member-of-body.ts';
import type { Store, StoredGroup } from './store.ts';

/** Message for a body that would create a second default group. */
export const DEFAULT_GROUP_CREATE_MESSAGE =
  "Invalid value for property 'isDefault': the default connector group is created by the service and cannot be created through memberOf.";

/** Message for removing a connector from its application's default group. */
export const LEAVE_DEFAULT_GROUP_MESSAGE =
  "A connector is always in exactly one connector group, and leaving its application's default group would leave it in none: move it instead, by adding it to another group.";

// The seed path: the application must exist and the connector be one of its connectors. Which
// group the connector is in does not matter: it stays the application's when it moves.
function requireApplicationConnector(
  store: Store,
  applicationId: string,
  connectorId: string,
): void {
  if (!store.hasApplication(applicationId)) {
    throw GraphHttpError.notFound(applicationId, 'application');
  }
  if (!store.isConnectorOf(applicationId, connectorId)) {
    throw GraphHttpError.notFound(connectorId, 'connector');
  }
}

// Both families: move the connector into the group, or answer the duplicate.
function moveInto(store: Store, connectorId: string, group: StoredGroup): void {
  if (!store.addMembership(connectorId, group.id)) {
    throw GraphHttpError.badRequest(DUPLICATE_REFERENCE_MESSAGE);
  }
}

/**
 * The seed's add (`POST /applications/{a}/connectorGroup/members/{c}/memberOf/$ref`), in one
 * transaction: resolves the group among those the application sees (by id: its own or a tenant
 * group of no application; by name: its own, created when absent), then MOVES the connector there:
 * its previous membership ends in the same write.
 * @returns the group when it was created by this call (answered 201 with its body), else
 *   `undefined` (answered 204)
 * @throws {GraphHttpError} 404 for an unknown application, connector or group id; 400 when the
 *   connector is in that group already, or for an attempt to create a default group
 */
export function addMemberOf(
  store: Store,
  applicationId: string,
  connectorId: string,
  target: MemberOfTarget,
): StoredGroup | undefined {
  return store.transaction(() => {
    requireApplicationConnector(store, applicationId, connectorId);
    let group: StoredGroup | undefined;
    let created: StoredGroup | undefined;
    if (target.kind === 'existing') {
      // An unknown id is a 404, never a silent create: the caller meant a group that is not there.
      group = store.findGroup(applicationId, target.groupId);
      if (group === undefined) throw GraphHttpError.notFound(target.groupId, 'connectorGroup');
    } else {
      group = store.findGroupByName(applicationId, target.group.name);
      if (group === undefined) {
        if (target.group.isDefault) throw GraphHttpError.badRequest(DEFAULT_GROUP_CREATE_MESSAGE);
        group = store.createGroup(applicationId, target.group);
        created = group;
      }
    }
    moveInto(store, connectorId, group);
    return created;
  });
}

/**
 * The seed's list: the one group the application's connector is in, wherever it moved.
 * @throws {GraphHttpError} 404 for an unknown application or connector
 */
export function listMemberOf(
  store: Store,
  applicationId: string,
  connectorId: string,
): StoredGroup[] {
  requireApplicationConnector(store, applicationId, connectorId);
  const group = store.groupOf(connectorId);
  return group === undefined ? [] : [group];
}

/**
 * The seed's remove: the connector leaves a group by going back to its application's default
 * group (it must always be in one).
 * @throws {GraphHttpError} 404 for an unknown application, connector or group, or a connector
 *   not in that group; 400 for the application's default group
 */
export function removeMemberOf(
  store: Store,
  applicationId: string,
  connectorId: string,
  groupId: string,
): void {
  store.transaction(() => {
    requireApplicationConnector(store, applicationId, connectorId);
    const group = store.findGroup(applicationId, groupId);
    if (group === undefined) throw GraphHttpError.notFound(groupId, 'connectorGroup');
    const home = store.defaultGroup(applicationId);
    if (home === undefined || group.id === home.id) {
      throw GraphHttpError.badRequest(LEAVE_DEFAULT_GROUP_MESSAGE);
    }
    if (!store.removeMembership(connectorId, groupId, home.id)) {
      throw new GraphHttpError(
        404,
        FAKE_GRAPH_ERROR_CODES.notFound,
        `Connector '${connectorId}' is not a member of connector group '${groupId}'.`,
      );
    }
  });
}

/**
 * Graph's documented add (`POST .../applicationProxy/connectors/{c}/memberOf/$ref` with an
 * `@odata.id` reference), in one transaction: any group of the tenant; the connector MOVES there.
 * @throws {GraphHttpError} 404 for an unknown connector or group; 400 when the connector is in
 *   that group already
 */
export function addConnectorMemberOf(store: Store, connectorId: string, groupId: string): void {
  store.transaction(() => {
    if (!store.hasConnector(connectorId)) throw GraphHttpError.notFound(connectorId, 'connector');
    const group = store.getGroup(groupId);
    if (group === undefined) throw GraphHttpError.notFound(groupId, 'connectorGroup');
    moveInto(store, connectorId, group);
  });
}

/**
 * Graph's documented list of a connector's groups: always exactly one.
 * @throws {GraphHttpError} 404 for an unknown connector
 */
export function connectorMemberOf(store: Store, connectorId: string): StoredGroup[] {
  const group = store.groupOf(connectorId);
  if (group === undefined) throw GraphHttpError.notFound(connectorId, 'connector');
  return [group];
}

/**
 * Graph's documented `GET .../applicationProxy/connectorGroups/{id}`.
 * @throws {GraphHttpError} 404 for an unknown group
 */
export function getConnectorGroup(store: Store, groupId: string): StoredGroup {
  const group = store.getGroup(groupId);
  if (group === undefined) throw GraphHttpError.notFound(groupId, 'connectorGroup');
  return group;
}
