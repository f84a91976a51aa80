/**
 * Contract: the gateway holds up to the raw HTTP/1.1 traffic any public endpoint receives
 * (docs/rest-upstream.md and docs/running.md). Property-based: fast-check draws requests from
 * `hostile/requests.ts` (malformed request lines and headers, odd Host, Accept, Content-Type and
 * Transfer-Encoding, truncated and oversized bodies, malformed JSON, wrong variable types, deep
 * nesting, `__proto__` keys, control characters, lone surrogates and near-GUIDs, mixed with
 * valid requests that carry fresh GUIDs), sends them over real sockets to a real gateway server
 * in front of a recording upstream, and holds the gateway to:
 * - no 5xx, and no stack trace or file path in any response;
 * - `/healthz` answers throughout (on the same connection after each hostile request, and on a
 *   fresh one periodically and at the end);
 * - every upstream request is docs/rest-upstream.md's (path template with a literal `$ref`, body,
 *   the caller's `Authorization` exactly, a GUID `client-request-id`, nothing else forwarded);
 * - a valid request reaches the upstream exactly once and is told it succeeded; an invalid one
 *   never reaches it; one the RFCs leave open reaches it at most once, and exactly when the
 *   caller is told it succeeded (never "406" after the write landed);
 * - no bearer token in any log line.
 *
 * Fixed seed; `HOSTILE_RUNS` and `HOSTILE_SEED` change the run count and seed,
 * `HOSTILE_SURVEY=1` keeps going after a failure and prints every kind of failure found.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from './gateway-harness.ts';
import {
  idsIn,
  isGroupReadBack,
  leaks,
  upstreamViolations,
  verdictViolations,
} from './hostile/contract.ts';
import { hostileEnv } from './hostile/env.ts';
import type { HostileRequest } from './hostile/model.ts';
import { type Exchange, RawConnection } from './hostile/raw-http.ts';
import { type RecordingUpstream, startRecordingUpstream } from './hostile/recording-upstream.ts';
import { plans, render } from './hostile/requests.ts';

const { HOSTILE_RUNS: RUNS, HOSTILE_SEED: SEED, HOSTILE_SURVEY: SURVEY } = hostileEnv;
// Every wait is bounded. Generous: the machine is shared, and a healthy answer takes ~1 ms.
const EXCHANGE_TIMEOUT_MS = 3000;
const HEALTH_EVERY = 250;

const HEALTHZ = Buffer.from('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'latin1');

interface Sent {
  request: HostileRequest;
  upstreamCalls: number;
}

interface Tally {
  requests: number;
  byVerdict: Record<string, number>;
  byStatus: Record<string, number>;
  /** By what went wrong: how often, by which deviations, and one example in full. */
  failures: Map<string, { count: number; causes: Map<string, number>; example: string }>;
}

function excerpt(bytes: Buffer, max = SURVEY ? 4000 : 400): string {
  const text = bytes.toString('latin1');
  return JSON.stringify(
    text.length > max ? `${text.slice(0, max)}...(${text.length} bytes)` : text,
  );
}

function describeExchange(exchange: Exchange | undefined): string {
  if (exchange === undefined) return 'no exchange';
  if (exchange.kind !== 'response') return `${exchange.kind} (${exchange.received.length} bytes)`;
  return `${exchange.response.status} ${excerpt(exchange.response.body, 300)}`;
}

// Groups failures by what went wrong, without the ids and numbers that make each one unique.
function failureKind(violation: string): string {
  return violation
    .replace(/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g, '<id>')
    .replace(/\d+/g, 'N');
}

