import { z } from 'zod';

/**
 * Which REST operations the gateway calls (docs/rest-upstream.md): `seed`, the source
 * document's application-scoped path and body (the default), or `graph`, Microsoft Graph's
 * documented beta operations under `/onPremisesPublishingProfiles/applicationProxy`.
 */
export const UpstreamApi = z.enum(['seed', 'graph'], {
  error: () => 'must be seed or graph',
});
export type UpstreamApi = z.infer<typeof UpstreamApi>;
