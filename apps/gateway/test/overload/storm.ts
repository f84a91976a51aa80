import { randomUUID } from 'node:crypto';
import { RawConnection } from '../hostile/raw-http.ts';
import type { RecordedRequest, RecordingUpstream } from '../hostile/recording-upstream.ts';

/** One caller's request and what the gateway told it. */
export interface CallerResult {
  /** The `client-request-id` it sent: how the upstream's record names its calls. */
  clientRequestId: string;
  /** `performance.now()` when it was sent, and when its answer was in. */
  sentAt: number;
  answeredAt: number;
  /** `ok`, the error's `extensions.code`, or how the exchange failed (`closed`, `timeout`). */
  outcome: string;
  /** The error's `extensions.sent`, when it carried one. */
  sent?: boolean;
  retryAfterSeconds?: number;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string; sent?: unknown; retryAfterSeconds?: unknown } }[];
}

/**
 * `count` callers at once, each on its own connection (as browsers behind a balancer arrive),
 * each sending one POST of `body` with its own `client-request-id`; every wait bounded by
 * `boundMs`. Resolves when every caller has its answer.
 */
export async function storm(
  port: number,
  count: number,
  body: string,
  boundMs: number,
): Promise<CallerResult[]> {
  return Promise.all(Array.from({ length: count }, () => call(port, body, boundMs)));
}

async function call(port: number, body: string, boundMs: number): Promise<CallerResult> {
  const clientRequestId = randomUUID();
  const sentAt = performance.now();
  const result = (outcome: string, rest: Partial<CallerResult> = {}): CallerResult => ({
    clientRequestId,
    sentAt,
    answeredAt: performance.now(),
    outcome,
    ...rest,
  });
  let connection: RawConnection;
  try {
    connection = await RawConnection.open(port, boundMs);
  } catch {
    return result('unconnected');
  }
  try {
    const head = [
      'POST /graphql HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Content-Type: application/json',
      'Authorization: Bearer overload-token',
      `client-request-id: ${clientRequestId}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
    ].join('\r\n');
    const exchange = await connection.exchange(
      { bytes: Buffer.from(`${head}\r\n\r\n${body}`) },
      boundMs,
    );
    if (exchange.kind !== 'response') return result(exchange.kind);
    const answer = JSON.parse(exchange.response.body.toString('utf8')) as GraphQLAnswer;
    const error = answer.errors?.[0];
    if (error === undefined) return result('ok');
    const { code, sent, retryAfterSeconds } = error.extensions ?? {};
    return result(typeof code === 'string' ? code : 'uncoded', {
      ...(typeof sent === 'boolean' ? { sent } : {}),
      ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
    });
  } finally {
    connection.destroy();
  }
}

/** What one storm did to the upstream and its callers: the figures the README quotes. */
export interface StormFigures {
  callers: number;
  upstreamCalls: number;
  callsPerRequest: number;
  connectionsOpened: number;
  maxInFlight: number;
  /** Callers by outcome, `CODE sent:true|false|? [retryAfter:N]` for errors. */
  outcomes: Record<string, number>;
  /** Upstream calls its client abandoned before the answer (an aborted POST may have landed). */
  abandonedCalls: number;
  /** Callers told `UPSTREAM_TIMEOUT` ("may have landed") whose call the upstream never received. */
  timeoutsNeverSent: number;
  seconds: number;
}

/** Sums up a storm. */
export function figures(
  results: readonly CallerResult[],
  upstream: RecordingUpstream,
  startedAt: number,
): StormFigures {
  const received = new Set(upstream.requests.map((request) => request.clientRequestId));
  const outcomes: Record<string, number> = {};
  for (const { outcome, sent, retryAfterSeconds } of results) {
    const wait = retryAfterSeconds === undefined ? '' : ` retryAfter:${retryAfterSeconds}`;
    const key = outcome === 'ok' ? 'ok' : `${outcome} sent:${sent ?? '?'}${wait}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  return {
    callers: results.length,
    upstreamCalls: upstream.requests.length,
    callsPerRequest: Math.round((upstream.requests.length / results.length) * 100) / 100,
    connectionsOpened: upstream.connectionsOpened,
    maxInFlight: upstream.maxInFlight,
    outcomes,
    abandonedCalls: upstream.requests.filter((request) => request.aborted).length,
    timeoutsNeverSent: results.filter(
      (result) => result.outcome === 'UPSTREAM_TIMEOUT' && !received.has(result.clientRequestId),
    ).length,
    seconds: Math.round((performance.now() - startedAt) / 100) / 10,
  };
}

/**
 * Every caller's account against the upstream's own record: a success was sent; an error says
 * `sent`, and `sent: true` exactly when the upstream received a call with the caller's
 * `client-request-id`; `UPSTREAM_TIMEOUT` (the write may have landed) only for a call that was
 * sent. Returns one line per caller whose account is untrue.
 */
export function untrueAccounts(
  results: readonly CallerResult[],
  record: readonly RecordedRequest[],
): string[] {
  const received = new Map<string, number>();
  for (const request of record) {
    const id = request.clientRequestId ?? '';
    received.set(id, (received.get(id) ?? 0) + 1);
  }
  const untrue: string[] = [];
  for (const result of results) {
    const calls = received.get(result.clientRequestId) ?? 0;
    let problem: string | undefined;
    if (result.outcome === 'ok') {
      if (calls === 0) problem = 'told ok, but the upstream never received its call';
    } else if (result.outcome === 'UPSTREAM_TIMEOUT' && calls === 0) {
      problem = 'told UPSTREAM_TIMEOUT for a call never sent';
    } else if (result.sent === undefined) {
      problem = `told ${result.outcome} without extensions.sent (${calls} call(s) received)`;
    } else if (result.sent !== calls > 0) {
      problem = `told ${result.outcome} sent:${result.sent}, but the upstream received ${calls} call(s)`;
    }
    if (problem !== undefined) untrue.push(`${result.clientRequestId}: ${problem}`);
  }
  return untrue;
}
