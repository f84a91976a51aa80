import {
  type AddMemberOfRequest,
  ConnectorGroup,
  ConnectorGroupCollection,
  connectorGroupReference,
  connectorMemberOfPath,
  connectorMemberOfRefPath,
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
 * name, so only a parse makes one), taken as it comes and never checked again here.
 */
export type AddConnectorMemberOfRequest = AddMemberOfRequest & CallerOptions;

/** Listing the groups a connector belongs to: the parsed ids of {@link AddMemberOfRequest}. */
export type ListConnectorMemberOfRequest = Omit<AddMemberOfRequest, 'connectorGroup'> &
  CallerOptions;

// Any 2xx means the POST landed; a body that is not a connectorGroup changes nothing. Graph's
// usual 204 has no body: nothing to parse (a failed zod parse is not free).
function addedGroup(answer: UpstreamAnswer, sent: ConnectorGroup): AddMemberOfResult {
  if (answer.json === undefined) return { ok: true, connectorGroup: sent, ...answered(answer) };
  const parsed = ConnectorGroup.safeParse(answer.json);
  const connectorGroup = parsed.success
    ? { ...parsed.data, ...(parsed.data.id === undefined && sent.id ? { id: sent.id } : {}) }
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
  group: ConnectorGroup,
): Promise<AddMemberOfResult> {
  return context.upstream.send<AddMemberOfResult>(
    { ...caller, operation: 'addConnectorMemberOf', method: 'POST', path, body, retry: 'postSafe' },
    (answer) => addedGroup(answer, group),
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
  // The group as the domain parsed it: what a 204 answers with, and what the body is built from.
  const input = request.connectorGroup;
  if (context.api === 'seed') {
    return postReference(context, caller, path, JSON.stringify(toRestBody(input)), input);
  }
  // The `graph` profile: the group's id (given, or found by name), then the reference POST.
  const startedAt = context.upstream.clock.now();
  let target: ConnectorGroup & Pick<ListedConnectorGroup, 'id'>;
  if (input.id === undefined) {
    const found = await lookupConnectorGroupByName(context, input.name, { ...caller, startedAt });
    if (!found.ok) return found;
    target = found.group;
  } else {
    // By id the group is returned as the caller sent it: a read after the POST would add a
    // round trip, and a failure after the add had landed, for fields the caller already has.
    target = { ...input, id: input.id };
  }
  const body = JSON.stringify(connectorGroupReference(context.base, target.id));
  return postReference(context, { ...caller, startedAt }, path, body, target);
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
