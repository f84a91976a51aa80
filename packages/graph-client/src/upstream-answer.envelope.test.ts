/**
 * Graph's error envelope is parsed once per failure, where the answer is read, and never for a
 * success: the failure's message, kind and request-id are all read from that one parse
 * (`answer.envelope`), not from parsing `answer.json` again. Answers come from a real node:http
 * server on 127.0.0.1, read with undici as the client reads them.
 */
import {
  AddMemberOfRequest,
  DUPLICATE_REFERENCE_MESSAGE,
  GRAPH_ERROR_CODES,
  GraphErrorEnvelope,
  graphErrorEnvelope,
  parseValid,
  SEED,
} from '@connectors/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAnswer } from '../test/read-answer.ts';
import { type ScriptedReply, startScriptedUpstream } from '../test/scripted-upstream.ts';
import { GraphClient } from './graph-client.ts';
import { failureFromAnswer } from './upstream-answer.ts';

const AUTHORIZATION = 'Bearer envelope-test-token';
const addRequest = parseValid(AddMemberOfRequest, {
  applicationId: SEED.applicationId,
  connectorId: SEED.connectorId,
  connectorGroup: {
    connectorGroupType: 'applicationProxy',
    isDefault: false,
    name: 'West Europe connectors',
    region: 'eur',
  },
});
const noRedaction = (text: string) => text;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function answerTo(reply: ScriptedReply) {
  const server = await startScriptedUpstream([reply]);
  cleanups.push(server.close);
  return readAnswer(server.origin);
}

async function client(script: ScriptedReply[]) {
  const server = await startScriptedUpstream(script);
  const graph = new GraphClient({ baseUrl: `${server.origin}/v1.0`, maxRetries: 0 });
  cleanups.push(server.close, () => graph.close());
  return graph;
}

const duplicate = graphErrorEnvelope(GRAPH_ERROR_CODES.badRequest, DUPLICATE_REFERENCE_MESSAGE, {
  requestId: 'req-in-envelope',
});

describe('a 2xx body shaped like an envelope', () => {
  it('is not parsed as one: no envelope, and no request-id taken from it', async () => {
    const answer = await answerTo({ status: 200, body: duplicate });

    expect(answer.json).toEqual(duplicate);
    expect(answer.envelope).toBeUndefined();
    expect(answer.requestId).toBeUndefined();
  });

  it('costs no envelope parse on the way to a success, nor does an empty 204', async () => {
    const parse = vi.spyOn(GraphErrorEnvelope, 'safeParse');
    const graph = await client([{ status: 201, body: duplicate }, { status: 204 }]);

    const withBody = await graph.addConnectorMemberOf({
      ...addRequest,
      authorization: AUTHORIZATION,
    });
    const empty = await graph.addConnectorMemberOf({ ...addRequest, authorization: AUTHORIZATION });

    expect(withBody).toMatchObject({ ok: true, status: 201 });
    expect(withBody).not.toHaveProperty('requestId');
    expect(empty).toMatchObject({ ok: true, status: 204 });
    expect(parse).not.toHaveBeenCalled();
  });
});

describe('a failure', () => {
  it('reads message, kind and request-id from the one envelope the answer carries', async () => {
    const answer = await answerTo({ status: 400, body: duplicate });
    expect(answer.envelope).toEqual(duplicate);
    // The request-id header is absent: the envelope's innerError supplied it, at read time.
    expect(answer.requestId).toBe('req-in-envelope');

    // Swap the parsed envelope for another: a reader that parsed `json` again would not see it.
    const other = graphErrorEnvelope(GRAPH_ERROR_CODES.badRequest, 'Name is taken.', {
      requestId: 'req-other',
    });
    const failure = failureFromAnswer({ ...answer, envelope: other }, noRedaction);

    expect(failure).toEqual({
      ok: false,
      kind: 'invalidInput',
      message: 'Name is taken.',
      status: 400,
      requestId: 'req-in-envelope',
    });
    // And from the envelope as read: the duplicate message makes the kind alreadyMember.
    expect(failureFromAnswer(answer, noRedaction)).toMatchObject({
      kind: 'alreadyMember',
      message: DUPLICATE_REFERENCE_MESSAGE,
    });
  });

  it('parses the envelope exactly once per failed call', async () => {
    const parse = vi.spyOn(GraphErrorEnvelope, 'safeParse');
    const graph = await client([{ status: 400, body: duplicate }]);

    const result = await graph.addConnectorMemberOf({
      ...addRequest,
      authorization: AUTHORIZATION,
    });

    expect(result).toEqual({
      ok: false,
      kind: 'alreadyMember',
      message: DUPLICATE_REFERENCE_MESSAGE,
      status: 400,
      requestId: 'req-in-envelope',
      sent: true,
    });
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
