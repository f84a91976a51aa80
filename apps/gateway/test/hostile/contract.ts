/**
 * The hostile suite's oracles: docs/rest-upstream.md for every request that reaches the upstream,
 * section 3's hygiene for every response the gateway gives.
 */
import { homedir } from 'node:os';
import type { HostileRequest, Intent, Operation } from './model.ts';
import type { RawResponse } from './raw-http.ts';
import type { RecordedRequest } from './recording-upstream.ts';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const GUID_ONLY = new RegExp(`^${GUID}$`);
// `$ref` literal (never %24ref), each id one GUID segment, the version path kept.
const POST_PATH = new RegExp(
  `^/v1\\.0/applications/(${GUID})/connectorGroup/members/(${GUID})/memberOf/\\$ref$`,
);
const GET_PATH = new RegExp(
  `^/v1\\.0/applications/(${GUID})/connectorGroup/members/(${GUID})/memberOf$`,
);
const MEMBERS = /\/applications\/([^/]*)\/connectorGroup\/members\/([^/?#]*)/;
const GROUP_READ_BACK = new RegExp(
  `^/v1\\.0/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GUID}$`,
);

/**
 * The read-back after an add by id that the upstream answered 204 (docs/graphql-api.md): a GET
 * of the group, made only once the write landed, so not one of the write's calls.
 */
export function isGroupReadBack(request: RecordedRequest): boolean {
  return request.method === 'GET' && GROUP_READ_BACK.test(request.rawPath);
}

/** The headers the gateway may send upstream: docs/rest-upstream.md's, plus what HTTP itself needs. */
const UPSTREAM_HEADERS = new Set([
  'host',
  'authorization',
  'client-request-id',
  'content-type',
  'content-length',
  'connection',
]);
const REST_BODY_KEYS = new Set([
  '@odata.type',
  'id',
  'connectorGroupType',
  'isDefault',
  'name',
  'region',
]);

/** The ids an upstream request names, decoded, for finding the request that caused it. */
export function idsIn(request: RecordedRequest): string[] {
  const match = MEMBERS.exec(request.rawPath);
  if (match === null) return [];
  return [match[1] ?? '', match[2] ?? ''].map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
}

function headerValues(request: RecordedRequest, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() === name) values.push(request.rawHeaders[i + 1] ?? '');
  }
  return values;
}

function allStringsWellFormed(value: unknown): boolean {
  if (typeof value === 'string') return !/\p{Cs}/u.test(value);
  if (Array.isArray(value)) return value.every(allStringsWellFormed);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).every(
      ([key, item]) => allStringsWellFormed(key) && allStringsWellFormed(item),
    );
  }
  return true;
}

/**
 * Everything wrong with one upstream request, measured against docs/rest-upstream.md and against
 * what the caller asked for (`intent`). Empty when it is exactly the contract's request.
 */
export function upstreamViolations(request: RecordedRequest, intent: Intent): string[] {
  const problems: string[] = [];
  const expectedMethod = intent.operation === 'mutation' ? 'POST' : 'GET';
  if (request.method !== expectedMethod) {
    problems.push(`upstream method ${request.method}, expected ${expectedMethod}`);
  }
  const template = intent.operation === 'mutation' ? POST_PATH : GET_PATH;
  const path = template.exec(request.rawPath);
  if (path === null) {
    problems.push(
      `upstream path ${JSON.stringify(request.rawPath)} is not docs/rest-upstream.md's template`,
    );
  } else if (path[1] !== intent.applicationId || path[2] !== intent.connectorId) {
    problems.push(
      `upstream path names ${path[1]}/${path[2]}, the caller asked for ${intent.applicationId}/${intent.connectorId}`,
    );
  }
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]?.toLowerCase() ?? '';
    if (!UPSTREAM_HEADERS.has(name)) problems.push(`upstream got a header it must not: ${name}`);
  }
  const authorization = headerValues(request, 'authorization');
  if (authorization.length !== 1 || !intent.authorizations.includes(authorization[0] ?? '')) {
    problems.push(
      `upstream Authorization is not the caller's exactly (${authorization.length} value(s) sent)`,
    );
  }
  const clientRequestId = headerValues(request, 'client-request-id');
  if (clientRequestId.length !== 1 || !GUID_ONLY.test(clientRequestId[0] ?? '')) {
    problems.push(`upstream client-request-id ${JSON.stringify(clientRequestId)} is not one GUID`);
  } else if (
    intent.clientRequestId !== undefined &&
    clientRequestId[0] !== intent.clientRequestId
  ) {
    problems.push(`upstream client-request-id is not the caller's GUID ${intent.clientRequestId}`);
  }
  if (intent.operation === 'query') {
    if (request.body.length > 0) problems.push('upstream GET carried a body');
    return problems;
  }
  const contentType = headerValues(request, 'content-type');
  if (contentType.length !== 1 || !/^application\/json(;|$)/.test(contentType[0] ?? '')) {
    problems.push(`upstream Content-Type ${JSON.stringify(contentType)} is not application/json`);
  }
  const text = request.body.toString('utf8');
  if (Buffer.compare(Buffer.from(text, 'utf8'), request.body) !== 0) {
    problems.push('upstream body is not UTF-8');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push('upstream body is not JSON');
    return problems;
  }
  if (!allStringsWellFormed(body)) problems.push('upstream body carries a lone surrogate');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problems.push('upstream body is not a JSON object');
    return problems;
  }
  for (const key of Object.keys(body)) {
    if (!REST_BODY_KEYS.has(key)) problems.push(`upstream body has an unexpected key ${key}`);
  }
  const sent = body as Record<string, unknown>;
  for (const [key, value] of Object.entries(intent.restBody ?? {})) {
    if (sent[key] !== value) {
      problems.push(
        `upstream body ${key} is ${JSON.stringify(sent[key])}, the caller asked for ${JSON.stringify(value)}`,
      );
    }
  }
  if (intent.restBody !== undefined && !('id' in intent.restBody) && 'id' in sent) {
    problems.push('upstream body has an id the caller did not send');
  }
  return problems;
}

