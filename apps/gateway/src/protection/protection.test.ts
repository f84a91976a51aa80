/**
 * Contract: the protections docs/running.md promises. A mutation over GET is refused and never
 * executed; bodies over 100 KiB get 413, declared or streamed; Armor's limits and the batching
 * ban stop abusive documents before any upstream call; CSRF prevention lets plain JSON clients
 * through; production turns introspection, field suggestions and GraphiQL off.
 */

import { request as httpRequest } from 'node:http';
import { SEED } from '@connectors/domain';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { MAX_REQUEST_BODY_BYTES } from './body-limit.ts';
import { ARMOR_LIMITS } from './limits.ts';

const AUTHORIZATION = 'Bearer protection-token';
const INPUT = `{
  applicationId: "${SEED.applicationId}",
  connectorId: "${SEED.connectorId}",
  connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "G", region: EUR }
}`;
const MUTATION = `mutation { addConnectorMemberOf(input: ${INPUT}) { requestId } }`;

describe('protections', () => {
  let upstream: ScriptedUpstream;
  let harness: TestGateway;
  let url: string;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
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

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION, ...headers },
      body,
    });

  describe('a mutation over GET', () => {
    const getUrl = () => `${url}/graphql?query=${encodeURIComponent(MUTATION)}`;

    it('is refused with 405 when it passes CSRF prevention, and never executed', async () => {
      const response = await fetch(getUrl(), {
        headers: { authorization: AUTHORIZATION, 'x-graphql-yoga-csrf': '1' },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
      expect(upstream.requests).toHaveLength(0);
    });

    it('is refused with 403 by CSRF prevention without a preflight header, and never executed', async () => {
      const response = await fetch(getUrl(), { headers: { authorization: AUTHORIZATION } });
      expect(response.status).toBe(403);
      expect(upstream.requests).toHaveLength(0);
    });

    it('while the same mutation over POST runs (the control)', async () => {
      const response = await post(JSON.stringify({ query: MUTATION }));
      expect(response.status).toBe(200);
      expect(upstream.requests).toHaveLength(1);
    });

    it('a query over GET with the CSRF header is served', async () => {
      const response = await fetch(`${url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { 'x-graphql-yoga-csrf': '1' },
      });
      expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });

  describe('CSRF prevention', () => {
    it('lets a plain JSON POST through with no extra header', async () => {
      const response = await post(graphqlBody('{ __typename }'));
      expect(response.status).toBe(200);
    });

    it('refuses a form-encoded POST (a "simple" cross-site request) with 403', async () => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `query=${encodeURIComponent(MUTATION)}`,
      });
      expect(response.status).toBe(403);
      expect(upstream.requests).toHaveLength(0);
    });
  });

  describe('request bodies over 100 KiB', () => {
    const padded = (bytes: number) => {
      const body = graphqlBody('query Pad($pad: String) { __typename }', { pad: '' });
      return graphqlBody('query Pad($pad: String) { __typename }', {
        pad: 'x'.repeat(bytes - body.length),
      });
    };

    it('accepts a body of exactly 100 KiB', async () => {
      const body = padded(MAX_REQUEST_BODY_BYTES);
      expect(Buffer.byteLength(body)).toBe(MAX_REQUEST_BODY_BYTES);
      const response = await post(body);
      expect(response.status).toBe(200);
    });

    it('refuses a declared Content-Length over the limit with 413', async () => {
      const response = await post(padded(MAX_REQUEST_BODY_BYTES + 1));
      expect(response.status).toBe(413);
    });

    it('refuses a chunked body (no Content-Length) once it streams past the limit with 413', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          `${url}/graphql`,
          { method: 'POST', headers: { 'content-type': 'application/json' } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on('error', reject);
        const body = padded(MAX_REQUEST_BODY_BYTES + 4096);
        // Several chunks, none with a length header: only counting the bytes catches it.
        for (let offset = 0; offset < body.length; offset += 16 * 1024) {
          request.write(body.slice(offset, offset + 16 * 1024));
        }
        request.end();
      });
      expect(status).toBe(413);
    });

    it('counts streamed bytes of a stream body too (harness.fetch, chunked)', async () => {
      const body = new TextEncoder().encode(padded(MAX_REQUEST_BODY_BYTES + 1));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < body.length; offset += 8192) {
            controller.enqueue(body.slice(offset, offset + 8192));
          }
          controller.close();
        },
      });
      const response = await harness.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
    });
  });

  describe('GraphQL Armor limits, before any upstream call', () => {
    it(`rejects an alias flood (${ARMOR_LIMITS.maxAliases + 40} aliased mutations) with no upstream call`, async () => {
      const fields = Array.from(
        { length: ARMOR_LIMITS.maxAliases + 40 },
        (_, i) => `a${i}: addConnectorMemberOf(input: $input) { requestId }`,
      );
      const query = `mutation Flood($input: AddConnectorMemberOfInput!) { ${fields.join(' ')} }`;
      const response = await post(
        graphqlBody(query, {
          input: {
            applicationId: SEED.applicationId,
            connectorId: SEED.connectorId,
            connectorGroup: {
              connectorGroupType: 'APPLICATION_PROXY',
              isDefault: false,
              name: 'G',
              region: 'EUR',
            },
          },
        }),
      );
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/aliases/i);
      expect(upstream.requests).toHaveLength(0);
    });

    it('accepts up to the alias limit', async () => {
      // Inside one root field: root fields that call the upstream have their own, lower limit.
      const fields = Array.from({ length: ARMOR_LIMITS.maxAliases }, (_, i) => `a${i}: requestId`);
      const response = await post(
        graphqlBody(
          `{ connectorMemberOf(applicationId: "x", connectorId: "y") { ${fields.join(' ')} } }`,
        ),
      );
      const body = (await response.json()) as {
        data?: { connectorMemberOf?: Record<string, unknown> };
      };
      expect(Object.keys(body.data?.connectorMemberOf ?? {})).toHaveLength(ARMOR_LIMITS.maxAliases);
    });

    it('rejects a document over the token limit', async () => {
      const fields = Array.from({ length: ARMOR_LIMITS.maxTokens }, () => '__typename');
      const response = await post(graphqlBody(`{ ${fields.join(' ')} }`));
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/token/i);
    });

    it('rejects too many directives', async () => {
      const directives = Array.from(
        { length: ARMOR_LIMITS.maxDirectives + 1 },
        () => '@include(if: true)',
      );
      const response = await post(graphqlBody(`{ __typename ${directives.join(' ')} }`));
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/directive/i);
    });
  });

  it('has batching off: an array of operations is not executed', async () => {
    const response = await post(JSON.stringify([{ query: MUTATION }, { query: MUTATION }]));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('development and production', () => {
  let upstream: ScriptedUpstream;
  let development: TestGateway;
  let production: TestGateway;

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    development = createTestGateway({ upstreamBaseUrl: upstream.baseUrl });
    production = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, production: true });
  });
  afterAll(async () => {
    await development.close();
    await production.close();
    await upstream.close();
  });

  const ask = (harness: TestGateway, query: string, variables?: Record<string, unknown>) =>
    harness.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: graphqlBody(query, variables),
    });
  const page = (harness: TestGateway) =>
    harness.fetch('/graphql', { headers: { accept: 'text/html' } });

  it('introspection works in development and is refused in production', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect(await (await ask(development, query)).json()).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
    });
    const refused = (await (await ask(production, query)).json()) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    };
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await (await ask(production, '{ __typename }')).json()).toEqual({
      data: { __typename: 'Query' },
    });
  });

  it("GraphiQL's full introspection query passes the limits in development", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      inputValueDeprecation: true,
      schemaDescription: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
    });
    const body = (await (await ask(development, query)).json()) as { errors?: unknown };
    expect(body.errors).toBeUndefined();
  });

  it('field suggestions are blocked in production only', async () => {
    const typo = '{ connectorMemberO }';
    const dev = (await (await ask(development, typo)).json()) as { errors: { message: string }[] };
    const prod = (await (await ask(production, typo)).json()) as { errors: { message: string }[] };
    expect(dev.errors[0]?.message).toMatch(/Did you mean/);
    expect(prod.errors[0]?.message).not.toMatch(/Did you mean|connectorMemberOf/);
  });

  it('no kind of suggestion leaks in production: fields, arguments, types, enum values in documents and variables', async () => {
    const mutation = (input: string) =>
      `mutation($input: AddConnectorMemberOfInput!) { addConnectorMemberOf(input: ${input}) { requestId } }`;
    const typos: [string, Record<string, unknown>?][] = [
      ['{ connectorMemberOf(applicationI: "a", connectorId: "c") { requestId } }'],
      ['query($x: AddConnectorMemberOfInpu) { __typename }'],
      [
        mutation(
          '{ applicationId: "a", connectorId: "c", connectorGroup: { connectorGroupType: APPLICATION_PROXY, isDefault: false, name: "G", region: EU } }',
        ).replace('($input: AddConnectorMemberOfInput!)', ''),
      ],
      [
        mutation('$input'),
        {
          input: {
            applicationId: 'a',
            connectorId: 'c',
            connectorGroup: {
              connectorGroupType: 'APPLICATION_PROXY',
              isDefault: false,
              name: 'G',
              region: 'EU',
            },
          },
        },
      ],
      [mutation('$input'), { input: { applicationId: 'a', connectorId: 'c', connectorGrou: {} } }],
    ];
    for (const [query, variables] of typos) {
      const dev = (await (await ask(development, query, variables)).json()) as {
        errors: { message: string }[];
      };
      const prod = (await (await ask(production, query, variables)).json()) as {
        errors: { message: string }[];
      };
      expect(dev.errors.map((e) => e.message).join(' '), query).toMatch(/Did you mean/);
      expect(prod.errors.length, query).toBeGreaterThan(0);
      expect(prod.errors.map((e) => e.message).join(' '), query).not.toMatch(/Did you mean/);
    }
  });

  it('GraphiQL is served in development, with its assets inlined, and not in production', async () => {
    const devPage = await page(development);
    expect(devPage.status).toBe(200);
    expect(devPage.headers.get('content-type')).toMatch(/text\/html/);
    const html = await devPage.text();
    expect(html).toContain('YogaGraphiQL');
    expect(html).not.toMatch(/<script[^>]+src=["']?https?:/);
    const prodPage = await page(production);
    expect(prodPage.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    await prodPage.text();
  });
});
