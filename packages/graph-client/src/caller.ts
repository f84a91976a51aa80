import { clientRequestIdFor } from './client-request-id.ts';

/**
 * What a call needs of its caller's cancellation: the part of an `AbortSignal` this client uses
 * (an `AbortSignal` is one). The gateway's fast path hands a lighter one (`ClientGone`): an
 * `AbortController` per request, and an `EventTarget` listener per attempt, cost it about 3% of
 * its busy time under load.
 */
export interface CallerSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** Throws `reason` when aborted. */
  throwIfAborted(): void;
  /** Calls `listener` once, when it aborts. */
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What every call carries besides its input: who calls, for correlation, until when. */
export interface CallerOptions {
  /** The caller's full `Authorization` value (`Bearer eyJ...`), forwarded verbatim. */
  authorization: string;
  /** Sent as `client-request-id` when it is a GUID; otherwise a fresh GUID is sent. */
  clientRequestId?: string;
  /** Aborting rejects the call with the signal's reason. */
  signal?: CallerSignal;
}

/** The caller's part of a request, checked: what every {@link UpstreamRequest} carries. */
export interface Caller {
  authorization: string;
  clientRequestId: string;
  signal: CallerSignal | undefined;
  /** When the caller's call began: one retry budget covers a lookup and its POST. */
  startedAt?: number;
}

/**
 * The caller's options checked and completed: the authorization required, the client-request-id
 * a GUID (the caller's or a fresh one).
 * @throws {TypeError} when `authorization` is empty
 */
export function callerFrom(options: CallerOptions): Caller {
  return {
    authorization: requireAuthorization(options.authorization),
    clientRequestId: clientRequestIdFor(options.clientRequestId),
    signal: options.signal,
  };
}

/**
 * The caller's `Authorization` value, or a TypeError before any network call.
 * @throws {TypeError} when it is missing or blank
 */
export function requireAuthorization(authorization: unknown): string {
  // The value itself is never put in the message: it is a credential.
  if (typeof authorization !== 'string' || authorization.trim() === '') {
    throw new TypeError('authorization must be the caller’s non-empty Authorization header value');
  }
  return authorization;
}

/**
 * A function that removes the caller's token (with and without its scheme) from a text: a token
 * in an error message would end up in the gateway's responses and logs.
 */
export function redactor(authorization: string): (text: string) => string {
  const secrets = [authorization, authorization.replace(/^\S+\s+/, '')].filter(
    (secret) => secret.length >= 8,
  );
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}
