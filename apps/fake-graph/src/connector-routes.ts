import {
  CreateConnectorGroupRequest,
  SEED,
  toRestBody,
  type ValidationIssue,
  validate,
} from '@connectors/domain';
import { parseConnectorListQuery, parseExpand, queryOptions } from './connector-list-query.ts';
import type { StoredConnector } from './connector-queries.ts';
import { GraphHttpError } from './graph-http-error.ts';
import { invalidBody, readJsonObject } from './member-of-body.ts';
import { nextLink, type Page } from './paging.ts';
import { groupNameKey, type Store, type StoredGroup } from './store.ts';

/** `@odata.type` of a connector representation. */
export const CONNECTOR_ODATA_TYPE = '#microsoft.graph.connector';

/** A JSON body and its status, for the app to send. */
export interface Answer {
  status: number;
  body: unknown;
}

/** The request as the handlers need it: its URL and the base its links start with. */
export interface ListRequest {
  url: URL;
  /** `{origin}/{version}`, as the caller named this service. */
  base: string;
}

function connectorBody(connector: StoredConnector, expandMemberOf: boolean) {
  return {
    '@odata.type': CONNECTOR_ODATA_TYPE,
    id: connector.id,
    machineName: connector.machineName,
    externalIp: connector.externalIp,
    status: connector.status,
    version: connector.version,
    ...(expandMemberOf ? { memberOf: [toRestBody(connector.group)] } : {}),
  };
}

function pageBody<T>(
  request: ListRequest,
  list: string,
  context: string,
  page: Page<T>,
  items: unknown[],
) {
  return {
    '@odata.context': `${request.base}/$metadata#${context}`,
    ...(page.next === undefined
      ? {}
      : { '@odata.nextLink': nextLink(request.url, request.base, list, page.next) }),
    value: items,
  };
}

const CONNECTORS_CONTEXT = "onPremisesPublishingProfiles('applicationProxy')/connectors";

/** `GET .../connectors`: a page of the tenant's connectors, oldest first. */
export function listConnectors(store: Store, request: ListRequest): Answer {
  const list = 'connectors';
  const query = parseConnectorListQuery(request.url.searchParams, list);
  const page = store.listConnectors({ status: query.status }, query.page);
  const items = page.items.map((connector) => connectorBody(connector, query.expandMemberOf));
  return { status: 200, body: pageBody(request, list, CONNECTORS_CONTEXT, page, items) };
}

/**
 * `GET .../connectorGroups/{id}/members`: a page of the group's connectors.
 * @throws {GraphHttpError} 404 for an unknown group
 */
export function listGroupMembers(store: Store, groupId: string, request: ListRequest): Answer {
  // The list's name carries the group: a token from one group's members is refused by another's.
  const list = `members:${groupId}`;
  const query = parseConnectorListQuery(request.url.searchParams, list);
  if (store.getGroup(groupId) === undefined)
    throw GraphHttpError.notFound(groupId, 'connectorGroup');
  const page = store.listConnectors({ status: query.status, groupId }, query.page);
  const items = page.items.map((connector) => connectorBody(connector, query.expandMemberOf));
  return { status: 200, body: pageBody(request, list, CONNECTORS_CONTEXT, page, items) };
}

/**
 * `GET .../connectors/{id}` (`$expand=memberOf` allowed).
 * @throws {GraphHttpError} 404 for an unknown connector
 */
export function getConnector(store: Store, connectorId: string, request: ListRequest): Answer {
  const options = queryOptions(request.url.searchParams, ['expand'], 'a connector');
  const expandMemberOf = parseExpand(options.get('expand'));
  const connector = store.getConnector(connectorId);
  if (connector === undefined) throw GraphHttpError.notFound(connectorId, 'connector');
  return {
    status: 200,
    body: {
      '@odata.context': `${request.base}/$metadata#${CONNECTORS_CONTEXT}/$entity`,
      ...connectorBody(connector, expandMemberOf),
    },
  };
}

/** The message Graph's directory gives a second object with a unique property's value. */
export const DUPLICATE_NAME_MESSAGE =
  'Another object with the same value for property name already exists.';

/**
 * `POST .../connectorGroups` with `{ "name", "region" }`: a new tenant group, not default, with a
 * server-assigned id. Names are unique in the tenant, compared as {@link groupNameKey} does.
 * @throws {GraphHttpError} 400 for an invalid body (naming the property) or a duplicate name
 */
export function createGroup(store: Store, text: string): Answer {
  const body = readJsonObject(text, 'send {"name": "...", "region": "eur"}');
  const parsed = validate(CreateConnectorGroupRequest, body);
  if (!parsed.ok) throw invalidBody(parsed.issues as ValidationIssue[]);
  const { name, region } = parsed.value;
  const created: StoredGroup = store.transaction(() => {
    if (
      store.listGroups({ name }).some((group) => groupNameKey(group.name) === groupNameKey(name))
    ) {
      throw GraphHttpError.badRequest(DUPLICATE_NAME_MESSAGE);
    }
    return store.createGroup(null, {
      connectorGroupType: SEED.defaultGroup.connectorGroupType,
      isDefault: false,
      name,
      region,
    });
  });
  return { status: 201, body: toRestBody(created) };
}
