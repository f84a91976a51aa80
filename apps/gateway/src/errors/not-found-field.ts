import type { GraphFailure } from '@connectors/graph-client';

/**
 * Names the input a `notFound` is about when the upstream's answer says which: Graph's 404 names
 * the missing object by its id ("Resource '<id>' does not exist ..."), so the one input whose id
 * the message carries is the one that is gone, and a result row can tell "connector gone" from
 * "group gone". The message is searched for ids only, never read for its wording (the failure is
 * classified by status and code before this); with no id or with several, the failure is as it was.
 * @param inputs each input's path in the operation and the id the caller gave for it
 */
export function withNotFoundField<R extends { ok: boolean }>(
  result: R | GraphFailure,
  inputs: ReadonlyArray<readonly [path: readonly string[], id: string | undefined]>,
): R | GraphFailure {
  if (result.ok) return result;
  const failure = result as GraphFailure;
  if (failure.kind !== 'notFound' || failure.field !== undefined) return failure;
  const message = failure.message.toLowerCase();
  const named = inputs.filter(([, id]) => id !== undefined && message.includes(id.toLowerCase()));
  const [only] = named;
  return named.length === 1 && only !== undefined ? { ...failure, field: [...only[0]] } : failure;
}
