import { z } from 'zod';
import { type ConnectorGroupInput, connectorGroupInput } from './connector-group.ts';
import type { ValueNames } from './enum-message.ts';
import { DirectoryObjectId } from './ids.ts';

/** The group properties the seed's add body carries, every one of them required there. */
export const GROUP_BODY_FIELDS = ['connectorGroupType', 'isDefault', 'name', 'region'] as const;

// The written group with only `id` and `name` deciding which group: the rest optional.
const partialGroupInput = (names: ValueNames) =>
  connectorGroupInput(names).partial({
    connectorGroupType: true,
    isDefault: true,
    name: true,
    region: true,
  });
type PartialGroupInput = z.output<ReturnType<typeof partialGroupInput>>;

/**
 * The group an add names: by `id` (nothing else needed: Graph's documented operation references
 * the group by id), or, without one, by `name`. Whatever else is given is checked all the same.
 */
export type ConnectorGroupTarget = PartialGroupInput &
  ({ id: DirectoryObjectId } | { id?: undefined; name: ConnectorGroupInput['name'] });

const namesTheGroup = (group: PartialGroupInput): group is ConnectorGroupTarget =>
  group.id !== undefined || group.name !== undefined;

/**
 * The group of an add as written, its enum messages naming values as `names` says: `id`, or
 * without it `name` ("is required without an id" on `name` otherwise).
 */
export const connectorGroupTarget = (names: ValueNames) =>
  partialGroupInput(names).refine(namesTheGroup, {
    path: ['name'],
    error: 'is required without an id: the group is then identified by its name',
  });

/**
 * Whether the target carries the whole group the seed's body needs ({@link GROUP_BODY_FIELDS}):
 * what the graph-client checks before building that body (the gateway refuses a partial one
 * under `UPSTREAM_API=seed` before calling, naming each missing field).
 */
export function isCompleteGroup(
  group: ConnectorGroupTarget,
): group is ConnectorGroupTarget & ConnectorGroupInput {
  return GROUP_BODY_FIELDS.every((field) => group[field] !== undefined);
}

/**
 * Everything the add operation needs, its enum messages naming values as `names` says (REST's own
 * names without it). Build it once per caller, not per request.
 */
export function addMemberOfRequest(names: ValueNames = {}) {
  return z.object({
    // Optional: Graph's documented operation does not use it; the seed's path needs it, and the
    // gateway refuses its absence there (it knows the profile).
    applicationId: DirectoryObjectId.optional(),
    connectorId: DirectoryObjectId,
    connectorGroup: connectorGroupTarget(names),
  });
}

/** Everything the add operation needs: where (application, connector) and which group. */
export const AddMemberOfRequest = addMemberOfRequest();
export type AddMemberOfRequest = z.output<typeof AddMemberOfRequest>;
