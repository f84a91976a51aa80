/**
 * Hostile HTTP/1.1 requests for the gateway, as fast-check arbitraries of plain data (a plan)
 * rendered to bytes with fresh GUIDs at send time, so every request's ids are its own and an
 * upstream request always says which request caused it, even when a run is replayed.
 *
 * A plan is a valid request (mutation or Query, POST or GET, any of the legitimate variations of
 * host, accept, content type, framing, target form, token and ids) plus zero to two deviations.
 * Each deviation carries its verdict, from docs/ and the HTTP RFCs, not from the gateway's code:
 * - `valid`: must reach the upstream exactly once and be answered with success;
 * - `invalid`: must never reach the upstream;
 * - `either`: the RFCs leave the server a choice; it must be consistent (reach the upstream
 *   at most once, and exactly when the caller is told it succeeded).
 */
import fc from 'fast-check';
import { inlineMutation, inlineQuery, MUTATION, QUERY } from './documents.ts';
import { HTTP_DEVIATIONS } from './http-deviations.ts';
import { INPUT_DEVIATIONS } from './input-deviations.ts';
import {
  type Base,
  type Deviation,
  type DeviationSpec,
  type Draft,
  type HostileRequest,
  type Intent,
  REGIONS,
  type Stage,
  takePicked,
  worse,
} from './model.ts';
import { base } from './valid-requests.ts';

const DEVIATIONS: Record<string, DeviationSpec> = { ...HTTP_DEVIATIONS, ...INPUT_DEVIATIONS };

/** A whole plan: the valid request and what is done to it. */
export interface Plan {
  base: Base;
  deviations: readonly Deviation[];
}

/** Plans: about a third valid as they stand, the rest with one or two deviations. */
export const plans: fc.Arbitrary<Plan> = base.chain((b) => {
  const kinds = Object.entries(DEVIATIONS)
    .filter(([, spec]) => spec.when === undefined || spec.when(b))
    .map(([kind]) => kind);
  const deviation = fc.record({ kind: fc.constantFrom(...kinds), n: fc.nat({ max: 1 << 20 }) });
  return fc.record({
    base: fc.constant(b),
    deviations: fc.oneof(
      { weight: 3, arbitrary: fc.constant<Deviation[]>([]) },
      { weight: 5, arbitrary: fc.tuple(deviation) },
      {
        weight: 2,
        // Two framings do not compose (the second would reframe the first), nor do two request
        // lines: one deviation per stage, apart from arguments and headers.
        arbitrary: fc.uniqueArray(deviation, {
          minLength: 2,
          maxLength: 2,
          selector: (x) => {
            const spec = DEVIATIONS[x.kind];
            if (spec?.slot !== undefined) return spec.slot;
            return spec?.stage === 'args' || spec?.stage === 'headers' ? x.kind : spec?.stage;
          },
        }),
      },
    ),
  });
});

function persistenceOf(
  version: string,
  connection: Base['connection'],
): HostileRequest['persistence'] {
  if (version === 'HTTP/1.1') return connection === 'close' ? 'closes' : 'persists';
  if (version === 'HTTP/1.0') return connection === 'keep-alive' ? 'unknown' : 'closes';
  return 'unknown';
}

