import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { graphErrorEnvelope, toRestBody } from '@connectors/domain';
import { nestedBatchError, parseBatch, runBatch } from './batch.ts';
import { serviceOrigin } from './connector-group-reference.ts';
import {
  GROUPS_LIST,
  parseConnectorGroupsQuery,
  refuseQueryOptions,
} from './connector-groups-query.ts';
import {
  type Answer,
  createGroup,
  getConnector,
  listConnectors,
  listGroupMembers,
} from './connector-routes.ts';
import { type Controls, createControls } from './controls.ts';
import { type ApiReply, type ApiRequest, newReply } from './exchange.ts';
import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';
import { type Logger, silentLogger } from './logger.ts';
import {
  addConnectorMemberOf,
  addMemberOf,
  connectorMemberOf,
  getConnectorGroup,
  listMemberOf,
  removeMemberOf,
} from './member-of.ts';
import { parseMemberOfBody, parseReferenceBody } from './member-of-body.ts';
import { nextLink } from './paging.ts';
import { matchRoute, methodNotAllowed } from './routes.ts';
import { incoming, writeReply } from './socket-exchange.ts';
import type { Store, StoredGroup } from './store.ts';

/** What {@link createApp} needs. */
export interface AppDeps {
  store: Store;
  /** Token policy and throttling; default: any non-empty bearer, no throttling. */
  controls?: Controls;
  logger?: Logger;
}

export { API_VERSIONS } from './routes.ts';
export { MAX_BODY_BYTES } from './socket-exchange.ts';

// Graph sends client-request-id back as given; anything longer than a GUID-ish id is not echoed.
const MAX_CLIENT_REQUEST_ID_LENGTH = 128;

/**
 * Builds fake-graph's HTTP server (not yet listening). node:http rather than a framework: a few
 * routes, and full control over status lines, headers and raw bodies is what a stand-in for
 * another service needs.
 */
