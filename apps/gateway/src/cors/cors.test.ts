/**
 * Contract: CORS grants only what `CORS_ORIGINS` lists (API.md section 10), on both request
 * paths: a listed origin is granted by name, with `Access-Control-Allow-Credentials` only under
 * `CORS_CREDENTIALS=true`; an unlisted origin and `Origin: null` get no grant; with no list (the
 * default) no answer carries a CORS header at all. A preflight is granted for a listed origin
 * only. (The differential test checks the two paths give the same bytes; this one checks what
 * those bytes grant.)
 */
import { addConnectorMemberOfOperation } from '@connectors/gateway-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, graphqlBody, type TestGateway } from '../../test/gateway-harness.ts';
import { type ScriptedUpstream, startScriptedUpstream } from '../../test/scripted-upstream.ts';
import { type CorsPolicy, corsHeaders, NO_CORS } from './cors.ts';

const LISTED = 'https://admin.example';
const POLICIES: Record<string, CorsPolicy> = {
  none: NO_CORS,
  listed: { origins: new Set([LISTED]), credentials: false },
  credentials: { origins: new Set([LISTED]), credentials: true },
};

describe.each([
  { path: 'fast path', fastPath: true },
  { path: 'yoga', fastPath: false },
])('CORS on the $path', ({ fastPath }) => {
  let upstream: ScriptedUpstream;
  const gateways: Record<string, TestGateway> = {};

  beforeAll(async () => {
    upstream = await startScriptedUpstream();
    for (const [name, cors] of Object.entries(POLICIES)) {
      gateways[name] = createTestGateway({ upstreamBaseUrl: upstream.baseUrl, fastPath, cors });
    }
  });
  afterAll(async () => {
    for (const gateway of Object.values(gateways)) await gateway.close();
    await upstream.close();
  });

  async function post(policy: string, origin: string | undefined) {
    const gateway = gateways[policy] as TestGateway;
    const response = await gateway.fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer cors-token',
        ...(origin === undefined ? {} : { origin }),
      },
      body: graphqlBody(addConnectorMemberOfOperation.text, {}),
    });
    await response.arrayBuffer();
    return {
      origin: response.headers.get('access-control-allow-origin'),
      credentials: response.headers.get('access-control-allow-credentials'),
      vary: response.headers.get('vary'),
    };
  }

  it('grants a listed origin by name, credentials only when asked for', async () => {
    expect(await post('listed', LISTED)).toEqual({
      origin: LISTED,
      credentials: null,
      vary: 'Origin',
    });
    expect(await post('credentials', LISTED)).toEqual({
      origin: LISTED,
      credentials: 'true',
      vary: 'Origin',
    });
  });

  it('grants nothing to an unlisted origin or to null, and nothing at all without a list', async () => {
    for (const policy of ['listed', 'credentials']) {
      for (const origin of ['https://evil.example', 'null', `${LISTED}.evil.example`]) {
        expect(await post(policy, origin)).toEqual({
          origin: null,
          credentials: null,
          vary: 'Origin',
        });
      }
    }
    for (const origin of [LISTED, 'null', undefined]) {
      expect(await post('none', origin)).toEqual({ origin: null, credentials: null, vary: null });
    }
  });

  it('answers a preflight for a listed origin only', async () => {
    const preflight = async (origin: string) => {
      const response = await (gateways.credentials as TestGateway).fetch('/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      await response.arrayBuffer();
      return [
        response.status,
        response.headers.get('access-control-allow-origin'),
        response.headers.get('access-control-allow-methods'),
        response.headers.get('access-control-allow-headers'),
      ];
    };
    expect(await preflight(LISTED)).toEqual([204, LISTED, 'POST', 'content-type, authorization']);
    expect(await preflight('https://evil.example')).toEqual([204, null, null, null]);
  });
});

describe('corsHeaders', () => {
  it('is empty without a list, and never grants an origin it does not hold', () => {
    expect(corsHeaders(NO_CORS, LISTED)).toEqual({});
    expect(corsHeaders(POLICIES.listed as CorsPolicy, undefined)).toEqual({ vary: 'Origin' });
    expect(corsHeaders(POLICIES.listed as CorsPolicy, LISTED.toUpperCase())).toEqual({
      vary: 'Origin',
    });
  });
});
