import { CONNECTOR_STATUSES } from '@connectors/domain';
import { FAKE_GRAPH_ERROR_CODES, GraphHttpError } from './graph-http-error.ts';
import { type PageRequest, parsePageRequest } from './paging.ts';

const unsupported = (message: string) =>
  new GraphHttpError(400, FAKE_GRAPH_ERROR_CODES.unsupportedQuery, message);
const invalid = (message: string) =>
  new GraphHttpError(400, FAKE_GRAPH_ERROR_CODES.invalidQuery, message);

/** A connector list's query, parsed: its filter, whether groups are expanded, and the page. */
export interface ConnectorListQuery {
  status: string | undefined;
  expandMemberOf: boolean;
  page: PageRequest;
}

// `status eq 'active'`: property and operator case-insensitive, as Graph's directory compares them.
const STATUS_EQUALS = /^\s*status\s+eq\s+'([^']*)'\s*$/i;

/**
 * Groups a query's options by name, `$` optional and case-insensitive (Graph's beta takes
 * `top` as `$top`), refusing any this resource does not support.
 * @throws {GraphHttpError} 400 `Request_UnsupportedQuery` naming the first unsupported option
 */
export function queryOptions(
  params: URLSearchParams,
  supported: readonly string[],
  resource: string,
): Map<string, string[]> {
  const options = new Map<string, string[]>(supported.map((name) => [name, []]));
  for (const [key, value] of params) {
    const values = options.get(key.replace(/^\$/, '').toLowerCase());
    if (values === undefined) {
      throw unsupported(
        `The query option '${key.slice(0, 100)}' is not supported on ${resource}; supported: ${supported.map((name) => `$${name}`).join(', ')}.`,
      );
    }
    values.push(value);
  }
  return options;
}

function only(values: string[] | undefined, name: string): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) {
    throw invalid(
      `Query option '$${name}' was specified more than once, it must be specified at most once.`,
    );
  }
  return values[0];
}

/** Reads `$expand`: only `memberOf` is supported. */
export function parseExpand(values: string[] | undefined): boolean {
  const expand = only(values, 'expand');
  if (expand === undefined) return false;
  if (expand.trim().toLowerCase() !== 'memberof') {
    throw unsupported(`Expanding '${expand.slice(0, 100)}' is not supported; only memberOf is.`);
  }
  return true;
}

/**
 * The query of `GET .../connectors` and `GET .../connectorGroups/{id}/members`: `$filter=status
 * eq '<status>'`, `$expand=memberOf`, `$top`, `$skiptoken`.
 * @param list the list's name, which a `$skiptoken` must carry
 * @throws {GraphHttpError} 400 for anything else, a status Graph does not define, a bad page
 */
export function parseConnectorListQuery(params: URLSearchParams, list: string): ConnectorListQuery {
  const options = queryOptions(params, ['filter', 'expand', 'top', 'skiptoken'], 'connectors');
  const filter = only(options.get('filter'), 'filter');
  let status: string | undefined;
  if (filter !== undefined) {
    const match = STATUS_EQUALS.exec(filter);
    if (match === null) {
      throw unsupported(
        `Unsupported query: fake-graph filters connectors by status eq '...' only, not '${filter.slice(0, 200)}'.`,
      );
    }
    status = match[1] ?? '';
    if (!(CONNECTOR_STATUSES as readonly string[]).includes(status)) {
      throw invalid(`Invalid filter clause: '${status.slice(0, 50)}' is not a connectorStatus.`);
    }
  }
  return {
    status,
    expandMemberOf: parseExpand(options.get('expand')),
    page: parsePageRequest(list, options.get('top') ?? [], options.get('skiptoken') ?? []),
  };
}
