import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { TrustedDocumentsMode, TrustedEntry } from './manifest.ts';

/** `extensions.code` of a request refused under `TRUSTED_DOCUMENTS_MODE=require`. */
export const NOT_TRUSTED_CODE = 'PERSISTED_QUERY_NOT_IN_LIST';
/** `extensions.code` of a hash that names no trusted document (Apollo's APQ code). */
export const HASH_NOT_FOUND_CODE = 'PERSISTED_QUERY_NOT_FOUND';

interface Params {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } | null;
  [key: string]: unknown;
}

/** The hash a request names: `documentId` (`sha256:<hex>` or hex) or Apollo's APQ extension. */
function requestedHash(params: Params, request: Request): string | undefined {
  let id = params.documentId;
  // yoga reads only the four standard parameters from a GET's query string.
  if (id === undefined && request.method === 'GET') {
    id = new URL(request.url).searchParams.get('documentId') ?? undefined;
  }
  if (typeof id === 'string') return id.startsWith('sha256:') ? id.slice(7) : id;
  const apq = params.extensions?.persistedQuery?.sha256Hash;
  return typeof apq === 'string' ? apq : undefined;
}

/**
 * Trusted documents in yoga's pipeline (the persisted-operations plugin's job, written here
 * because that plugin cannot accept a trusted document sent as its exact text). A request naming
 * a hash runs that document; a request sending text runs it when the text is trusted, and under
 * `require` is refused otherwise, before anything is parsed or executed, so nothing calls the
 * upstream.
 */
export function useTrustedDocuments(
  entries: readonly TrustedEntry[],
  mode: TrustedDocumentsMode,
): Plugin {
  const byHash = new Map(entries.map((entry) => [entry.hash, entry.text]));
  const texts = new Set(entries.map((entry) => entry.text));
  return {
    onParams({ params, request, setParams }) {
      const sent = params as Params;
      const hash = requestedHash(sent, request);
      const text = hash === undefined ? undefined : byHash.get(hash);
      // An unknown hash beside a text is an APQ client registering it: the text decides, below.
      if (hash !== undefined && (text !== undefined || typeof sent.query !== 'string')) {
        if (text === undefined) {
          throw createGraphQLError(
            `No trusted document has the hash ${JSON.stringify(hash.slice(0, 64))}: send the document's text, or one of the hashes in @connectors/gateway-client's manifest.`,
            { extensions: { code: HASH_NOT_FOUND_CODE, http: { status: 400 } } },
          );
        }
        if (typeof sent.query === 'string' && sent.query !== text) {
          throw createGraphQLError('The document sent does not match the hash it names.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
        const { documentId: _documentId, ...rest } = sent;
        setParams({ ...(rest as Record<string, unknown>), query: text });
        return;
      }
      if (mode === 'require' && !(typeof sent.query === 'string' && texts.has(sent.query))) {
        throw createGraphQLError(
          'This gateway runs trusted documents only (TRUSTED_DOCUMENTS_MODE=require): send an operation of @connectors/gateway-client, by its documentId or its exact text.',
          { extensions: { code: NOT_TRUSTED_CODE, http: { status: 400 } } },
        );
      }
    },
  };
}
