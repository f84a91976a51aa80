import { EventEmitter } from 'node:events';
import {
  type AddMemberOfRequest,
  ConnectorGroup,
  ConnectorGroupCollection,
  type ConnectorGroupInput,
  ConnectorGroupList,
  type ConnectorGroupName,
  type ConnectorGroupsQuery,
  connectorGroupReference,
  connectorGroupsPath,
  connectorMemberOfPath,
  connectorMemberOfRefPath,
  type ListedConnectorGroup,
  memberOfPath,
  memberOfRefPath,
  parseUpstreamBase,
  toRestBody,
  UpstreamApi,
} from '@connectors/domain';
import { Client, type Dispatcher, Pool } from 'undici';
import { clientRequestIdFor } from './client-request-id.ts';
import { type Clock, systemClock } from './clock.ts';
import type {
  AddMemberOfResult,
  GraphFailure,
  ListConnectorGroupsResult,
  ListMemberOfResult,
} from './result.ts';
import {
  backoffDelayMs,
  DEFAULT_BACKOFF_BASE_MS,
  parseRetryAfter,
  RETRYABLE_STATUSES,
  type RetryRules,
  retriesWithoutAnswer,
  toRetryAfterSeconds,
} from './retry-policy.ts';
import { describeTransportError, isMisuseError } from './transport-failure.ts';
import { failureFromAnswer, readAnswer, type UpstreamAnswer } from './upstream-answer.ts';
import type { UpstreamCallEvent } from './upstream-call-event.ts';

/** How a {@link GraphClient} is built. Defaults match docs/rest-upstream.md. */
export interface GraphClientOptions {
  /** The upstream with its version path, e.g. `http://localhost:4010/v1.0`. */
  baseUrl: string;
  /**
   * Which REST operations to call (docs/rest-upstream.md): `seed` (default), the source
   * document's application-scoped path and body; `graph`, Microsoft Graph's documented beta
   * operations (`https://graph.microsoft.com/beta`).
   */
  api?: UpstreamApi;
  /** Time allowed for each attempt, from sending to the last body byte. Default 10000. */
  timeoutMs?: number;
  /** Retries after the first attempt, so at most 1 + maxRetries attempts. Default 3. */
  maxRetries?: number;
  /** No retry wait may end later than this after the call began. Default 10000. */
  retryBudgetMs?: number;
  /** Size of the keep-alive connection pool to the upstream. Default 64. */
  connections?: number;
  /** Called once per attempt; a listener that throws is ignored. */
  onUpstreamCall?: (event: UpstreamCallEvent) => void;
  /** Time, timers and jitter; for tests. Default: the system clock. */
  clock?: Clock;
  /** First backoff step when no `Retry-After` is given; for tests. Default 200. */
  backoffBaseMs?: number;
}

