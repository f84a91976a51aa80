/**
 * The hostile suite's request model: what a request is, what it may cause upstream, and the
 * draft that deviations edit while a plan is rendered to bytes.
 */
import type { Outgoing } from './raw-http.ts';

/** The writable regions, GraphQL name to REST value (docs/graphql-api.md). */
export const REGIONS = { NAM: 'nam', EUR: 'eur', AUS: 'aus', ASIA: 'asia', IND: 'ind' } as const;
export type Region = keyof typeof REGIONS;

export type Verdict = 'valid' | 'invalid' | 'either';
export type Operation = 'mutation' | 'query';

/** What a request asks of the upstream, when it is executed. */
export interface Intent {
  operation: Operation;
  applicationId: string;
  connectorId: string;
  /** The exact REST body the mutation must send (docs/rest-upstream.md), name trimmed. */
  restBody?: Record<string, unknown>;
  /** Values the forwarded `Authorization` may have (one, unless the caller sent two). */
  authorizations: string[];
  /** The caller's `client-request-id` when it is a GUID: forwarded as is. Else a fresh one. */
  clientRequestId?: string;
}

/** One rendered request: its bytes, its verdict and what it may cause upstream. */
export interface HostileRequest {
  label: string;
  verdict: Verdict;
  intent: Intent;
  /** Every id string this request carries: an upstream request naming one is this request's. */
  ids: string[];
  /** Bearer tokens this request carries (none may appear in a log line). */
  tokens: string[];
  /**
   * What the connection does after the answer (RFC 9112 9.3, 9.6): `persists` (HTTP/1.1),
   * `closes` (the client sent `Connection: close`, or HTTP/1.0 without keep-alive: the server
   * must close), or `unknown` (HTTP/1.0 keep-alive, or another version: the server may do
   * either). Only a persisting connection carries another request.
   */
  persistence: 'persists' | 'closes' | 'unknown';
  /** The request line's version, as sent (`HTTP/1.1`, or a deviation's). */
  version: string;
  wire: Outgoing;
}

/** The legitimate variations of a request; every combination must be executed exactly once. */
export interface Base {
  operation: Operation;
  transport: 'post' | 'get';
  style: 'variables' | 'inline';
  operationName: boolean;
  upperCaseIds: boolean;
  group: { withId: boolean; isDefault: boolean; region: Region; name: string };
  scheme: 'Bearer' | 'bearer' | 'BEARER';
  schemeSpaces: number;
  token: string;
  clientRequestId: 'none' | 'guid' | 'upper-guid' | 'not-a-guid' | 'near-guid';
  host: string;
  accept: string | null;
  contentType: string;
  framing: 'length' | 'chunked' | 'chunked-extensions' | 'chunked-trailer' | 'length-zeros';
  chunks: number;
  target: 'origin' | 'absolute' | 'absolute-other-host';
  csrfHeader: 'x-graphql-yoga-csrf' | 'graphql-require-preflight';
  extraHeaders: string[];
  expectContinue: boolean;
  /** The client's `Connection` header: `close` asks the server to close after answering. */
  connection: 'none' | 'keep-alive' | 'close';
}

/** The request as it is being rendered; deviations edit it at their stage. */
export interface Draft {
  base: Base;
  port: number;
  verdict: Verdict;
  labels: string[];
  method: string;
  target: string;
  version: string;
  eol: string;
  /** Header lines, `Name: value`, rendered in order; a deviation may add malformed ones. */
  headers: string[];
  /** The operation's arguments: `{ input }` for the mutation, the two ids for the Query. */
  args: Record<string, unknown>;
  /** Variables not declared by the document (ignored by GraphQL, still parsed). */
  extraVariables: Record<string, unknown>;
  params: Record<string, unknown>;
  body: Buffer;
  framing: 'length' | 'chunked' | 'none';
  halfClose: boolean;
  intent: Intent;
  ids: string[];
  tokens: string[];
  fresh: () => string;
  /**
   * What a deviation did to `Host`. Its verdict depends on the rest of the request, so it is
   * decided when rendered: RFC 9112 3.2 makes a missing, repeated or invalid Host a 400 in
   * HTTP/1.1, but 3.2.2 makes an origin server ignore Host when the target is in absolute form.
   */
  hostFault: 'missing' | 'invalid' | 'duplicate' | undefined;
}

export type Stage = 'args' | 'params' | 'body' | 'headers' | 'framing' | 'line';

export interface DeviationSpec {
  stage: Stage;
  verdict: Verdict;
  /**
   * What it edits, when two of its kind would edit the same thing (one `Host`, one `Accept`):
   * a plan has at most one deviation per slot. Default: its stage for the request line, the
   * framing, the JSON body and the parameters; its own kind for headers and arguments.
   */
  slot?: string;
  /** Which requests it applies to; default any. */
  when?: (base: Base) => boolean;
  apply: (draft: Draft, n: number) => void;
}

/** A deviation as fast-check shows it: its kind and a number it draws positions from. */
export interface Deviation {
  kind: string;
  n: number;
}

export const post = (b: Base) => b.transport === 'post';
export const get = (b: Base) => b.transport === 'get';
export const mutation = (b: Base) => b.operation === 'mutation';
export const postMutation = (b: Base) => post(b) && mutation(b);

// What the deviation being applied picked, for its label: `host-invalid("a b:1234")`.
let picked: string[] = [];

/** Starts recording what {@link pick} picks; returns what was picked since the last call. */
export function takePicked(): string[] {
  const taken = picked;
  picked = [];
  return taken;
}

export function pick<T>(items: readonly T[], n: number): T {
  const index = n % items.length;
  const item = items[index] as T;
  const shown = typeof item === 'function' ? `#${index}` : (JSON.stringify(item) ?? 'undefined');
  picked.push(shown.length > 40 ? `${shown.slice(0, 37)}...` : shown);
  return item;
}

export function groupOf(draft: Draft): Record<string, unknown> {
  const input = draft.args.input as Record<string, unknown> | undefined;
  const group = input?.connectorGroup;
  // Another deviation may have replaced the input already: edits then go to a detached object
  // (the request is invalid either way).
  return typeof group === 'object' && group !== null ? (group as Record<string, unknown>) : {};
}

export function setHeader(draft: Draft, name: string, value: string | null): void {
  const lower = name.toLowerCase();
  draft.headers = draft.headers.filter((line) => !line.toLowerCase().startsWith(`${lower}:`));
  if (value !== null) draft.headers.push(`${name}: ${value}`);
}

/** An own `__proto__` property, as JSON.parse makes one (an object literal would set the prototype). */
export function withOwnProto(
  object: Record<string, unknown>,
  proto: unknown,
): Record<string, unknown> {
  Object.defineProperty(object, '__proto__', {
    value: proto,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

// As a plain key: `input.constructor` would name Object's constructor to TypeScript.
export const CONSTRUCTOR: string = 'constructor';

export function nested(depth: number): unknown {
  return JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

/** The stricter of two verdicts: invalid over either over valid. */
export function worse(a: Verdict, b: Verdict): Verdict {
  if (a === 'invalid' || b === 'invalid') return 'invalid';
  if (a === 'either' || b === 'either') return 'either';
  return 'valid';
}