export function createApp(deps: AppDeps): Server {
  const controls = deps.controls ?? createControls();
  const logger = deps.logger ?? silentLogger;

  async function respond(req: ApiRequest, res: ApiReply) {
    const url = new URL(req.url ?? '/', 'http://fake-graph.invalid');
    if (url.pathname === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw methodNotAllowed(req.method, 'GET, HEAD');
      return sendJson(res, 200, { status: 'ok' });
    }
    if (controls.throttleSeconds !== undefined) {
      const seconds = controls.throttleSeconds;
      throw new GraphHttpError(
        429,
        FAKE_GRAPH_ERROR_CODES.tooManyRequests,
        `Too many requests. Retry after ${seconds} seconds.`,
        { 'retry-after': String(seconds) },
      );
    }
    authenticate(req, controls);
    const { version, route } = matchRoute(req.method, url.pathname);
    if (route.operation !== 'batch' && req.method !== 'GET') admitWrite(controls);
    const service = serviceOrigin(req.headers.host);
    // As the caller named this service; what @odata.context and references are relative to.
    const base = `${service.origin ?? 'http://localhost'}/${version}`;
    const profileContext = `${base}/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups`;
    switch (route.operation) {
      case 'batch': {
        if (req.inBatch) throw nestedBatchError();
        const batch = parseBatch(await readBody(req));
        return sendJson(res, 200, await runBatch(batch, req, version, handleStep));
      }
      case 'seedList': {
        const groups = listMemberOf(deps.store, route.applicationId, route.connectorId);
        return sendCollection(res, `${base}/$metadata#connectorGroups`, groups);
      }
      case 'seedAdd': {
        const target = parseMemberOfBody(await readBody(req), service);
        const created = addMemberOf(deps.store, route.applicationId, route.connectorId, target);
        if (created === undefined) return sendEmpty(res, 204);
        return sendJson(res, 201, toRestBody(created));
      }
      case 'seedRemove':
        removeMemberOf(deps.store, route.applicationId, route.connectorId, route.groupId);
        return sendEmpty(res, 204);
      case 'connectorMemberOf': {
        refuseQueryOptions(url.searchParams);
        const groups = connectorMemberOf(deps.store, route.connectorId);
        return sendCollection(res, `${base}/$metadata#connectorGroups`, groups);
      }
      case 'connectorAddMemberOf': {
        refuseQueryOptions(url.searchParams);
        const groupId = parseReferenceBody(await readBody(req), service);
        addConnectorMemberOf(deps.store, route.connectorId, groupId);
        return sendEmpty(res, 204);
      }
      case 'listGroups': {
        const { page: pageRequest, ...filter } = parseConnectorGroupsQuery(url.searchParams);
        const page = deps.store.listGroupsPage(filter, pageRequest);
        const link =
          page.next === undefined ? undefined : nextLink(url, base, GROUPS_LIST, page.next);
        return sendCollection(res, profileContext, page.items, link);
      }
      case 'createGroup':
        refuseQueryOptions(url.searchParams);
        return sendAnswer(res, createGroup(deps.store, await readBody(req)));
      case 'listGroupMembers':
        return sendAnswer(res, listGroupMembers(deps.store, route.groupId, { url, base }));
      case 'listConnectors':
        return sendAnswer(res, listConnectors(deps.store, { url, base }));
      case 'getConnector':
        return sendAnswer(res, getConnector(deps.store, route.connectorId, { url, base }));
      case 'getGroup': {
        refuseQueryOptions(url.searchParams);
        const group = getConnectorGroup(deps.store, route.groupId);
        return sendJson(res, 200, {
          '@odata.context': `${profileContext}/$entity`,
          ...toRestBody(group),
        });
      }
    }
  }

  // One request (from a socket, or a batch's step) to its complete answer; never rejects.
  async function handle(req: ApiRequest): Promise<ApiReply> {
    const res = newReply();
    const ids = requestIds(req);
    res.headers['request-id'] = ids.requestId;
    if (ids.clientRequestId !== undefined) res.headers['client-request-id'] = ids.clientRequestId;
    try {
      await respond(req, res);
    } catch (error) {
      if (error instanceof GraphHttpError) {
        sendError(res, error, ids);
      } else {
        logger.error(
          `unexpected error, request-id=${ids.requestId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        sendError(
          res,
          new GraphHttpError(
            500,
            FAKE_GRAPH_ERROR_CODES.generalException,
            'An internal error occurred.',
          ),
          ids,
        );
      }
    }
    return res;
  }

  // A batch step: handled as a request of its own, with a line of its own (at debug level).
  async function handleStep(req: ApiRequest): Promise<ApiReply> {
    const reply = await handle(req);
    logger.debug(
      `step ${req.method} ${req.url} ${reply.status} request-id=${reply.headers['request-id']}`,
    );
    return reply;
  }

  return createServer((req, res) => {
    const started = performance.now();
    handle(incoming(req))
      .then((reply) => {
        writeReply(res, reply);
        // Method, path and status only: never headers, so never a bearer token.
        const ms = (performance.now() - started).toFixed(1);
        logger.info(
          `${req.method} ${req.url} ${reply.status} ${ms}ms request-id=${reply.headers['request-id']}`,
        );
      })
      .catch((error: unknown) => {
        logger.error(`could not answer ${req.method} ${req.url}: ${String(error)}`);
        res.destroy();
      });
  });
}

interface RequestIds {
  requestId: string;
  clientRequestId: string | undefined;
}

function requestIds(req: ApiRequest): RequestIds {
  const sent = req.headers['client-request-id'];
  const clientRequestId =
    typeof sent === 'string' && sent !== '' && sent.length <= MAX_CLIENT_REQUEST_ID_LENGTH
      ? sent
      : undefined;
  return { requestId: randomUUID(), clientRequestId };
}

// Graph's write quota, when a test set one: this write is answered 429 with its own Retry-After.
function admitWrite(controls: Controls): void {
  const seconds = controls.writeThrottle?.admit(Date.now());
  if (seconds === undefined) return;
  throw new GraphHttpError(
    429,
    FAKE_GRAPH_ERROR_CODES.tooManyRequests,
    `Too many write requests. Retry after ${seconds} seconds.`,
    { 'retry-after': String(seconds) },
  );
}

// A bearer token as RFC 6750 writes it: the scheme in any case, one space, token68 characters.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

function authenticate(req: ApiRequest, controls: Controls): void {
  const header = req.headers.authorization;
  const unauthenticated = (message: string) =>
    new GraphHttpError(401, FAKE_GRAPH_ERROR_CODES.unauthenticated, message, {
      'www-authenticate': 'Bearer realm="fake-graph"',
    });
  if (header === undefined || header.trim() === '') {
    throw unauthenticated('Access token is empty.');
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) {
    throw unauthenticated("Access token is malformed: send 'Authorization: Bearer <token>'.");
  }
  if (
    controls.rejectedTokens.has(token) ||
    (controls.acceptedToken !== undefined && token !== controls.acceptedToken)
  ) {
    throw unauthenticated('Access token validation failure. Invalid audience.');
  }
  if (controls.forbiddenTokens.has(token)) {
    throw new GraphHttpError(
      403,
      FAKE_GRAPH_ERROR_CODES.forbidden,
      'Insufficient privileges to complete the operation.',
    );
  }
}

function readBody(req: ApiRequest): Promise<string> {
  return req.readBody();
}

function sendJson(res: ApiReply, status: number, body: unknown): void {
  res.status = status;
  res.headers['content-type'] = 'application/json';
  res.body = body;
}

function sendCollection(
  res: ApiReply,
  context: string,
  groups: StoredGroup[],
  link?: string,
): void {
  // The domain's representation, `@odata.type` first: the same builder as the client's body.
  sendJson(res, 200, {
    '@odata.context': context,
    ...(link === undefined ? {} : { '@odata.nextLink': link }),
    value: groups.map(toRestBody),
  });
}

function sendAnswer(res: ApiReply, answer: Answer): void {
  sendJson(res, answer.status, answer.body);
}

function sendEmpty(res: ApiReply, status: number): void {
  res.status = status;
  res.body = undefined;
}

function sendError(res: ApiReply, error: GraphHttpError, ids: RequestIds): void {
  Object.assign(res.headers, error.headers);
  sendJson(res, error.status, graphErrorEnvelope(error.code, error.message, ids));
}