/** What every call carries besides its input: who calls, for correlation, until when. */
export interface CallerOptions {
  /** The caller's full `Authorization` value (`Bearer eyJ...`), forwarded verbatim. */
  authorization: string;
  /** Sent as `client-request-id` when it is a GUID; otherwise a fresh GUID is sent. */
  clientRequestId?: string;
  /** Aborting rejects the call with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Adding a connector to a group: the domain's parsed {@link AddMemberOfRequest} (branded ids and
 * name, so only a parse makes one), taken as it comes and never checked again here.
 */
export type AddConnectorMemberOfRequest = AddMemberOfRequest & CallerOptions;

/** Listing the groups a connector belongs to: the parsed ids of {@link AddMemberOfRequest}. */
export type ListConnectorMemberOfRequest = Omit<AddMemberOfRequest, 'connectorGroup'> &
  CallerOptions;

/**
 * Listing the tenant's connector groups, or those with exactly one name: the parsed
 * {@link ConnectorGroupsQuery} (its name trimmed, 1 to 256 characters). Absent: every group.
 */
export type ListConnectorGroupsRequest = ConnectorGroupsQuery & CallerOptions;

type Operation = UpstreamCallEvent['operation'];

interface Call {
  operation: Operation;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  authorization: string;
  clientRequestId: string;
  signal: AbortSignal | undefined;
  /** What is retried when no answer came: see {@link RetryRules}. */
  retry: RetryRules;
  /** When the caller's call began: one retry budget covers a lookup and its POST. */
  startedAt?: number;
}

// Where the lookup's two failures point, as paths in the gateway's GraphQL operation: no group
// has the name (fix the name), or several do (give the id).
const LOOKUP_NAME_FIELD = ['input', 'connectorGroup', 'name'];
const LOOKUP_ID_FIELD = ['input', 'connectorGroup', 'id'];
// Enough ids for a person to pick from; the rest are counted, not listed.
const MAX_IDS_IN_MESSAGE = 5;

type AttemptOutcome =
  | { type: 'answer'; answer: UpstreamAnswer }
  | { type: 'timeout' }
  | { type: 'transport'; refused: boolean; message: string };

// What one attempt settles: the call's result, or a failure that may be retried.
interface Verdict<R> {
  result: R | GraphFailure;
  retryable: boolean;
  retryAfterMs?: number;
  status?: number;
  requestId?: string;
}

function integerAtLeast(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer of at least ${min}, got ${value}`);
  }
  return value;
}

// What every result read from an answer carries: its status and, when sent, its request-id.
function answered(answer: UpstreamAnswer): { status: number; requestId?: string } {
  return answer.requestId === undefined
    ? { status: answer.status }
    : { status: answer.status, requestId: answer.requestId };
}

// Graph's `eq` on a string property may ignore case (directory queries often do); the lookup and
// the filtered list promise an exact name, so the answer is filtered here too, ordinal and
// case-sensitive, with no Unicode normalisation: what the caller typed, code unit for code unit.
function withExactName(groups: ListedConnectorGroup[], name: ConnectorGroupName | undefined) {
  return name === undefined ? groups : groups.filter((group) => group.name === name);
}

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

function requireAuthorization(authorization: unknown): string {
  // The value itself is never put in the message: it is a credential.
  if (typeof authorization !== 'string' || authorization.trim() === '') {
    throw new TypeError('authorization must be the caller’s non-empty Authorization header value');
  }
  return authorization;
}

// A token in an error message would end up in the gateway's responses and logs.
function redactor(authorization: string): (text: string) => string {
  const secrets = [authorization, authorization.replace(/^\S+\s+/, '')].filter(
    (secret) => secret.length >= 8,
  );
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

/**
 * The one REST client for a connector's `memberOf` (docs/rest-upstream.md): a keep-alive undici pool
 * to one origin, a timeout per attempt, POST-safe retries, and typed results. An HTTP answer,
 * whatever it is, comes back as a result and never throws; only misuse throws (a missing
 * authorization) or an abort by the caller's signal. Ids, groups and names come parsed by the
 * domain (their types are branded) and are not validated again: a value cast past the compiler
 * is still sent as one percent-encoded path segment or JSON string, never as raw path.
 */
export class GraphClient {
  readonly #api: UpstreamApi;
  readonly #base: string;
  readonly #origin: string;
  readonly #basePath: string;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #retryBudgetMs: number;
  readonly #backoffBaseMs: number;
  readonly #clock: Clock;
  readonly #onUpstreamCall: ((event: UpstreamCallEvent) => void) | undefined;
  readonly #pool: Pool;
  readonly #dispatcherOptions: Pool.Options;

  /**
   * @throws {TypeError} for a base URL that is not absolute http(s) without query or credentials
   * @throws {RangeError} for a number option out of range, or an `api` that is not seed or graph
   */
  constructor(options: GraphClientOptions) {
    this.#base = parseUpstreamBase(options.baseUrl);
    const base = new URL(this.#base);
    const api = UpstreamApi.safeParse(options.api ?? 'seed');
    if (!api.success) throw new RangeError(`api must be seed or graph, got ${String(options.api)}`);
    this.#api = api.data;
    this.#origin = base.origin;
    this.#basePath = base.pathname.replace(/\/+$/, '');
    this.#timeoutMs = integerAtLeast('timeoutMs', options.timeoutMs ?? 10_000, 1);
    this.#maxRetries = integerAtLeast('maxRetries', options.maxRetries ?? 3, 0);
    this.#retryBudgetMs = integerAtLeast('retryBudgetMs', options.retryBudgetMs ?? 10_000, 0);
    this.#backoffBaseMs = integerAtLeast(
      'backoffBaseMs',
      options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
      0,
    );
    this.#clock = options.clock ?? systemClock;
    this.#onUpstreamCall = options.onUpstreamCall;
    // undici's own timers only back up the attempt timeout, which is what callers configure.
    const backstopMs = this.#timeoutMs + 1000;
    this.#dispatcherOptions = { headersTimeout: backstopMs, bodyTimeout: backstopMs };
    this.#pool = new Pool(this.#origin, {
      ...this.#dispatcherOptions,
      connections: integerAtLeast('connections', options.connections ?? 64, 1),
    });
  }

  /**
   * Adds the connector to the group.
   * - `seed`: `POST .../members/{connectorId}/memberOf/$ref` with the connectorGroup body (the
   *   group named by `id`, else by `name`).
   * - `graph`: `POST .../connectors/{connectorId}/memberOf/$ref` with an OData reference to
   *   `connectorGroup.id`; without an id, the group is first looked up by exact name (one
   *   match is used, none is `notFound`, several are `invalidInput`; never created).
   * @throws {TypeError} when `authorization` is empty
   */
  async addConnectorMemberOf(request: AddConnectorMemberOfRequest): Promise<AddMemberOfResult> {
    const path = this.#memberOfPath(request, 'ref');
    const authorization = requireAuthorization(request.authorization);
    const clientRequestId = clientRequestIdFor(request.clientRequestId);
    // The group as the domain parsed it: what a 204 answers with, and what the body is built from.
    const sent = request.connectorGroup;
    if (this.#api === 'graph') {
      return this.#addByReference(path, sent, {
        authorization,
        clientRequestId,
        signal: request.signal,
      });
    }
    return this.#send<AddMemberOfResult>(
      {
        operation: 'addConnectorMemberOf',
        method: 'POST',
        path,
        body: JSON.stringify(toRestBody(sent)),
        authorization,
        clientRequestId,
        signal: request.signal,
        retry: 'postSafe',
      },
      (answer) => addedGroup(answer, sent),
      (answer) => ({ ok: true, connectorGroup: sent, ...answered(answer) }),
    );
  }

  // The `graph` profile's add: the group's id (given, or found by name), then the reference POST.
  async #addByReference(
    path: string,
    input: ConnectorGroupInput,
    caller: Pick<Call, 'authorization' | 'clientRequestId' | 'signal'>,
  ): Promise<AddMemberOfResult> {
    const startedAt = this.#clock.now();
    let target: ConnectorGroup & Pick<ListedConnectorGroup, 'id'>;
    if (input.id === undefined) {
      const found = await this.#lookupByName(input.name, { ...caller, startedAt });
      if (!found.ok) return found;
      target = found.group;
    } else {
      // By id the group is returned as the caller sent it: a read after the POST would add a
      // round trip, and a failure after the add had landed, for fields the caller already has.
      target = { ...input, id: input.id };
    }
    return this.#send<AddMemberOfResult>(
      {
        ...caller,
        operation: 'addConnectorMemberOf',
        method: 'POST',
        path,
        body: JSON.stringify(connectorGroupReference(this.#base, target.id)),
        retry: 'postSafe',
        startedAt,
      },
      (answer) => addedGroup(answer, target),
      (answer) => ({ ok: true, connectorGroup: target, ...answered(answer) }),
    );
  }

  // One group by exact name, through the filtered list: a read, retried as reads are.
  async #lookupByName(
    name: ConnectorGroupName,
    caller: Pick<Call, 'authorization' | 'clientRequestId' | 'signal' | 'startedAt'>,
  ): Promise<{ ok: true; group: ListedConnectorGroup } | GraphFailure> {
    const listed = await this.#listGroups({ name }, 'lookupConnectorGroup', caller);
    if (!listed.ok) return listed;
    const redact = redactor(caller.authorization);
    const ids = {
      status: listed.status,
      ...(listed.requestId === undefined ? {} : { requestId: listed.requestId }),
    };
    const [only, ...others] = listed.connectorGroups;
    if (only === undefined) {
      return {
        ok: false,
        kind: 'notFound',
        message: redact(
          `no connector group is named ${JSON.stringify(name)}; groups are never created by this operation: create it first, or name an existing one`,
        ),
        field: LOOKUP_NAME_FIELD,
        ...ids,
      };
    }
    if (others.length > 0) {
      const all = listed.connectorGroups.map((group) => group.id);
      const shown = all.slice(0, MAX_IDS_IN_MESSAGE).join(', ');
      const more =
        all.length > MAX_IDS_IN_MESSAGE ? ` and ${all.length - MAX_IDS_IN_MESSAGE} more` : '';
      return {
        ok: false,
        kind: 'invalidInput',
        message: redact(
          `${all.length} connector groups are named ${JSON.stringify(name)} (${shown}${more}): name the one you mean by connectorGroup.id`,
        ),
        field: LOOKUP_ID_FIELD,
        ...ids,
      };
    }
    return { ok: true, group: only };
  }

  /**
   * The groups the connector belongs to: `GET .../members/{connectorId}/memberOf` (`seed`, with
   * the POST-safe retry rules it shipped with) or `GET .../connectors/{connectorId}/memberOf`
   * (`graph`, retried as a read).
   * @throws {TypeError} when `authorization` is empty
   */
  async listConnectorMemberOf(request: ListConnectorMemberOfRequest): Promise<ListMemberOfResult> {
    const path = this.#memberOfPath(request, 'list');
    return this.#send<ListMemberOfResult>(
      {
        operation: 'listConnectorMemberOf',
        method: 'GET',
        path,
        authorization: requireAuthorization(request.authorization),
        clientRequestId: clientRequestIdFor(request.clientRequestId),
        signal: request.signal,
        retry: this.#api === 'seed' ? 'postSafe' : 'read',
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

  /**
   * `GET .../applicationProxy/connectorGroups`, with `$filter=name eq '<name>'` when a name is
   * given: the tenant's groups, for a picker. Under both profiles (the `seed` one reads the same
   * documented route, which fake-graph serves). With a name, only exact matches are returned.
   * Retried as a read.
   * @throws {TypeError} when `authorization` is empty
   */
  async listConnectorGroups(
    request: ListConnectorGroupsRequest,
  ): Promise<ListConnectorGroupsResult> {
    return this.#listGroups(
      request.name === undefined ? {} : { name: request.name },
      'listConnectorGroups',
      {
        authorization: requireAuthorization(request.authorization),
        clientRequestId: clientRequestIdFor(request.clientRequestId),
        signal: request.signal,
      },
    );
  }

  async #listGroups(
    query: ConnectorGroupsQuery,
    operation: 'listConnectorGroups' | 'lookupConnectorGroup',
    caller: Pick<Call, 'authorization' | 'clientRequestId' | 'signal' | 'startedAt'>,
  ): Promise<ListConnectorGroupsResult> {
    const path = this.#basePath + connectorGroupsPath(query);
    return this.#send<ListConnectorGroupsResult>(
      { ...caller, operation, method: 'GET', path, retry: 'read' },
      (answer) => {
        const parsed = ConnectorGroupList.safeParse(answer.json);
        return parsed.success
          ? {
              ok: true,
              connectorGroups: withExactName(parsed.data.value, query.name),
              ...answered(answer),
            }
          : {
              ok: false,
              kind: 'unknown',
              message: `the upstream answered ${answer.status} with a body that is not a list of connector groups, each with its id`,
              ...answered(answer),
            };
      },
    );
  }

  /** Closes the pool's connections once requests in flight are done. */
  async close(): Promise<void> {
    await this.#pool.close();
  }

  // The profile's memberOf path under the base path. Graph's documented operations do not use
  // the application id; it is parsed anyway, being part of the request.
  #memberOfPath(
    request: Pick<ListConnectorMemberOfRequest, 'applicationId' | 'connectorId'>,
    which: 'ref' | 'list',
  ): string {
    if (this.#api === 'seed') {
      const build = which === 'ref' ? memberOfRefPath : memberOfPath;
      return this.#basePath + build(request.applicationId, request.connectorId);
    }
    const build = which === 'ref' ? connectorMemberOfRefPath : connectorMemberOfPath;
    return this.#basePath + build(request.connectorId);
  }

  /**
   * Runs the attempts of one call. `onSuccess` reads a 2xx; `onDuplicateAfterRetry`, when given,
   * turns a duplicate answer on a retried attempt into success (the earlier attempt landed).
   */
  async #send<R extends { ok: boolean }>(
    call: Call,
    onSuccess: (answer: UpstreamAnswer) => R | GraphFailure,
    onDuplicateAfterRetry?: (answer: UpstreamAnswer) => R,
  ): Promise<R | GraphFailure> {
    call.signal?.throwIfAborted();
    const startedAt = call.startedAt ?? this.#clock.now();
    let freshConnection = false;
    // Bounded: each pass either returns or spends one of maxRetries retries.
    for (let attempt = 1; ; attempt++) {
      const attemptStartedAt = this.#clock.now();
      const outcome = await this.#attempt(call, freshConnection);
      const durationMs = Math.max(0, this.#clock.now() - attemptStartedAt);
      const verdict = this.#judge(outcome, attempt, call, onSuccess, onDuplicateAfterRetry);
      const event = {
        operation: call.operation,
        attempt,
        durationMs,
        ...(verdict.status === undefined ? {} : { status: verdict.status }),
        ...(verdict.requestId === undefined ? {} : { requestId: verdict.requestId }),
      };
      let result = verdict.result;
      if (verdict.retryable && !result.ok) {
        const waitMs =
          verdict.retryAfterMs ??
          backoffDelayMs(attempt - 1, this.#backoffBaseMs, this.#clock.random());
        const withinBudget = this.#clock.now() - startedAt + waitMs <= this.#retryBudgetMs;
        if (attempt <= this.#maxRetries && withinBudget) {
          this.#emit({ ...event, outcome: 'retry' });
          await this.#clock.sleep(waitMs, call.signal);
          // Graph asks that a 503 be retried on a new connection: the old one may be the sick one.
          freshConnection = verdict.status === 503;
          continue;
        }
        if (verdict.retryAfterMs !== undefined) {
          result = {
            ...(result as GraphFailure),
            retryAfterSeconds: toRetryAfterSeconds(verdict.retryAfterMs),
          };
        }
      }
      this.#emit({ ...event, outcome: result.ok ? 'ok' : (result as GraphFailure).kind });
      return result;
    }
  }

  #judge<R extends { ok: boolean }>(
    outcome: AttemptOutcome,
    attempt: number,
    call: Call,
    onSuccess: (answer: UpstreamAnswer) => R | GraphFailure,
    onDuplicateAfterRetry?: (answer: UpstreamAnswer) => R,
  ): Verdict<R> {
    if (outcome.type === 'timeout') {
      return {
        result: {
          ok: false,
          kind: 'timeout',
          message: `the upstream did not answer within ${this.#timeoutMs} ms`,
        },
        retryable: retriesWithoutAnswer(call.retry, false),
      };
    }
    if (outcome.type === 'transport') {
      return {
        result: { ok: false, kind: 'unavailable', message: outcome.message },
        retryable: retriesWithoutAnswer(call.retry, outcome.refused),
      };
    }
    const { answer } = outcome;
    const ids = {
      status: answer.status,
      ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }),
    };
    if (answer.status >= 200 && answer.status < 300) {
      return { ...ids, result: onSuccess(answer), retryable: false };
    }
    // The redactor is built for failures only: a success never needs it.
    const failure = failureFromAnswer(answer, redactor(call.authorization));
    if (failure.kind === 'alreadyMember' && attempt > 1 && onDuplicateAfterRetry) {
      return { ...ids, result: onDuplicateAfterRetry(answer), retryable: false };
    }
    const retryAfterMs = parseRetryAfter(answer.retryAfter, this.#clock.now());
    return {
      ...ids,
      result: failure,
      retryable: RETRYABLE_STATUSES.has(answer.status),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  }

  async #attempt(call: Call, freshConnection: boolean): Promise<AttemptOutcome> {
    // What ends this attempt early, handed to undici as its `signal`: an EventEmitter, which
    // undici takes in place of an AbortSignal. Measured under load (a --cpu-prof of the gateway's
    // bundle): a new AbortController per attempt was 2% of the gateway's busy time; the reason an
    // attempt ended is read from `timedOut` and the caller's signal, never from the abort itself.
    const abort = new EventEmitter();
    let timedOut = false;
    const cancelTimer = this.#clock.setTimer(() => {
      timedOut = true;
      abort.emit('abort');
    }, this.#timeoutMs);
    const onCallerAbort = () => abort.emit('abort');
    call.signal?.addEventListener('abort', onCallerAbort, { once: true });
    // A one-off connection, closed after this attempt, for the retry that must not reuse one.
    const dispatcher: Dispatcher = freshConnection
      ? new Client(this.#origin, this.#dispatcherOptions)
      : this.#pool;
    const headers: Record<string, string> = {
      authorization: call.authorization,
      'client-request-id': call.clientRequestId,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await dispatcher.request({
        origin: this.#origin,
        method: call.method,
        // Sent as given: `$ref` stays literal (undici does not re-encode the path).
        path: call.path,
        headers,
        ...(call.body === undefined ? {} : { body: call.body }),
        signal: abort,
        reset: freshConnection,
      });
      return { type: 'answer', answer: await readAnswer(response) };
    } catch (error) {
      if (call.signal?.aborted) throw call.signal.reason;
      if (timedOut) return { type: 'timeout' };
      if (isMisuseError(error)) throw error;
      const transport = describeTransportError(error);
      return transport.timedOut
        ? { type: 'timeout' }
        : { type: 'transport', refused: transport.refused, message: transport.message };
    } finally {
      cancelTimer();
      call.signal?.removeEventListener('abort', onCallerAbort);
      if (dispatcher !== this.#pool) await dispatcher.destroy();
    }
  }

  #emit(event: UpstreamCallEvent): void {
    try {
      this.#onUpstreamCall?.(event);
    } catch {
      // Metrics and logs must never change the outcome of a call.
    }
  }
}
