import { CONNECTOR_GROUP_ODATA_TYPE, DUPLICATE_REFERENCE_MESSAGE } from '@connectors/domain';
import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';
import type { MemberOfTarget } from './member-of-body.ts';
import type { Store, StoredGroup } from './store.ts';

/** A connectorGroup as fake-graph writes it in a response body. */
export interface ConnectorGroupRepresentation extends StoredGroup {
  '@odata.type': typeof CONNECTOR_GROUP_ODATA_TYPE;
}

/** The JSON representation of a stored group, `@odata.type` first as Graph writes it. */
export function toRepresentation(group: StoredGroup): ConnectorGroupRepresentation {
  return {
    '@odata.type': CONNECTOR_GROUP_ODATA_TYPE,
    id: group.id,
    connectorGroupType: group.connectorGroupType,
    isDefault: group.isDefault,
    name: group.name,
    region: group.region,
  };
}

/** Message for a body that would create a second default group. */
export const DEFAULT_GROUP_CREATE_MESSAGE =
  "Invalid value for property 'isDefault': the default connector group is created by the service and cannot be created through memberOf.";

/** Message for removing a connector from its application's default group. */
export const LEAVE_DEFAULT_GROUP_MESSAGE =
  "A connector cannot leave its application's default connector group: that membership is what makes it the application's connector.";

// The application must exist and the connector be a member of its default group.
function requireConnector(store: Store, applicationId: string, connectorId: string): void {
  if (!store.hasApplication(applicationId)) {
    throw GraphHttpError.notFound(applicationId, 'application');
  }
  if (!store.isConnectorOf(applicationId, connectorId)) {
    throw GraphHttpError.notFound(connectorId, 'connector');
  }
}

/**
 * Adds the connector to a group of its application, in one transaction.
 * @returns the group when it was created by this call (answered 201 with its body), else
 *   `undefined` (answered 204)
 * @throws {GraphHttpError} 404 for an unknown application, connector or group id; 400 for an
 *   existing membership or an attempt to create a default group
 */
export function addMemberOf(
  store: Store,
  applicationId: string,
  connectorId: string,
  target: MemberOfTarget,
): StoredGroup | undefined {
  return store.transaction(() => {
    requireConnector(store, applicationId, connectorId);
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
    if (!store.addMembership(connectorId, group.id)) {
      throw GraphHttpError.badRequest(DUPLICATE_REFERENCE_MESSAGE);
    }
    return created;
  });
}

/**
 * The connector's groups in the application.
 * @throws {GraphHttpError} 404 for an unknown application or connector
 */
export function listMemberOf(
  store: Store,
  applicationId: string,
  connectorId: string,
): StoredGroup[] {
  requireConnector(store, applicationId, connectorId);
  return store.groupsOf(applicationId, connectorId);
}

/**
 * Removes the connector from one group of its application.
 * @throws {GraphHttpError} 404 for an unknown application, connector, group or membership; 400
 *   for the default group
 */
export function removeMemberOf(
  store: Store,
  applicationId: string,
  connectorId: string,
  groupId: string,
): void {
  store.transaction(() => {
    requireConnector(store, applicationId, connectorId);
    const group = store.findGroup(applicationId, groupId);
    if (group === undefined) throw GraphHttpError.notFound(groupId, 'connectorGroup');
    if (group.isDefault) throw GraphHttpError.badRequest(LEAVE_DEFAULT_GROUP_MESSAGE);
    if (!store.removeMembership(connectorId, groupId)) {
      throw new GraphHttpError(
        404,
        FAKE_GRAPH_ERROR_CODES.notFound,
        `Connector '${connectorId}' is not a member of connector group '${groupId}'.`,
      );
    }
  });
}
