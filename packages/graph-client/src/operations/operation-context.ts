import type { UpstreamApi } from '@connectors/domain';
import type { Upstream } from '../upstream.ts';

/**
 * What an operation needs of its client: the upstream to send through, the profile, and the
 * validated base URL (whole, for `@odata.id`; its path, prefixed to every request's path).
 */
export interface OperationContext {
  upstream: Upstream;
  api: UpstreamApi;
  /** The base URL as validated, e.g. `https://graph.microsoft.com/beta`. */
  base: string;
  /** Its path without a trailing slash, e.g. `/beta`. */
  basePath: string;
}
