import { randomUUID } from 'node:crypto';
import { isDirectoryObjectId } from '@connectors/domain';

/**
 * The `client-request-id` to send upstream: the caller's when it is a GUID (so both sides can
 * correlate one request), else a fresh one. The one place this is decided; the gateway asks it
 * ahead of the call only so that its log line carries the id that was sent.
 */
export function clientRequestIdFor(candidate: string | null | undefined): string {
  return candidate != null && isDirectoryObjectId(candidate) ? candidate : randomUUID();
}
