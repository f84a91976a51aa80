import { describe, expect, it } from 'vitest';
import {
  type FilteredRequest,
  rebaseReference,
  rebaseReferencesTo,
} from './pact-request-filter.ts';

const GROUP = '5d3c2b1a-0f9e-4d8c-b7a6-958473625140';
const PATH = `/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP}`;
const PROVIDER = 'http://127.0.0.1:4321';

describe('rebaseReference', () => {
  it.each([
    [`https://graph.microsoft.com${PATH}`, `${PROVIDER}${PATH}`],
    [`http://127.0.0.1:4010${PATH}`, `${PROVIDER}${PATH}`],
    [
      `http://localhost:9${PATH.replace('/beta/', '/v1.0/')}`,
      `${PROVIDER}${PATH.replace('/beta/', '/v1.0/')}`,
    ],
    [
      `http://x/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups('${GROUP}')`,
      `${PROVIDER}/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups('${GROUP}')`,
    ],
  ])('points %s at the provider, path kept', (reference, expected) => {
    expect(rebaseReference(reference, PROVIDER)).toBe(expected);
  });

  it.each([
    ['another resource', `https://graph.microsoft.com/beta/users/${GROUP}`],
    [
      'a version fake-graph does not serve',
      `https://graph.microsoft.com/v2.0/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP}`,
    ],
    ['a relative reference', PATH],
    ['the provider already', `${PROVIDER}${PATH}`],
  ])('leaves %s alone', (_label, reference) => {
    expect(rebaseReference(reference, PROVIDER)).toBe(reference);
  });
});

describe('rebaseReferencesTo', () => {
  it('rewrites the body and its Content-Length, then calls next', () => {
    const req: FilteredRequest = {
      body: { '@odata.id': `https://graph.microsoft.com${PATH}`, other: 1 },
      headers: { 'content-length': '999' },
    };
    let called = 0;
    rebaseReferencesTo(`${PROVIDER}/`)(req, {}, () => {
      called += 1;
    });
    expect(called).toBe(1);
    expect(req.body).toEqual({ '@odata.id': `${PROVIDER}${PATH}`, other: 1 });
    expect(req.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(req.body))));
  });

  it("rewrites each JSON batch step's reference, leaving other steps as they are", () => {
    const other = { id: '2', method: 'GET', url: '/me' };
    const req: FilteredRequest = {
      body: {
        requests: [
          { id: '1', method: 'POST', body: { '@odata.id': `http://localhost:4010${PATH}` } },
          other,
        ],
      },
      headers: { 'content-length': '999' },
    };
    rebaseReferencesTo(PROVIDER)(req, {}, () => {});
    expect(req.body).toEqual({
      requests: [{ id: '1', method: 'POST', body: { '@odata.id': `${PROVIDER}${PATH}` } }, other],
    });
    expect(req.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(req.body))));
  });

  it('passes any other request through untouched', () => {
    for (const body of [
      undefined,
      Buffer.from('x'),
      { state: 'connector {connectorId} exists' },
      { requests: [{ id: '1', body: { '@odata.id': `${PROVIDER}${PATH}` } }] },
    ]) {
      const req: FilteredRequest = { body, headers: { 'content-length': '1' } };
      rebaseReferencesTo(PROVIDER)(req, {}, () => {});
      expect(req.body).toBe(body);
      expect(req.headers['content-length']).toBe('1');
    }
  });
});
