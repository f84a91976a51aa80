import { GRAPH_ERROR_CODES } from '@connectors/domain';

/**
 * The codes fake-graph answers with: the domain's (the ones the gateway classifies) plus the few
 * Graph uses for answers the gateway never has to tell apart.
 */
export const FAKE_GRAPH_ERROR_CODES = {
  ...GRAPH_ERROR_CODES,
  requestTooLarge: 'requestTooLarge',
  generalException: 'generalException',
  // A query Graph cannot parse is OData's `BadRequest`; one it parses but does not support is the
  // directory's `Request_UnsupportedQuery` ("Unsupported property filter clause operator ...").
  invalidQuery: 'BadRequest',
  unsupportedQuery: 'Request_UnsupportedQuery',
} as const;
export type FakeGraphErrorCode =
  (typeof FAKE_GRAPH_ERROR_CODES)[keyof typeof FAKE_GRAPH_ERROR_CODES];

/** Object types named in a 404's message. */
export type ResourceType = 'application' | 'connector' | 'connectorGroup';

/** An answer in Graph's error envelope: thrown by a handler, written by the app. */
export class GraphHttpError extends Error {
  override readonly name = 'GraphHttpError';
  constructor(
    readonly status: number,
    readonly code: FakeGraphErrorCode,
    message: string,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** 400 `Request_BadRequest`. */
  static badRequest(message: string): GraphHttpError {
    return new GraphHttpError(400, FAKE_GRAPH_ERROR_CODES.badRequest, message);
  }

  /** 400 naming the property at fault, in Graph's words. */
  static invalidProperty(property: string, reason: string): GraphHttpError {
    const sentence = /[.!?]$/.test(reason) ? reason : `${reason}.`;
    return GraphHttpError.badRequest(`Invalid value for property '${property}': ${sentence}`);
  }

  /** 404 `Request_ResourceNotFound` naming which object is missing. */
  static notFound(id: string, type: ResourceType): GraphHttpError {
    return new GraphHttpError(
      404,
      FAKE_GRAPH_ERROR_CODES.notFound,
      `Resource '${id}' of type ${type} does not exist.`,
    );
  }
}
