import { CONNECTOR_GROUP_ODATA_TYPE, type ConnectorGroupInput } from './connector-group.ts';

/** The exact JSON body of the `$ref` POST (API.md section 1), in Graph's property order. */
export interface RestBody {
  '@odata.type': typeof CONNECTOR_GROUP_ODATA_TYPE;
  id?: string;
  connectorGroupType: ConnectorGroupInput['connectorGroupType'];
  isDefault: boolean;
  name: string;
  region: ConnectorGroupInput['region'];
}

/**
 * Builds the REST request body from a validated group. `id` is present only when the caller
 * named an existing group.
 */
export function toRestBody(input: ConnectorGroupInput): RestBody {
  // Built in one literal so that `id`, when present, sits right after `@odata.type`.
  return {
    '@odata.type': CONNECTOR_GROUP_ODATA_TYPE,
    ...(input.id === undefined ? {} : { id: input.id }),
    connectorGroupType: input.connectorGroupType,
    isDefault: input.isDefault,
    name: input.name,
    region: input.region,
  };
}
