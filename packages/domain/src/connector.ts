import { z } from 'zod';
import { ListedConnectorGroup } from './connector-group-list.ts';
import { UNKNOWN_FUTURE_VALUE } from './enum-message.ts';
import { DirectoryObjectId } from './ids.ts';
import { ODataPage } from './paging.ts';
import { readEnum } from './unknown-enum-value.ts';

/** A connector's status as Graph defines it today (beta `connectorStatus`). */
export const CONNECTOR_STATUSES = ['active', 'inactive'] as const;

/** Every status a reader may see. */
export const CONNECTOR_STATUSES_READ = [...CONNECTOR_STATUSES, UNKNOWN_FUTURE_VALUE] as const;

/** A status as a filter names it: only the values Graph defines. */
export const ConnectorStatus = z.enum(CONNECTOR_STATUSES, {
  error: () => `must be one of: ${CONNECTOR_STATUSES.join(', ')}`,
});
export type ConnectorStatus = z.infer<typeof ConnectorStatus>;

/** A status as read: an unknown string reads as `unknownFutureValue`, never as a failure. */
export const ConnectorStatusRead = readEnum('status', CONNECTOR_STATUSES);
export type ConnectorStatusRead = z.output<typeof ConnectorStatusRead>;

/**
 * An Application Proxy connector as Graph beta reads it
 * (`GET .../applicationProxy/connectors/{id}`): unknown properties ignored, an unknown status
 * read as `unknownFutureValue`. `externalIp` and `version` are absent or null while a connector
 * has never reported in.
 */
export const Connector = z.object({
  id: DirectoryObjectId,
  machineName: z.string(),
  externalIp: z.string().nullish(),
  status: ConnectorStatusRead,
  version: z.string().nullish(),
});
export type Connector = z.output<typeof Connector>;

/**
 * A connector with its `memberOf` expanded (`$expand=memberOf`): the one group Graph keeps it in,
 * read in the same call, so a page of connectors with their groups is one upstream call.
 */
export const ConnectorWithGroup = Connector.extend({
  memberOf: z.array(ListedConnectorGroup).default([]),
});
export type ConnectorWithGroup = z.output<typeof ConnectorWithGroup>;

/**
 * A page of connectors (`GET .../connectors`, `GET .../connectorGroups/{id}/members`). An item
 * that cannot be read fails the page rather than being dropped: a list that skips silently is the
 * partial picker issue 16 is about.
 */
export const ConnectorPage = ODataPage.extend({ value: z.array(ConnectorWithGroup) });
export type ConnectorPage = z.output<typeof ConnectorPage>;
