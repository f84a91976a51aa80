import { MoveConnectorsRequest, validate } from '@connectors/domain';
import type { ConnectorMoveOutcome } from '@connectors/graph-client';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  type GraphQLFieldConfig,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import type { z } from 'zod';
import type { GatewayContext } from '../context.ts';
import { answerForFailure } from '../errors/upstream-failure.ts';
import type { UserError } from '../errors/user-error.ts';
import { resolveUpstreamField, type UpstreamCallContext } from './upstream-field.ts';
import { UserErrorObject } from './user-error.ts';

const MoveConnectorsInput = new GraphQLInputObjectType({
  name: 'MoveConnectorsInput',
  description: 'Which connectors to move into which existing connector group.',
  fields: {
    connectorIds: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLID))),
      description:
        'The connectors (object ids, GUIDs) to move: 1 to 100, each once. A bad or repeated id is INVALID_INPUT at its index, before any upstream call.',
    },
    connectorGroupId: {
      type: new GraphQLNonNull(GraphQLID),
      description: 'The existing connector group (a GUID) to move them into.',
    },
  },
});

const MoveOutcomeEnum = new GraphQLEnumType({
  name: 'MoveOutcome',
  description: 'How one connector of a moveConnectors ended.',
  values: {
    MOVED: { description: 'The connector is now in the group.' },
    ALREADY_MEMBER: { description: 'The connector was in the group already: nothing changed.' },
    FAILED: { description: 'The connector was not moved, or may not have been: see `error`.' },
  },
});

const MoveErrorObject = new GraphQLObjectType({
  name: 'MoveError',
  description: "Why one connector's move failed.",
  fields: {
    code: {
      type: new GraphQLNonNull(GraphQLString),
      description:
        'The code the single mutation would give (docs/errors.md): NOT_FOUND, FORBIDDEN, RATE_LIMITED, UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT, INVALID_INPUT, ...',
    },
    message: { type: new GraphQLNonNull(GraphQLString), description: 'A sentence for people.' },
    retryAfterSeconds: {
      type: GraphQLInt,
      description: 'RATE_LIMITED: whole seconds to wait before moving this connector again.',
    },
    sent: {
      type: new GraphQLNonNull(GraphQLBoolean),
      description:
        'True when its move reached the upstream. With UPSTREAM_TIMEOUT it may have landed: read it back. False: it certainly did not.',
    },
  },
});

const ConnectorMoveResultObject = new GraphQLObjectType({
  name: 'ConnectorMoveResult',
  description: 'One connector of a moveConnectors.',
  fields: {
    connectorId: { type: new GraphQLNonNull(GraphQLID), description: 'The connector, as asked.' },
    outcome: { type: new GraphQLNonNull(MoveOutcomeEnum), description: 'How its move ended.' },
    error: { type: MoveErrorObject, description: 'Why it failed; null unless FAILED.' },
    requestId: {
      type: GraphQLString,
      description: "The upstream request-id of this connector's last step, when it had one.",
    },
  },
});

const MoveConnectorsPayload = new GraphQLObjectType({
  name: 'MoveConnectorsPayload',
  description:
    'The outcome of moveConnectors: one result per connector (partial success is normal), or the user errors that stopped every item.',
  fields: {
    results: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ConnectorMoveResultObject))),
      description: 'One result per requested connector, in the order asked.',
    },
    userErrors: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(UserErrorObject))),
      description: 'Input errors that stopped every item (empty when results were produced).',
    },
  },
});

interface MoveConnectorsArgs {
  input: z.input<typeof MoveConnectorsRequest>;
}

/** One connector's result as the resolver returns it. */
export interface ConnectorMoveResultValue {
  connectorId: string;
  outcome: 'MOVED' | 'ALREADY_MEMBER' | 'FAILED';
  error: { code: string; message: string; retryAfterSeconds: number | null; sent: boolean } | null;
  requestId: string | null;
}

/** What the resolver returns. */
export interface MoveConnectorsPayloadValue {
  results: ConnectorMoveResultValue[];
  userErrors: UserError[];
}

const INPUT_PATH = ['input'] as const;
const GROUP_ID_PATH = ['input', 'connectorGroupId'];

/**
 * One connector's outcome in the words of the single mutation: its failure mapped by the same
 * table (docs/errors.md), so a connector fails here exactly as `addConnectorMemberOf` would.
 */
export function moveResultOf(outcome: ConnectorMoveOutcome): ConnectorMoveResultValue {
  const requestId = outcome.requestId ?? null;
  if (outcome.ok)
    return { connectorId: outcome.connectorId, outcome: 'MOVED', error: null, requestId };
  if (outcome.kind === 'alreadyMember') {
    return { connectorId: outcome.connectorId, outcome: 'ALREADY_MEMBER', error: null, requestId };
  }
  const answer = answerForFailure(outcome, null);
  const { code, message } = answer.kind === 'userError' ? answer.userError : answer.error;
  return {
    connectorId: outcome.connectorId,
    outcome: 'FAILED',
    error: {
      code,
      message,
      retryAfterSeconds: outcome.retryAfterSeconds ?? null,
      sent: outcome.sent,
    },
    requestId,
  };
}

/**
 * `Mutation.moveConnectors` (docs/graphql-api.md): token check, the domain's validation (every
 * bad or repeated id at its index, no upstream call), the group read (a missing group is
 * NOT_FOUND on `connectorGroupId`; a fault stops every item), then the client's bulk move:
 * `$batch` calls of 20, only throttled steps re-sent (docs/rest-upstream.md, "Bulk moves").
 */
export const moveConnectorsField: GraphQLFieldConfig<unknown, GatewayContext, MoveConnectorsArgs> =
  {
    type: new GraphQLNonNull(MoveConnectorsPayload),
    description:
      "Moves 1 to 100 connectors into one existing connector group through Graph's JSON batching, a result per connector: MOVED, ALREADY_MEMBER or FAILED with the single mutation's code. Throttled steps are re-sent after their Retry-After within the retry budget. Needs `Authorization: Bearer <token>`.",
    args: {
      input: {
        type: new GraphQLNonNull(MoveConnectorsInput),
        description: 'The connectors and the group.',
      },
    },
    resolve: async (_root, { input }, context): Promise<MoveConnectorsPayloadValue> => {
      // What the group read was given, for the move: the same input, token and correlation id.
      let request: MoveConnectorsRequest | undefined;
      let caller: UpstreamCallContext | undefined;
      const read = await resolveUpstreamField(context, {
        operation: 'moveConnectors',
        validate: () => validate(MoveConnectorsRequest, input),
        issuePrefix: INPUT_PATH,
        call: async (value, upstream) => {
          request = value;
          caller = upstream;
          const group = await context.client.getConnectorGroup({
            connectorGroupId: value.connectorGroupId,
            ...upstream,
          });
          // Graph's 404 names no field; here it can only be the group.
          return !group.ok && group.kind === 'notFound'
            ? { ...group, field: GROUP_ID_PATH }
            : group;
        },
        groupField: null,
      });
      if (read.success === null || request === undefined || caller === undefined) {
        return { results: [], userErrors: read.userErrors };
      }
      const moved = await context.client.moveConnectors({
        connectorGroup: read.success.connectorGroup,
        connectorIds: request.connectorIds,
        ...caller,
      });
      return { results: moved.results.map(moveResultOf), userErrors: [] };
    },
  };
