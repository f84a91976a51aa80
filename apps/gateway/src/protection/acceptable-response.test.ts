/**
 * Contract: API.md section 3, "a request whose `Accept` allows no JSON media type is answered
 * `406` before anything is executed": a mutation must never land while its caller is told it
 * failed (its retry would then meet `ALREADY_MEMBER`). Checked against a recording upstream on
 * yoga's path (a document's first request) and the fast path's (a document yoga already
 * validated), over POST and GET, for the whole class: a type yoga cannot answer, a charset other
 * than utf-8, and any entry weighted `q=0` (RFC 9110 12.4.2: "not acceptable"), wildcards too.
 * What yoga can answer (JSON, its streaming types, wildcards) still runs, once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import {
  noContent,
  type ScriptedUpstream,
  startScriptedUpstream,
} from '../../test/scripted-upstream.ts';

const AUTHORIZATION = 'Bearer accept-token';
const APPLICATION_ID = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR_ID = 'e98f0710-0710-e98f-1007-8fe910078fe9';
const MUTATION =
  'mutation Add($input: AddConnectorMemberOfInput!) { addConnectorMemberOf(input: $input) { connectorGroup { name } userErrors { code } } }';
const VARIABLES = {
  input: {
    applicationId: APPLICATION_ID,
    connectorId: CONNECTOR_ID,
    connectorGroup: {
      connectorGroupType: 'APPLICATION_PROXY',
      isDefault: false,
      name: 'Accept',
      region: 'EUR',
    },
  },
};
const QUERY = `{ connectorMemberOf(applicationId: "${APPLICATION_ID}", connectorId: "${CONNECTOR_ID}") { connectorGroups { id } } }`;

/** Accept headers that allow no answer the gateway can give. */
const NOT_ACCEPTABLE = [
  'application/xml',
  'text/html',
  'image/*',
  'application/jsonx',
  'application/json; charset=latin1',
  'application/*; charset=iso-8859-1',
  'application/json;q=0',
  'application/json; q=0.000',
  'application/json;Q=0',
  'application/json;q=0, application/graphql-response+json;q=0',
  '*/*;q=0',
  'application/*;q=0',
  '*/*;q=0, application/xml',
  ',',
  ';',
];

/** Accept headers the gateway answers (as yoga always has): the request runs. */
const ACCEPTABLE = [
  { accept: undefined, contentType: 'application/json; charset=utf-8' },
  { accept: '', contentType: 'application/json; charset=utf-8' },
  { accept: '*/*', contentType: 'application/json; charset=utf-8' },
  { accept: 'application/*', contentType: 'application/json; charset=utf-8' },
  { accept: '*/json', contentType: 'application/json; charset=utf-8' },
  { accept: 'application/json;q=0.001', contentType: 'application/json; charset=utf-8' },
  {
    accept: 'application/graphql-response+json',
    contentType: 'application/graphql-response+json; charset=utf-8',
  },
  // The q=0 entry is dropped, so the other one is what is answered.
  {
    accept: 'application/json;q=0, application/graphql-response+json',
    contentType: 'application/graphql-response+json; charset=utf-8',
  },
  { accept: 'application/xml, application/json', contentType: 'application/json; charset=utf-8' },
  { accept: 'text/event-stream', contentType: 'text/event-stream' },
];

describe('a response the caller cannot accept', () => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let url: string;

  beforeAll(async () => {
    upstream = await startScriptedUpstream(noContent);
    harness = createTestGateway({ upstreamBaseUrl: upstream.baseUrl });
    url = await harness.listen();
  });
  afterAll(async () => {
    await harness.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });

  const post = (query: string, variables: unknown, accept: string | undefined) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      authorization: AUTHORIZATION,
    };
    if (accept !== undefined) headers.accept = accept;
    return fetch(`${url}/graphql`, {
      method: 'POST',
      headers,
      body: graphqlBody(query, variables as Record<string, unknown>),
    });
  };
  const get = (query: string, accept: string) =>
    fetch(`${url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { accept, authorization: AUTHORIZATION, 'x-graphql-yoga-csrf': '1' },
    });

  async function expectRefused(response: Response) {
    expect(response.status).toBe(406);
    expect(await response.text()).toBe('');
    expect(response.headers.get('accept')).toContain('application/json');
  }

  describe.each(NOT_ACCEPTABLE)('Accept: %j', (accept) => {
    it('a mutation on yoga’s path (first of its document) is 406, the upstream never called', async () => {
      // A document the fast path has not seen: inline, unique to this header.
      const query = MUTATION.replace('Add(', `Add${NOT_ACCEPTABLE.indexOf(accept)}(`);
      const served = harness.gateway.fastPathStats.served;
      await expectRefused(await post(query, VARIABLES, accept));
      expect(harness.gateway.fastPathStats.served).toBe(served);
      expect(upstream.requests).toHaveLength(0);
    });

    it('a mutation whose document the fast path knows is 406, the upstream never called', async () => {
      const validated = await post(MUTATION, VARIABLES, 'application/json');
      expect(validated.status).toBe(200);
      expect(upstream.requests).toHaveLength(1);
      const served = harness.gateway.fastPathStats.served;
      await expectRefused(await post(MUTATION, VARIABLES, accept));
      expect(harness.gateway.fastPathStats.served).toBe(served);
      expect(upstream.requests).toHaveLength(1);
    });

    // In development a browser's GET (Accept: text/html) gets GraphiQL, which runs nothing.
    const expectRefusedOverGet = async (response: Response, statuses: number[]) => {
      if (accept === 'text/html') {
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('text/html');
        await response.text();
      } else {
        expect(statuses).toContain(response.status);
        if (response.status === 406) await expectRefused(response);
      }
    };

    it('a query over GET is 406, the upstream never called', async () => {
      await expectRefusedOverGet(await get(QUERY, accept), [406]);
      expect(upstream.requests).toHaveLength(0);
    });

    it('a mutation over GET is refused, never executed', async () => {
      const response = await get(
        `mutation { addConnectorMemberOf(input: {
        applicationId: "${APPLICATION_ID}", connectorId: "${CONNECTOR_ID}",
        connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "G", region: EUR }
      }) { requestId } }`,
        accept,
      );
      await expectRefusedOverGet(response, [405, 406]);
      expect(upstream.requests).toHaveLength(0);
    });

    it('does not touch routes that are not GraphQL: /healthz is 200', async () => {
      const response = await fetch(`${url}/healthz`, { headers: { accept } });
      expect(response.status).toBe(200);
    });
  });

  it.each(ACCEPTABLE)(
    'Accept: $accept runs the mutation once and answers $contentType',
    async ({ accept, contentType }) => {
      const response = await post(MUTATION, VARIABLES, accept);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(contentType);
      await response.text();
      expect(upstream.requests).toHaveLength(1);
    },
  );
});
