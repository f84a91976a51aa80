import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';
import { documentIdHash, type TrustedDocumentsMode, type TrustedEntry } from './manifest.ts';

/** `extensions.code` of a request refused under `TRUSTED_DOCUMENTS_MODE=require`. */
export const NOT_TRUSTED_CODE = 'PERSISTED_QUERY_NOT_IN_LIST';
/**
 * `extensions.code` of a hash that names no trusted document, sent without a text: Apollo's APQ
 * code, on which Apollo Client's persisted-queries link retries with the text.
 */
export const HASH_NOT_FOUND_CODE = 'PERSISTED_QUERY_NOT_FOUND';

/** What a request may carry besides the standard parameters (yoga passes the body's keys on). */
interface Params {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
  [key: string]: unknown;
}

// The longest part of a client's hash quoted back in an error: a sha256 is 64 hex digits.
const QUOTED_HASH_CHARS = 64;

function refused(code: string, message: string) {
  return createGraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** Apollo's APQ form: `extensions.persistedQuery.sha256Hash`. */
function apqHash(extensions: unknown): string | undefined {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (typeof persisted !== 'object' || persisted === null) return undefined;
  const hash = (persisted as { sha256Hash?: unknown }).sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/** `documentId` from a POST body, or from a GET's query string (yoga reads only its four there). */
function sentDocumentId(params: Params, request: Request): unknown {
  if (params.documentId != null) return params.documentId;
  if (request.method !== 'GET' || !request.url.includes('documentId=')) return undefined;
  return new URL(request.url).searchParams.get('documentId') ?? undefined;
}

/**
 * Trusted documents in yoga's pipeline (the persisted-operations plugin's job, written here
 * because that plugin cannot accept a trusted document sent as its exact text), in `onParams`:
 * after the body is read, before anything is parsed, validated or executed, so a refusal never
 * calls the upstream.
 *
 * - A hash (`documentId`, `sha256:<hex>` or bare hex, or Apollo's
 *   `extensions.persistedQuery.sha256Hash`) that names a manifest document runs that document;
 *   a text sent beside it must be that document's, else `BAD_REQUEST`.
 * - A hash that names none, sent alone, is `PERSISTED_QUERY_NOT_FOUND`; sent with a text (an
 *   APQ client registering it), the text decides, as below.
 * - A text alone runs under `allow`; under `require` only the exact text of a manifest document
 *   runs, any other is `PERSISTED_QUERY_NOT_IN_LIST`.
 *
 * Every refusal is HTTP 400 with `extensions.code`. `documentId` is taken out of the params
 * yoga goes on with, so its own parameter check does not refuse it.
 */
export function useTrustedDocuments(
  entries: readonly TrustedEntry[],
  mode: TrustedDocumentsMode,
): Plugin {
  const byHash = new Map(entries.map((entry) => [entry.hash, entry.text]));
  const texts = new Set(byHash.values());
  return madeBy(useTrustedDocuments, {
    onParams({ params, request, setParams }) {
      const sent = params as Params;
      const documentId = sentDocumentId(sent, request);
      if (documentId !== undefined && typeof documentId !== 'string') {
        throw refused('BAD_REQUEST', 'documentId must be a string: sha256:<hex> of a document.');
      }
      const hash = documentId === undefined ? apqHash(sent.extensions) : documentIdHash(documentId);
      const query = sent.query;
      let rest: Params = sent;
      if ('documentId' in sent) {
        const { documentId: _documentId, ...others } = sent;
        rest = others;
      }
      if (hash !== undefined) {
        const text = byHash.get(hash);
        if (text !== undefined) {
          if (query != null && query !== text) {
            throw refused(
              'BAD_REQUEST',
              'The document sent is not the trusted document its hash names: send the hash alone, or the exact text.',
            );
          }
          setParams({ ...rest, query: text } as GraphQLParams);
          return;
        }
        if (query == null) {
          throw refused(
            HASH_NOT_FOUND_CODE,
            `No trusted document has the hash ${JSON.stringify(hash.slice(0, QUOTED_HASH_CHARS))}: send the document's text, or a hash from @connectors/gateway-client's manifest.`,
          );
        }
      }
      if (mode === 'require' && !(typeof query === 'string' && texts.has(query))) {
        throw refused(
          NOT_TRUSTED_CODE,
          'This gateway runs trusted documents only (TRUSTED_DOCUMENTS_MODE=require): send an operation of @connectors/gateway-client, by its documentId or its exact text.',
        );
      }
      if (rest !== sent) setParams(rest as GraphQLParams);
    },
  });
}