// A stack frame, a module path, a file URL or an absolute path of this machine: none may reach
// a client, whatever a dependency throws (docs/running.md).
const LEAKS: [string, RegExp][] = [
  [
    'a stack frame',
    /\bat (?:async )?(?:[\w$.<>[\] ]+ )?\(?(?:\/|file:|node:|[A-Za-z]:\\)[^\s)]*:\d+/,
  ],
  ['a stack frame', /\n\s+at \S/],
  ['node_modules', /node_modules/],
  ['a file URL', /file:\/\//],
  ['a node: internal', /node:internal/],
  ['a source file and line', /\.(?:ts|js|mjs|cjs):\d+/],
  ['a pnpm store path', /\.pnpm\//],
];
const MACHINE_PATHS = [process.cwd(), homedir(), '/work/', '/tmp/', '/home/', '/usr/lib/'];

/** True for GraphiQL's page (development only): a static bundle of third-party code. */
function isGraphiQLPage(response: RawResponse): boolean {
  return (
    response.status === 200 &&
    (response.headers.get('content-type')?.[0] ?? '').startsWith('text/html') &&
    /^\s*<!doctype html>/i.test(response.body.subarray(0, 64).toString('utf8'))
  );
}

/** What a response body (or header) gives away that it must not: a stack, a path. */
export function leaks(response: RawResponse): string[] {
  const text = [
    response.body.toString('utf8'),
    ...[...response.headers].map(([name, values]) => `${name}: ${values.join(', ')}`),
  ].join('\n');
  // GraphiQL's page inlines the published GraphiQL and Monaco bundles, whose bundler left
  // module comments (`// ../../node_modules/.pnpm/monaco-editor@0.52.2/...`) and whose code
  // holds `file:///` examples: paths of their build, not of this machine. The page is still
  // searched for this machine's paths and for stack frames.
  const patterns = isGraphiQLPage(response)
    ? LEAKS.filter(([what]) => what === 'a stack frame')
    : LEAKS;
  const found = patterns.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
  for (const path of MACHINE_PATHS) {
    if (path.length > 1 && text.includes(path)) found.push(`the path ${path}`);
  }
  return [...new Set(found)];
}

const FIELD: Record<Operation, string> = {
  mutation: 'addConnectorMemberOf',
  query: 'connectorMemberOf',
};

// A JSON response, an SSE `data:` line or a multipart part: wherever a GraphQL result may be.
function results(body: string): unknown[] {
  const candidates = [body, ...body.split(/\r?\n/).map((line) => line.replace(/^data:\s?/, ''))];
  for (const part of body.split(/\r?\n\r?\n/)) candidates.push(part);
  const parsed: unknown[] = [];
  for (const candidate of candidates) {
    const trimmed = candidate.trim();
    if (!trimmed.startsWith('{')) continue;
    try {
      parsed.push(JSON.parse(trimmed));
    } catch {
      // Not a result; keep looking.
    }
  }
  return parsed;
}

/** True when the response tells the caller the operation succeeded (no errors, no user errors). */
export function reportsSuccess(response: RawResponse, operation: Operation): boolean {
  return results(response.body.toString('utf8')).some((result) => {
    const { data, errors } = result as {
      data?: Record<
        string,
        { userErrors?: unknown[]; connectorGroup?: unknown; connectorGroups?: unknown } | null
      >;
      errors?: unknown;
    };
    const payload = data?.[FIELD[operation]];
    if (errors !== undefined || payload === undefined || payload === null) return false;
    const succeeded =
      operation === 'mutation'
        ? payload.connectorGroup !== null && payload.connectorGroup !== undefined
        : Array.isArray(payload.connectorGroups);
    return Array.isArray(payload.userErrors) && payload.userErrors.length === 0 && succeeded;
  });
}

/**
 * What a request's outcome breaks of its verdict: a valid request reaches the upstream exactly
 * once and is told it succeeded; an invalid one never reaches it; one the RFCs leave open
 * reaches it at most once, and exactly when its caller is told it succeeded. `response` is
 * undefined when the server closed or said nothing (judged elsewhere).
 */
export function verdictViolations(
  request: HostileRequest,
  upstreamCalls: number,
  response: RawResponse | undefined,
  answer: string,
): string[] {
  const success = response !== undefined && reportsSuccess(response, request.intent.operation);
  const problems: string[] = [];
  if (request.verdict === 'valid') {
    if (upstreamCalls !== 1) {
      problems.push(`a valid request reached the upstream ${upstreamCalls} times`);
    }
    if (response !== undefined && (response.status !== 200 || !success)) {
      problems.push(`a valid request was not told it succeeded: ${answer}`);
    }
  } else if (request.verdict === 'invalid') {
    if (upstreamCalls > 0) {
      problems.push(`an invalid request reached the upstream ${upstreamCalls} times`);
    }
  } else {
    if (upstreamCalls > 1) problems.push(`reached the upstream ${upstreamCalls} times`);
    if (response !== undefined && (upstreamCalls === 1) !== success) {
      problems.push(
        upstreamCalls === 1
          ? `executed upstream, yet the caller was told otherwise: ${answer}`
          : 'told the caller it succeeded, yet nothing reached the upstream',
      );
    }
  }
  return problems;
}
