import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

/** The parameters yoga reads as JSON out of a query string or a form body. */
const JSON_PARAMS = ['variables', 'extensions'] as const;
type JsonParam = (typeof JSON_PARAMS)[number];

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * The 400 for a parameter that is not JSON, shaped as yoga's own "POST body sent invalid JSON."
 * (code `BAD_REQUEST`, the parser's message as `originalError`), naming the parameter.
 */
function invalidJson(name: JsonParam, error: unknown) {
  return createGraphQLError(`The "${name}" parameter is not valid JSON.`, {
    extensions: {
      http: { spec: true, status: 400 },
      code: 'BAD_REQUEST',
      ...(error instanceof Error
        ? { originalError: { name: error.name, message: error.message } }
        : {}),
    },
  });
}

function jsonParam(search: URLSearchParams, name: JsonParam): unknown {
  const text = search.get(name) || undefined;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidJson(name, error);
  }
}

/**
 * The GraphQL params of a query string or form body, as yoga's `handleURLSearchParams` reads
 * them (an empty value is absent), except that a `variables` or `extensions` that is not JSON is
 * a 400 naming it: yoga lets `JSON.parse`'s SyntaxError through, which is masked as a 500.
 */
export function paramsFromSearch(search: URLSearchParams): GraphQLParams {
  return {
    operationName: search.get('operationName') || undefined,
    query: search.get('query') || undefined,
    variables: jsonParam(search, 'variables') as GraphQLParams['variables'],
    extensions: jsonParam(search, 'extensions') as GraphQLParams['extensions'],
  };
}

/** yoga's `isContentTypeMatch`: the first of a list, exactly or followed by parameters. */
function isFormBody(request: Request): boolean {
  const contentType = request.headers.get('content-type')?.split(',')[0];
  return (
    contentType !== undefined &&
    (contentType === FORM_TYPE || contentType.startsWith(`${FORM_TYPE};`))
  );
}

/**
 * yoga's parsers for a `GET` query string and a `POST` form body, replaced by ones that answer a
 * `variables` or `extensions` parameter that is not JSON with `400` and a GraphQL error naming
 * it, as a POST with a JSON body that does not parse is answered (`paramsFromSearch`); yoga
 * answers `500 "Unexpected error."` there. The same requests, matched as yoga matches them
 * (`GET`; `POST` of `application/x-www-form-urlencoded`), and the same params otherwise.
 *
 * Before `useBodyLimit` in the plugin list, so the byte count wraps this parser too. The fast
 * path never takes these requests (JSON POSTs only).
 */
export function useUrlEncodedParams(): Plugin {
  return madeBy(useUrlEncodedParams, {
    onRequestParse({ request, setRequestParser, fetchAPI }) {
      if (request.method === 'GET') {
        setRequestParser((parsed) => {
          const url = parsed.url;
          // yoga's own slicing: everything after the first `?` (there is no fragment here).
          return paramsFromSearch(
            new fetchAPI.URLSearchParams(url.substring(url.indexOf('?') + 1)),
          );
        });
      } else if (request.method === 'POST' && isFormBody(request)) {
        setRequestParser((parsed) =>
          parsed.text().then((text) => paramsFromSearch(new fetchAPI.URLSearchParams(text))),
        );
      }
    },
  });
}
