/**
 * The one request every target answers during a run: docs/graphql-api.md's mutation with a fixed
 * input, and the check that an answer is the success payload (so the bench never measures errors).
 */
import { SEED } from '@connectors/domain';
import { addConnectorMemberOfOperation } from '@connectors/gateway-client';

export const BENCH_GROUP_NAME = 'Bench group';
/** Not a secret: the minimal upstream accepts exactly this token and nothing else. */
export const BENCH_TOKEN = 'bench-token';

/**
 * The mutation as frontend teams send it: `@connectors/gateway-client`'s document, a trusted
 * document of the gateway's manifest (docs/contracts.md#trusted-documents), so the gateway serves
 * it as it serves production traffic (its fast path runs trusted documents only).
 */
export const BENCH_QUERY = addConnectorMemberOfOperation.text;

export const BENCH_VARIABLES = {
  input: {
    // The seeded ids, so the same request also works against fake-graph.
    applicationId: SEED.applicationId,
    connectorId: SEED.connectorId,
    connectorGroup: {
      connectorGroupType: 'APPLICATION_PROXY',
      isDefault: false,
      name: BENCH_GROUP_NAME,
      region: 'EUR',
    },
  },
} as const;

/** The HTTP body, serialised once: every target receives the same bytes. */
export const BENCH_BODY = JSON.stringify({ query: BENCH_QUERY, variables: BENCH_VARIABLES });

export const BENCH_HEADERS = {
  authorization: `Bearer ${BENCH_TOKEN}`,
  'content-type': 'application/json',
} as const;

/**
 * True when `body` is the mutation's success payload: no GraphQL errors, no userErrors, and the
 * group as sent. Runs on every response during load, so it reads only what proves success.
 */
export function isSuccessPayload(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || 'errors' in parsed) return false;
  const payload = (parsed as { data?: { addConnectorMemberOf?: unknown } }).data
    ?.addConnectorMemberOf as
    | { connectorGroup?: { name?: unknown; region?: unknown } | null; userErrors?: unknown }
    | undefined;
  return (
    Array.isArray(payload?.userErrors) &&
    payload.userErrors.length === 0 &&
    payload.connectorGroup?.name === BENCH_GROUP_NAME &&
    payload.connectorGroup.region === 'EUR'
  );
}
