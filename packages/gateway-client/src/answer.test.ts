/**
 * Reading answers the real-gateway tests cannot provoke: a masked error, codes this client does
 * not know, malformed or partial answers. Bodies are the gateway's own (captured from it).
 */
import { describe, expect, it } from 'vitest';
import { type HttpAnswer, readAnswer } from './answer.ts';

const CLIENT_REQUEST_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const GRAPHQL = 'application/graphql-response+json; charset=utf-8';

const read = (answer: Partial<HttpAnswer> & { body: string }) =>
  readAnswer(
    { status: 200, contentType: GRAPHQL, ...answer },
    'addConnectorMemberOf',
    (payload) => (payload.connectorGroup ? { connectorGroup: payload.connectorGroup } : undefined),
    CLIENT_REQUEST_ID,
  );

const json = (value: unknown) => JSON.stringify(value);

describe('readAnswer', () => {
  it('reads a masked error as INTERNAL_SERVER_ERROR, keeping the request-id', () => {
    const body = json({
      errors: [
        {
          message: 'Unexpected error.',
          path: ['addConnectorMemberOf'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'rid-teapot' },
        },
      ],
      data: null,
    });
    expect(read({ body })).toEqual({
      kind: 'error',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Unexpected error.',
      requestId: 'rid-teapot',
      clientRequestId: CLIENT_REQUEST_ID,
    });
  });

  it('reads extensions.sent: false for a call the gateway never sent, true for one it did', () => {
    const unsent = json({
      errors: [
        {
          message:
            'The gateway did not send this call: too many calls to the upstream are in progress (nothing was changed): try again in 1 s.',
          path: ['addConnectorMemberOf'],
          extensions: { code: 'UPSTREAM_UNAVAILABLE', retryAfterSeconds: 1, sent: false },
        },
      ],
      data: null,
    });
    expect(read({ body: unsent })).toMatchObject({
      kind: 'error',
      code: 'UPSTREAM_UNAVAILABLE',
      retryAfterSeconds: 1,
      sent: false,
    });
    const timedOut = json({
      errors: [
        {
          message: 'The upstream did not answer in time.',
          extensions: { code: 'UPSTREAM_TIMEOUT', sent: true },
        },
      ],
      data: null,
    });
    expect(read({ body: timedOut })).toMatchObject({ code: 'UPSTREAM_TIMEOUT', sent: true });
  });

  it('leaves sent out when the gateway did not say, and ignores one that is not a boolean', () => {
    const without = json({
      errors: [{ message: 'No token.', extensions: { code: 'UNAUTHENTICATED' } }],
      data: null,
    });
    expect(read({ body: without })).not.toHaveProperty('sent');
    const odd = json({
      errors: [{ message: 'x', extensions: { code: 'UPSTREAM_UNAVAILABLE', sent: 'no' } }],
      data: null,
    });
    // Not a GraphQL response this client understands: a transport failure, nothing guessed.
    expect(read({ body: odd })).toMatchObject({ kind: 'transport', reason: 'notGraphQL' });
  });

  it('reads a 500 with a GraphQL body as the error it carries', () => {
    const body = json({
      errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    expect(read({ status: 500, body })).toMatchObject({
      kind: 'error',
      code: 'INTERNAL_SERVER_ERROR',
    });
  });

  it.each([
    ['UPSTREAM_TIMEOUT', 'UPSTREAM_TIMEOUT'],
    ['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE'],
    ['A_CODE_FROM_THE_FUTURE', 'INTERNAL_SERVER_ERROR'],
    [undefined, 'INTERNAL_SERVER_ERROR'],
  ])('reads a field error with code %s as %s', (code, expected) => {
    const body = json({
      errors: [{ message: 'm', extensions: code === undefined ? {} : { code } }],
      data: null,
    });
    expect(read({ body })).toMatchObject({ kind: 'error', code: expected, message: 'm' });
  });

  it('reads a request error (errors, no data) without a known code as REQUEST_REFUSED', () => {
    const body = json({
      errors: [
        {
          message:
            'Variable "$input" of required type "AddConnectorMemberOfInput!" was not provided.',
        },
      ],
    });
    expect(read({ status: 400, body })).toMatchObject({ kind: 'error', code: 'REQUEST_REFUSED' });
  });

  it.each([
    [403, 'csrfRefused', { errors: [{ message: 'Required CSRF header(s) not present' }] }],
    [
      405,
      'methodNotAllowed',
      { errors: [{ message: 'Can only perform a mutation operation from a POST request.' }] },
    ],
    [406, 'notAcceptable', undefined],
    [
      413,
      'payloadTooLarge',
      {
        errors: [
          { message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } },
        ],
      },
    ],
  ])('names status %i as %s, whatever the body', (status, reason, body) => {
    const result = read({ status, body: body === undefined ? '' : json(body) });
    expect(result).toMatchObject({ kind: 'transport', reason, status });
    if (body !== undefined)
      expect(result.kind === 'transport' && result.message).toContain(body.errors[0]?.message);
  });

  it.each([
    ['not JSON', 200, '<html>Sign in</html>', 'notGraphQL'],
    ['JSON without data or errors', 200, json({ status: 'ok' }), 'notGraphQL'],
    ['an empty errors list', 200, json({ errors: [] }), 'notGraphQL'],
    ['data without the payload', 200, json({ data: { somethingElse: {} } }), 'notGraphQL'],
    [
      'a payload without userErrors',
      200,
      json({ data: { addConnectorMemberOf: { connectorGroup: {} } } }),
      'notGraphQL',
    ],
    [
      'a success without its group',
      200,
      json({ data: { addConnectorMemberOf: { userErrors: [], connectorGroup: null } } }),
      'notGraphQL',
    ],
    ['a proxy error page', 502, '<html>Bad Gateway</html>', 'httpStatus'],
    ['a draining gateway', 503, '', 'httpStatus'],
  ])('reads %s as a %s transport failure', (_what, status, body, reason) => {
    expect(read({ status, body })).toMatchObject({ kind: 'transport', reason, status });
  });

  it('reads a userError without field as field null, and a missing requestId as null', () => {
    const body = json({
      data: { addConnectorMemberOf: { userErrors: [{ code: 'NOT_FOUND', message: 'gone' }] } },
    });
    expect(read({ body })).toEqual({
      kind: 'userErrors',
      userErrors: [{ code: 'NOT_FOUND', message: 'gone', field: null }],
      requestId: null,
      clientRequestId: CLIENT_REQUEST_ID,
    });
  });

  it('passes a user error code the schema gained after generation through as is', () => {
    const body = json({
      data: {
        addConnectorMemberOf: {
          userErrors: [{ code: 'GROUP_FULL', message: 'full', field: null }],
        },
      },
    });
    expect(read({ body })).toMatchObject({
      kind: 'userErrors',
      userErrors: [{ code: 'GROUP_FULL', message: 'full', field: null }],
    });
  });

  it('reads a 200 in plain application/json, as older servers answer', () => {
    const body = json({
      data: {
        addConnectorMemberOf: { userErrors: [], requestId: 'r', connectorGroup: { id: null } },
      },
    });
    expect(read({ contentType: 'application/json', body })).toEqual({
      kind: 'success',
      data: { connectorGroup: { id: null } },
      requestId: 'r',
      clientRequestId: CLIENT_REQUEST_ID,
    });
  });
});
