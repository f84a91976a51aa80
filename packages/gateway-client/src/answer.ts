// zod's mini build: the same schemas, tree-shakeable, so a browser bundle carries only what this
// file uses.
import * as z from 'zod/mini';
import type { UserErrorCode } from './generated/graphql.ts';
import {
  GATEWAY_ERROR_CODES,
  type GatewayErrorCode,
  type GatewayResult,
  type TransportFailure,
  type TransportFailureReason,
  type UserError,
} from './result.ts';

// Any code string: a code the schema gained after this client was generated (a dangerous change,
// not a breaking one) still reaches the caller as a user error, under its own name.
const UserErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.optional(z.nullable(z.array(z.string()))),
});

/** What every payload of this schema carries beside its data. */
const PayloadSchema = z.looseObject({
  userErrors: z.array(UserErrorSchema),
  requestId: z.optional(z.nullable(z.string())),
});

const ErrorSchema = z.object({
  message: z.string(),
  extensions: z.optional(
    z.looseObject({
      code: z.optional(z.string()),
      requestId: z.optional(z.string()),
      retryAfterSeconds: z.optional(z.number().check(z.int(), z.nonnegative())),
      sent: z.optional(z.boolean()),
    }),
  ),
});

/** A GraphQL response: `data`, `errors`, or both (GraphQL over HTTP). */
const ResponseSchema = z.object({
  data: z.optional(z.nullable(z.record(z.string(), z.unknown()))),
  errors: z.optional(z.array(ErrorSchema).check(z.minLength(1))),
});

/** One HTTP answer, as `fetch` gave it. */
export interface HttpAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

const STATUS_REASONS: Record<number, { reason: TransportFailureReason; message: string }> = {
  403: {
    reason: 'csrfRefused',
    message:
      "the gateway's CSRF prevention refused the request (403): send POST with Content-Type: application/json, or a GET with the header graphql-require-preflight: 1",
  },
  405: {
    reason: 'methodNotAllowed',
    message: 'the gateway refused the HTTP method (405): a mutation is only run over POST',
  },
  406: {
    reason: 'notAcceptable',
    message:
      'the gateway serves none of the media types accepted (406): accept application/graphql-response+json or application/json',
  },
  413: {
    reason: 'payloadTooLarge',
    message: 'the request body is over the gateway limit of 100 KiB (413)',
  },
};

/**
 * Reads one HTTP answer into a result for the operation whose root field is `rootField`.
 * `pick` turns a successful payload into the data the caller gets, or undefined when the payload
 * lacks what success promises (then the answer was not understood).
 */
export function readAnswer<TData>(
  answer: HttpAnswer,
  rootField: string,
  pick: (payload: Record<string, unknown>) => TData | undefined,
  clientRequestId: string,
): GatewayResult<TData> {
  const correlation = { clientRequestId };
  const response = parseResponse(answer.body);
  // The refusals in front of GraphQL (CSRF, method, Accept, size) answer with an `errors` body
  // in whatever media type was accepted, yet nothing ran: their status alone names them.
  if (STATUS_REASONS[answer.status] !== undefined || response === undefined) {
    return failure(answer, response, correlation);
  }
  // Any other status with a GraphQL response is GraphQL over HTTP's answer: a 400 for a request
  // error, a 500 for a masked one.
  const firstError = response.errors?.[0];
  if (firstError !== undefined) {
    const payloadRan = response.data !== undefined;
    const extensions = firstError.extensions;
    return {
      kind: 'error',
      code: errorCode(extensions?.code, payloadRan),
      message: firstError.message,
      ...(extensions?.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: extensions.retryAfterSeconds }),
      ...(extensions?.requestId === undefined ? {} : { requestId: extensions.requestId }),
      ...(extensions?.sent === undefined ? {} : { sent: extensions.sent }),
      ...correlation,
    };
  }

  const payload = PayloadSchema.safeParse(response.data?.[rootField]);
  if (!payload.success) {
    return transport(
      'notGraphQL',
      `the answer has no ${rootField} payload`,
      answer.status,
      correlation,
    );
  }
  const requestId = payload.data.requestId ?? null;
  if (payload.data.userErrors.length > 0) {
    const userErrors: UserError[] = payload.data.userErrors.map((error) => ({
      code: error.code as UserErrorCode,
      message: error.message,
      field: error.field ?? null,
    }));
    return { kind: 'userErrors', userErrors, requestId, ...correlation };
  }
  const data = pick(payload.data);
  if (data === undefined) {
    return transport(
      'notGraphQL',
      `the ${rootField} payload has neither data nor userErrors`,
      answer.status,
      correlation,
    );
  }
  return { kind: 'success', data, requestId, ...correlation };
}

function parseResponse(body: string): z.infer<typeof ResponseSchema> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = ResponseSchema.safeParse(json);
  if (!parsed.success) return undefined;
  // Neither data nor errors: not a GraphQL response.
  if (parsed.data.data === undefined && parsed.data.errors === undefined) return undefined;
  return parsed.data;
}

function errorCode(code: string | undefined, payloadRan: boolean): GatewayErrorCode {
  if (code !== undefined && (GATEWAY_ERROR_CODES as readonly string[]).includes(code)) {
    return code as GatewayErrorCode;
  }
  // No `data` at all: the request failed before execution (GraphQL over HTTP's request error).
  return payloadRan ? 'INTERNAL_SERVER_ERROR' : 'REQUEST_REFUSED';
}

function failure(
  answer: HttpAnswer,
  response: z.infer<typeof ResponseSchema> | undefined,
  correlation: { clientRequestId: string },
): TransportFailure {
  const named = STATUS_REASONS[answer.status];
  const said = response?.errors?.[0]?.message;
  if (named !== undefined) {
    const message = said === undefined ? named.message : `${named.message}: ${said}`;
    return transport(named.reason, message, answer.status, correlation);
  }
  if (answer.status === 200) {
    return transport('notGraphQL', 'the 200 answer is not a GraphQL response', 200, correlation);
  }
  return transport(
    'httpStatus',
    `the gateway answered ${answer.status} without a GraphQL response`,
    answer.status,
    correlation,
  );
}

/** A transport failure; `status` is left out when there was no answer. */
export function transport(
  reason: TransportFailureReason,
  message: string,
  status: number | undefined,
  correlation: { clientRequestId: string },
  cause?: unknown,
): TransportFailure {
  return {
    kind: 'transport',
    reason,
    message,
    ...(status === undefined ? {} : { status }),
    ...(cause === undefined ? {} : { cause }),
    ...correlation,
  };
}
