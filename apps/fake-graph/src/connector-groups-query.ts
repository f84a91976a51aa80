import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';
import { type PageRequest, parsePageRequest } from './paging.ts';
import type { GroupFilter } from './store.ts';

/** The groups list's skiptoken names this list. */
export const GROUPS_LIST = 'connectorGroups';

const invalid = (message: string) =>
  new GraphHttpError(400, FAKE_GRAPH_ERROR_CODES.invalidQuery, message);
const unsupported = (message: string) =>
  new GraphHttpError(400, FAKE_GRAPH_ERROR_CODES.unsupportedQuery, message);

// An OData string literal, whole: quotes around, a quote inside written twice (ABNF SQUOTE-in-string).
const STRING_LITERAL = /^'((?:[^']|'')*)'$/s;
// A literal followed by more (`'a' and ...`): well-formed OData, but more than one comparison.
const LITERAL_THEN_MORE = /^'(?:[^']|'')*'\s+\S/s;
const COMPARISON = /^\s*([A-Za-z_][\w/]*)\s+([A-Za-z]+)\s+(.*?)\s*$/s;

// The name a query option is known by: Graph's beta endpoint also takes it without the `$`.
function optionName(key: string): string {
  return key.replace(/^\$/, '').toLowerCase();
}

/**
 * Checks that a request carries no query option at all (fake-graph's documented routes other
 * than the list support none).
 * @throws {GraphHttpError} 400 `Request_UnsupportedQuery` naming the first option
 */
export function refuseQueryOptions(params: URLSearchParams): void {
  for (const key of params.keys()) {
    throw unsupported(`The query option '${key.slice(0, 100)}' is not supported on this resource.`);
  }
}

/**
 * Reads the query of `GET .../applicationProxy/connectorGroups`: nothing, or one `$filter` of the
 * form `name eq '<OData string literal>'` (a `'` inside written `''`), and `$top`/`$skiptoken`. Property and operator
 * compare case-insensitively, as Graph's directory does. fake-graph is stricter than Graph in one
 * way: any other parameter is refused rather than ignored, so a client that leaks one into the
 * URL (an unencoded `&` in a name) fails in tests instead of listing the wrong groups.
 * @throws {GraphHttpError} 400 `BadRequest` for a filter that does not parse, a repeated option;
 *   400 `Request_UnsupportedQuery` for another property, operator, shape or query option
 */
export function parseConnectorGroupsQuery(
  params: URLSearchParams,
): GroupFilter & { page: PageRequest } {
  const filters: string[] = [];
  const top: string[] = [];
  const skipTokens: string[] = [];
  for (const [key, value] of params) {
    const option = optionName(key);
    if (option === 'top') top.push(value);
    else if (option === 'skiptoken') skipTokens.push(value);
    else if (option === 'filter') filters.push(value);
    else {
      throw unsupported(
        `The query option '${key.slice(0, 100)}' is not supported on connectorGroups; only $filter=name eq '...', $top and $skiptoken are.`,
      );
    }
  }
  const page = parsePageRequest(GROUPS_LIST, top, skipTokens);
  if (filters.length === 0) return { page };
  if (filters.length > 1) {
    throw invalid(
      "Query option '$filter' was specified more than once, it must be specified at most once.",
    );
  }
  return { name: parseNameFilter(filters[0] ?? ''), page };
}

function parseNameFilter(filter: string): string {
  const shown = filter.length > 200 ? `${filter.slice(0, 200)}...` : filter;
  if (filter.trim() === '')
    throw invalid('Invalid filter clause: the $filter expression is empty.');
  const comparison = COMPARISON.exec(filter);
  if (comparison === null) {
    throw unsupported(
      `Unsupported query: fake-graph filters connectorGroups by name eq '...' only, not '${shown}'.`,
    );
  }
  const [, property = '', operator = '', value = ''] = comparison;
  if (property.toLowerCase() !== 'name') {
    throw unsupported(
      `Unsupported or invalid query filter clause specified for property '${property.slice(0, 100)}' of resource 'connectorGroup'.`,
    );
  }
  if (operator.toLowerCase() !== 'eq') {
    throw unsupported(`Unsupported property filter clause operator '${operator.slice(0, 20)}'.`);
  }
  const literal = STRING_LITERAL.exec(value);
  if (literal !== null) return (literal[1] ?? '').replaceAll("''", "'");
  if (LITERAL_THEN_MORE.test(value)) {
    throw unsupported(
      `Unsupported query: one comparison, name eq '...', is supported, not '${shown}'.`,
    );
  }
  if (value.startsWith("'")) {
    throw invalid(
      `Invalid filter clause: the string literal in '${shown}' is malformed: it must be closed, and a ' inside it is written ''.`,
    );
  }
  throw unsupported(
    `Unsupported query: name is compared with a string literal ('...'), not '${value.slice(0, 100)}'.`,
  );
}