describe.each([
  { mode: 'development', production: false, seed: SEED },
  { mode: 'production', production: true, seed: SEED + 1 },
])('hostile HTTP/1.1 traffic, $mode', ({ mode, production, seed }) => {
  let upstream: RecordingUpstream;
  let harness: TestGateway;
  let port: number;
  let current: RawConnection | undefined;
  // What each connection carried last: a request that breaks its connection shows on the next.
  const lastOnConnection = new WeakMap<RawConnection, HostileRequest>();
  const owners = new Map<string, Sent>();
  const tally: Tally = { requests: 0, byVerdict: {}, byStatus: {}, failures: new Map() };

  beforeAll(async () => {
    upstream = await startRecordingUpstream();
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, production });
    // The harness serves the gateway as main.ts does: the same server, with its limits.
    port = Number(new URL(await harness.listen()).port);
  });
  afterAll(async () => {
    current?.destroy();
    await harness.close();
    await upstream.close();
  });

  function record(kind: string, label: string, example: string): void {
    const entry = tally.failures.get(kind) ?? { count: 0, causes: new Map(), example };
    entry.count += 1;
    // The deviations (with what they picked), not the valid variations around them.
    const cause = label.replace(/ \[.*$/, '');
    entry.causes.set(cause, (entry.causes.get(cause) ?? 0) + 1);
    tally.failures.set(kind, entry);
  }

  async function connection(): Promise<RawConnection> {
    if (current?.usable) return current;
    current?.destroy();
    current = await RawConnection.open(port, EXCHANGE_TIMEOUT_MS);
    return current;
  }

  async function healthyOnFreshConnection(): Promise<string[]> {
    const fresh = await RawConnection.open(port, EXCHANGE_TIMEOUT_MS);
    try {
      const exchange = await fresh.exchange({ bytes: HEALTHZ, method: 'GET' }, EXCHANGE_TIMEOUT_MS);
      tally.requests += 1;
      return exchange.kind === 'response' && exchange.response.status === 200
        ? []
        : [`/healthz on a fresh connection: ${describeExchange(exchange)}`];
    } finally {
      fresh.destroy();
    }
  }

  /** Sends one request and returns everything it did wrong. */
  async function exchangeOne(request: HostileRequest): Promise<string[]> {
    const sent: Sent = { request, upstreamCalls: 0 };
    for (const id of request.ids) owners.set(id, sent);
    const before = upstream.requests.length;
    const socket = await connection();
    const previous = lastOnConnection.get(socket);
    lastOnConnection.set(socket, request);
    const violations: string[] = [];
    let exchange: Exchange | undefined;
    try {
      exchange = await socket.exchange(request.wire, EXCHANGE_TIMEOUT_MS);
    } catch (error) {
      violations.push(`unparseable response: ${(error as Error).message}`);
      socket.destroy();
    }
    tally.requests += 1;
    tally.byVerdict[request.verdict] = (tally.byVerdict[request.verdict] ?? 0) + 1;
    const statusKey =
      exchange?.kind === 'response' ? `${exchange.response.status}` : (exchange?.kind ?? 'error');
    tally.byStatus[statusKey] = (tally.byStatus[statusKey] ?? 0) + 1;

    if (exchange?.kind === 'response') {
      const { response } = exchange;
      if (response.status >= 500) {
        const firstLine = response.body.toString('utf8').split('\n')[0]?.slice(0, 80) ?? '';
        violations.push(`answered ${response.status} (${JSON.stringify(firstLine)})`);
      }
      const leaked = leaks(response);
      if (leaked.length > 0) violations.push(`the response carries ${leaked.join(', ')}`);
      // RFC 9112 6.1: chunked (any transfer coding) only in answer to HTTP/1.1.
      if (request.version !== 'HTTP/1.1' && response.headers.has('transfer-encoding')) {
        violations.push('sent Transfer-Encoding in answer to a request that was not HTTP/1.1');
      }
      if (request.persistence === 'unknown') {
        socket.destroy();
      } else if (response.closes || request.persistence === 'closes') {
        if (!(await socket.closedWithin(EXCHANGE_TIMEOUT_MS))) {
          violations.push(
            response.closes
              ? 'said Connection: close but kept the connection open'
              : 'kept the connection open after a request that did not persist it (HTTP/1.0, or Connection: close)',
          );
        }
        // Never reused: the server has ended it, or at least stopped reading from it.
        socket.destroy();
      } else if (socket.usable && !request.wire.halfClose && request.verdict !== 'valid') {
        // The next request on this connection must be answered: a body left unread (or read
        // as the next request) shows here, on the request that caused it.
        const probe = await socket.exchange({ bytes: HEALTHZ, method: 'GET' }, EXCHANGE_TIMEOUT_MS);
        tally.requests += 1;
        if (probe.kind !== 'response' || probe.response.status !== 200) {
          violations.push(
            `the next request on that connection (GET /healthz): ${describeExchange(probe)}`,
          );
        }
        if (probe.kind === 'response' && probe.response.closes) socket.destroy();
      }
    } else if (exchange?.kind === 'timeout') {
      violations.push(`neither answered nor closed within ${EXCHANGE_TIMEOUT_MS} ms`);
      socket.destroy();
    } else if (exchange?.kind === 'closed' && request.verdict === 'valid') {
      violations.push('closed the connection without answering a valid request');
    }
    if (!socket.usable) socket.destroy();

    // The upstream answered before the gateway did, so this request's calls are recorded now.
    for (const call of upstream.requests.slice(before)) {
      const owner = idsIn(call)
        .map((id) => owners.get(id))
        .find((found) => found !== undefined);
      if (owner !== sent) continue; // a late call from an earlier request: the final check
      sent.upstreamCalls += 1;
      for (const problem of upstreamViolations(call, request.intent)) violations.push(problem);
    }
    const response = exchange?.kind === 'response' ? exchange.response : undefined;
    violations.push(
      ...verdictViolations(request, sent.upstreamCalls, response, describeExchange(exchange)),
    );
    if (violations.length > 0) {
      const where = `${request.label}\n  request: ${excerpt(request.wire.bytes)}\n  answer: ${describeExchange(exchange)}\n  after, on the same connection: ${previous === undefined ? 'nothing (a new connection)' : `${previous.label}\n    ${excerpt(previous.wire.bytes)}`}`;
      for (const violation of violations) record(failureKind(violation), request.label, where);
      return violations.map((violation) => `${violation}\n  in: ${where}`);
    }
    return [];
  }

  it(
    `keeps every promise under ${RUNS} hostile and valid requests (seed ${seed})`,
    async () => {
      const startedAt = performance.now();
      console.log(
        `hostile-http (${mode}): seed ${seed}, ${RUNS} runs (HOSTILE_RUNS / HOSTILE_SEED change them${SURVEY ? '; survey mode' : ''})`,
      );
      let run = 0;
      const property = fc.asyncProperty(plans, async (plan) => {
        run += 1;
        const violations = await exchangeOne(render(plan, port, randomUUID));
        if (run % HEALTH_EVERY === 0) violations.push(...(await healthyOnFreshConnection()));
        if (violations.length > 0 && !SURVEY) throw new Error(violations.join('\n'));
      });
      let failure: unknown;
      try {
        // No shrinking: each replay of a hang costs a full timeout, and the failure message
        // already names the request's kind, its bytes and the answer.
        await fc.assert(property, { seed, numRuns: RUNS, endOnFailure: true });
      } catch (error) {
        failure = error;
      }

      const final: string[] = [...(await healthyOnFreshConnection())];
      // Every upstream request belongs to exactly one caller's request, and to an allowed one.
      const calls = new Map<Sent, number>();
      for (const call of upstream.requests) {
        if (isGroupReadBack(call)) continue;
        const owner = idsIn(call)
          .map((id) => owners.get(id))
          .find((found) => found !== undefined);
        if (owner === undefined) {
          final.push(`an upstream request no caller sent: ${call.method} ${call.rawPath}`);
          continue;
        }
        calls.set(owner, (calls.get(owner) ?? 0) + 1);
      }
      for (const [owner, count] of calls) {
        // Calls seen while the request was answered were judged then; these came later.
        if (count !== owner.upstreamCalls) {
          final.push(
            `${owner.request.label}: ${count - owner.upstreamCalls} upstream call(s) after it was answered`,
          );
        }
      }
      // No bearer token in any log line, at any point.
      const tokens = new Set<string>();
      for (const sent of new Set(owners.values())) {
        for (const token of sent.request.tokens) tokens.add(token.replace(/^\S+\s+/, ''));
      }
      for (const line of harness.logLines) {
        for (const word of line.match(/[A-Za-z0-9\-._~+/]{8,}=*/g) ?? []) {
          if (tokens.has(word)) final.push(`a bearer token in a log line: ${line.slice(0, 200)}`);
        }
      }
      for (const violation of final) record(failureKind(violation), 'final check', violation);

      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      console.log(
        `hostile-http (${mode}): ${run} runs, ${tally.requests} requests in ${seconds} s; verdicts ${JSON.stringify(tally.byVerdict)}; answers ${JSON.stringify(tally.byStatus)}; ${upstream.requests.length} upstream requests`,
      );
      if (tally.failures.size > 0) {
        const lines = [...tally.failures].map(([kind, { count, causes, example }]) => {
          const top = [...causes]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 30)
            .map(([cause, times]) => `${times} x ${cause}`);
          return `- ${count} x ${kind}\n    in ${top.join('\n    in ')}\n    e.g. ${example.replaceAll('\n', '\n    ')}`;
        });
        console.log(`hostile-http (${mode}): failures by kind:\n${lines.join('\n')}`);
      }
      if (failure !== undefined) throw failure;
      expect(final).toEqual([]);
      expect(tally.failures.size).toBe(0);
    },
    60_000 + RUNS * 40,
  );
});
