import {
  type AddMemberOfRequest,
  ConnectorGroup,
  ConnectorGroupCollection,
  connectorGroupReference,
  connectorMemberOfPath,
  connectorMemberOfRefPath,
  type DirectoryObjectId,
  isCompleteGroup,
  type ListedConnectorGroup,
  memberOfPath,
  memberOfRefPath,
  toRestBody,
} from '@connectors/domain';
import { type Caller, type CallerOptions, callerFrom } from '../caller.ts';
import type { AddMemberOfResult, ListMemberOfResult } from '../result.ts';
import { answered, type UpstreamAnswer } from '../upstream-answer.ts';
import { lookupConnectorGroupByName } from './connector-groups.ts';
import type { OperationContext } from './operation-context.ts';

/**
 * Adding a connector to a group: the domain's parsed {@link AddMemberOfRequest} (branded ids and
 * name, so only a parse makes one), taken as it comes and never checked again here. The group is
 * named by `id` alone or by `name`: the `graph` profile needs no more; the `seed` profile's body
 * needs the whole group (the gateway refuses a partial one there before calling).
 */
export type AddConnectorMemberOfRequest = AddMemberOfRequest & CallerOptions;

/** Listing the groups a connector belongs to: the parsed ids of {@link AddMemberOfRequest}. */
export type ListConnectorMemberOfRequest = Omit<AddMemberOfRequest, 'connectorGroup'> &
  CallerOptions;

/**
 * What a 2xx to an add means: the POST landed. A body that is not a connectorGroup changes
 * nothing; Graph's usual 204 has no body: nothing to parse (a failed zod parse is not free).
 * `sent` is the group as known before the call: null for an add by id under `graph`, whose
 * request carried only the id. Also how a batch's move step is read (move-connectors.ts).
 */
export function addedGroup(
  answer: UpstreamAnswer,
  sent: ConnectorGroup | null,
  groupId: DirectoryObjectId | undefined = sent?.id,
): AddMemberOfResult {
  if (answer.json === undefined) return { ok: true, connectorGroup: sent, ...answered(answer) };
  const parsed = ConnectorGroup.safeParse(answer.json);
  const connectorGroup = parsed.success
    ? { ...parsed.data, ...(parsed.data.id === undefined && groupId ? { id: groupId } : {}) }
    : sent;
  return { ok: true, connectorGroup, ...answered(answer) };
}

// The profile's memberOf path under the base path. Graph's documented operations do not use
// the application id; it is parsed anyway, being part of the request.
function memberOfPathFor(
  context: OperationContext,
  request: Pick<ListConnectorMemberOfRequest, 'applicationId' | 'connectorId'>,
  which: 'ref' | 'list',
): string {
  if (context.api === 'seed') {
    if (request.applicationId === undefined) {
      // The gateway refuses this before calling; only a caller that skipped it gets here.
      throw new TypeError('applicationId is required under the seed profile: its path names it');
    }
    const build = which === 'ref' ? memberOfRefPath : memberOfPath;
    return context.basePath + build(request.applicationId, request.connectorId);
  }
  const build = which === 'ref' ? connectorMemberOfRefPath : connectorMemberOfPath;
  return context.basePath + build(request.connectorId);
}

// A POST to the $ref path; a duplicate answer on a retried attempt means an earlier one landed.
function postReference(
  context: OperationContext,
  caller: Caller,
  path: string,
  body: string,
  group: ConnectorGroup | null,
  groupId: DirectoryObjectId | undefined,
): Promise<AddMemberOfResult> {
  return context.upstream.send<AddMemberOfResult>(
    { ...caller, operation: 'addConnectorMemberOf', method: 'POST', path, body, retry: 'postSafe' },
    (answer) => addedGroup(answer, group, groupId),
    (answer) => ({ ok: true, connectorGroup: group, ...answered(answer) }),
  );
}

/**
 * Adds the connector to the group (`GraphClient.addConnectorMemberOf`).
 * @throws {TypeError} when `authorization` is empty
 */
export async function addConnectorMemberOf(
  context: OperationContext,
  request: AddConnectorMemberOfRequest,
): Promise<AddMemberOfResult> {
  const path = memberOfPathFor(context, request, 'ref');
  const caller = callerFrom(request);
  // The group as the domain parsed it: the seed's body, or the id or name the graph profile uses.
  const input = request.connectorGroup;
  if (context.api === 'seed') {
    if (!isCompleteGroup(input)) {
      // The gateway refuses this before calling, naming each field; only a caller that skipped
      // that check gets here.
      throw new TypeError(
        'the whole group is required under the seed profile: its body is the group',
      );
    }
    const body = JSON.stringify(toRestBody(input));
    return postReference(context, caller, path, body, input, input.id);
  }
  // The `graph` profile: the group's id (given, or found by name), then the reference POST.
  const startedAt = context.upstream.clock.now();
  // By id the request names only the id: whatever else the caller wrote is not the group, so
  // the group is null unless the upstream answers with it (the gateway reads it back).
  let found: (ConnectorGroup & Pick<ListedConnectorGroup, 'id'>) | null = null;
  let groupId: DirectoryObjectId;
  if (input.id !== undefined) {
    groupId = input.id;
  } else {
    const lookup = await lookupConnectorGroupByName(context, input.name, { ...caller, startedAt });
    if (!lookup.ok) return lookup;
    found = lookup.group;
    groupId = found.id;
  }
  const body = JSON.stringify(connectorGroupReference(context.base, groupId));
  return postReference(context, { ...caller, startedAt }, path, body, found, groupId);
}

/**
 * The groups the connector belongs to (`GraphClient.listConnectorMemberOf`): retried with the
 * POST-safe rules under `seed` (as it shipped), as a read under `graph`.
 * @throws {TypeError} when `authorization` is empty
 */
export function listConnectorMemberOf(
  context: OperationContext,
  request: ListConnectorMemberOfRequest,
): Promise<ListMemberOfResult> {
  const path = memberOfPathFor(context, request, 'list');
  return context.upstream.send<ListMemberOfResult>(
    {
      ...callerFrom(request),
      operation: 'listConnectorMemberOf',
      method: 'GET',
      path,
      retry: context.api === 'seed' ? 'postSafe' : 'read',
    },
    (answer) => {
      const parsed = ConnectorGroupCollection.safeParse(answer.json);
      return parsed.success
        ? { ok: true, connectorGroups: parsed.data.value, ...answered(answer) }
        : {
            ok: false,
            kind: 'unknown',
            message: `the upstream answered ${answer.status} with a body that is not a connectorGroup collection`,
            ...answered(answer),
          };
    },
  );
}