function readName(body: Buffer): string | undefined {
  try {
    const params = JSON.parse(new TextDecoder().decode(body)) as {
      variables?: { input?: { connectorGroup?: { name?: unknown } } };
    };
    const name = params.variables?.input?.connectorGroup?.name;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function upper(id: string, yes: boolean): string {
  return yes ? id.toUpperCase() : id;
}

function clientRequestIdHeader(
  b: Base,
  fresh: () => string,
): { header?: string; forwarded?: string } {
  const id = fresh();
  switch (b.clientRequestId) {
    case 'none':
      return {};
    case 'guid':
      return { header: id, forwarded: id };
    case 'upper-guid':
      return { header: id.toUpperCase(), forwarded: id.toUpperCase() };
    case 'not-a-guid':
      return { header: 'not-a-guid' };
    case 'near-guid':
      return { header: `${id}0` };
  }
}

function chunked(body: Buffer, pieces: number, extensions: boolean, trailer: boolean): Buffer {
  const parts: Buffer[] = [];
  const size = Math.max(1, Math.ceil(body.length / pieces));
  for (let at = 0; at < body.length; at += size) {
    const piece = body.subarray(at, at + size);
    parts.push(
      Buffer.from(`${piece.length.toString(16)}${extensions ? ';ext="v"' : ''}\r\n`),
      piece,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(trailer ? '0\r\nX-Trailer: done\r\n\r\n' : '0\r\n\r\n'));
  return Buffer.concat(parts);
}

/** Renders a plan for a gateway on `port`, with fresh GUIDs from `fresh`. */
export function render(plan: Plan, port: number, fresh: () => string): HostileRequest {
  const b = plan.base;
  const applicationId = upper(fresh(), b.upperCaseIds);
  const connectorId = upper(fresh(), b.upperCaseIds);
  const groupId = b.group.withId ? upper(fresh(), b.upperCaseIds) : undefined;
  const authorization = `${b.scheme}${' '.repeat(b.schemeSpaces)}${b.token}`;
  const crid = clientRequestIdHeader(b, fresh);
  const group: Record<string, unknown> = {
    ...(groupId === undefined ? {} : { id: groupId }),
    connectorGroupType: 'APPLICATION_PROXY',
    isDefault: b.group.isDefault,
    name: b.group.name,
    region: b.group.region,
  };
  const args: Record<string, unknown> =
    b.operation === 'mutation'
      ? { input: { applicationId, connectorId, connectorGroup: group } }
      : { applicationId, connectorId };
  const intent: Intent = {
    operation: b.operation,
    applicationId,
    connectorId,
    authorizations: [authorization],
    ...(crid.forwarded === undefined ? {} : { clientRequestId: crid.forwarded }),
    ...(b.operation === 'mutation'
      ? {
          restBody: {
            '@odata.type': '#microsoft.graph.connectorGroup',
            ...(groupId === undefined ? {} : { id: groupId }),
            connectorGroupType: 'applicationProxy',
            isDefault: b.group.isDefault,
            name: b.group.name.trim(),
            region: REGIONS[b.group.region],
          },
        }
      : {}),
  };
  const draft: Draft = {
    base: b,
    port,
    verdict: 'valid',
    labels: [],
    method: b.transport === 'get' ? 'GET' : 'POST',
    target: '/graphql',
    version: 'HTTP/1.1',
    eol: '\r\n',
    headers: [],
    args,
    extraVariables: {},
    params: {},
    body: Buffer.alloc(0),
    framing:
      b.transport === 'get' ? 'none' : b.framing.startsWith('chunked') ? 'chunked' : 'length',
    halfClose: false,
    intent,
    ids: [applicationId, connectorId, ...(groupId === undefined ? [] : [groupId])],
    tokens: [authorization],
    fresh,
    hostFault: undefined,
  };

  const byStage = (stage: Stage) =>
    plan.deviations.filter((deviation) => DEVIATIONS[deviation.kind]?.stage === stage);
  const applyStage = (stage: Stage) => {
    for (const deviation of byStage(stage)) {
      const spec = DEVIATIONS[deviation.kind];
      if (spec === undefined) throw new Error(`unknown deviation ${deviation.kind}`);
      takePicked();
      spec.apply(draft, deviation.n);
      const picked = takePicked();
      draft.verdict = worse(draft.verdict, spec.verdict);
      draft.labels.push(
        picked.length === 0 ? deviation.kind : `${deviation.kind}(${picked.join(', ')})`,
      );
    }
  };

  applyStage('args');
  const document =
    b.style === 'inline'
      ? b.operation === 'mutation'
        ? inlineMutation(draft.args.input)
        : inlineQuery(draft.args)
      : b.operation === 'mutation'
        ? MUTATION
        : QUERY;
  const variables =
    b.style === 'inline' ? draft.extraVariables : { ...draft.args, ...draft.extraVariables };
  const operationName =
    b.style === 'inline'
      ? b.operation === 'mutation'
        ? 'AddInline'
        : 'GroupsInline'
      : b.operation === 'mutation'
        ? 'Add'
        : 'Groups';
  draft.params = {
    query: document,
    ...(Object.keys(variables).length > 0 || b.style === 'variables' ? { variables } : {}),
    ...(b.operationName ? { operationName } : {}),
  };

  if (b.transport === 'get') {
    const search = new URLSearchParams({ query: String(draft.params.query) });
    if (draft.params.variables !== undefined)
      search.set('variables', JSON.stringify(draft.params.variables));
    if (b.operationName) search.set('operationName', operationName);
    draft.target = `/graphql?${search.toString()}`;
  } else {
    applyStage('params');
    draft.body = Buffer.from(JSON.stringify(draft.params));
    applyStage('body');
    if (b.operation === 'mutation' && intent.restBody !== undefined) {
      // What the gateway can read from these bytes: UTF-8 decoding replaces bytes that are not
      // UTF-8 with U+FFFD, so that is the name the caller can be said to have sent.
      const decoded = readName(draft.body);
      if (decoded !== undefined) intent.restBody.name = decoded.trim();
    }
  }

  const host = b.host.replace('PORT', String(port));
  if (b.target === 'absolute') draft.target = `http://${host}${draft.target}`;
  if (b.target === 'absolute-other-host') draft.target = `http://gateway.example${draft.target}`;
  draft.headers.push(`Host: ${host}`);
  if (b.accept !== null) draft.headers.push(`Accept: ${b.accept}`);
  if (b.transport === 'post') draft.headers.push(`Content-Type: ${b.contentType}`);
  else draft.headers.push(`${b.csrfHeader}: 1`);
  draft.headers.push(`Authorization: ${authorization}`);
  if (crid.header !== undefined) draft.headers.push(`client-request-id: ${crid.header}`);
  draft.headers.push(...b.extraHeaders);
  if (b.expectContinue && b.transport === 'post') draft.headers.push('Expect: 100-continue');
  if (b.connection !== 'none') draft.headers.push(`Connection: ${b.connection}`);

  applyStage('framing');
  applyStage('headers');
  applyStage('line');
  // A browser's GET, preferring HTML: yoga may answer with GraphiQL (outside production) rather
  // than run the query, which is its documented behaviour.
  if (b.transport === 'get' && draft.method === 'GET' && /text\/html/.test(b.accept ?? '')) {
    draft.verdict = worse(draft.verdict, 'either');
  }
  if (draft.hostFault !== undefined) {
    // The two rules of RFC 9112 pull apart for an absolute-form target (the Host is to be
    // ignored, and also refused when bad): either answer is right there, and under HTTP/1.0.
    const absolute = /^\s*https?:\/\//i.test(draft.target);
    const strict = draft.version === 'HTTP/1.1' && !absolute;
    draft.verdict = worse(draft.verdict, strict ? 'invalid' : 'either');
  }

  let payload = draft.body;
  if (draft.framing === 'length') {
    const length = b.framing === 'length-zeros' ? `000${payload.length}` : String(payload.length);
    draft.headers.push(`Content-Length: ${length}`);
  }
  if (draft.framing === 'chunked') {
    if (!draft.headers.some((line) => /^transfer-encoding:/i.test(line))) {
      draft.headers.push('Transfer-Encoding: chunked');
    }
    payload = chunked(
      payload,
      b.chunks,
      b.framing === 'chunked-extensions',
      b.framing === 'chunked-trailer',
    );
  }
  const head = [
    `${draft.method} ${draft.target} ${draft.version}`.trimEnd(),
    ...draft.headers,
  ].join(draft.eol);
  // Header bytes as latin1: one byte per character, the way HTTP/1.1 carries them.
  const bytes = Buffer.concat([Buffer.from(`${head}${draft.eol}${draft.eol}`, 'latin1'), payload]);

  const variations = [
    b.operation,
    b.transport,
    b.style,
    b.host === '127.0.0.1:PORT' ? '' : `host=${b.host}`,
    b.accept === null ? 'no-accept' : b.accept === 'application/json' ? '' : `accept=${b.accept}`,
    b.framing === 'length' || b.transport === 'get' ? '' : b.framing,
    b.target === 'origin' ? '' : b.target,
  ].filter((part) => part !== '');
  return {
    label: `${draft.verdict}: ${draft.labels.length === 0 ? 'as is' : draft.labels.join(' + ')} [${variations.join(', ')}]`,
    verdict: draft.verdict,
    intent,
    ids: draft.ids,
    tokens: draft.tokens,
    persistence: persistenceOf(draft.version, b.connection),
    version: draft.version,
    wire: { bytes, halfClose: draft.halfClose, method: draft.method.trim() },
  };
}
