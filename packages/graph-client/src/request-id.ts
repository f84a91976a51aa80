/**
 * What a `request-id` may look like to be copied into a GraphQL answer, a log line or a span:
 * Graph sends a GUID (36 characters); proxies in front of it (API Management, a gateway of the
 * caller's own) send ids of their own, so any short token of letters, digits and `-_.:` passes.
 * Anything longer or with other characters (spaces, quotes, control characters, markup) is
 * dropped: the upstream chooses this text, and it reaches callers and log pipelines verbatim.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id, when it looks like one; otherwise undefined, as if none had been sent. */
export function plausibleRequestId(value: string | undefined): string | undefined {
  return value !== undefined && REQUEST_ID.test(value) ? value : undefined;
}
