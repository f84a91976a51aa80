import type { z } from 'zod';
import {
  CONNECTOR_GROUP_ODATA_TYPE,
  type ConnectorGroupInput,
  type ConnectorGroupRestBody,
} from './connector-group.ts';

/**
 * A connectorGroup's own properties, as the schemas define them ({@link ConnectorGroupInput}'s
 * input side, `id` optional): what a representation is built from, whether a parsed group (the
 * graph-client's body) or one a server stored (fake-graph's rows).
 */
export type ConnectorGroupFields = z.input<typeof ConnectorGroupInput>;

/** The JSON body itself: {@link ConnectorGroupRestBody} as sent, `@odata.type` always there. */
type RestBody = z.input<typeof ConnectorGroupRestBody> & {
  '@odata.type': typeof CONNECTOR_GROUP_ODATA_TYPE;
};

/**
 * The group's own properties and nothing else (a request body's `@odata.type`, a caller's extra
 * properties are left behind), `id` only when present, in Graph's property order.
 */
export function connectorGroupFields(group: ConnectorGroupFields): ConnectorGroupFields {
  const { id, connectorGroupType, isDefault, name, region } = group;
  return { ...(id === undefined ? {} : { id }), connectorGroupType, isDefault, name, region };
}

/**
 * A connectorGroup's JSON representation, `@odata.type` first and `id` right after it when the
 * group has one: the body of the `$ref` POST (docs/rest-upstream.md) and what fake-graph answers.
 */
export function toRestBody(group: ConnectorGroupFields): RestBody {
  return { '@odata.type': CONNECTOR_GROUP_ODATA_TYPE, ...connectorGroupFields(group) };
}
