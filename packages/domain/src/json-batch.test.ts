import { describe, expect, it } from 'vitest';
import { DirectoryObjectId } from './ids.ts';
import {
  BatchRequest,
  BatchResponse,
  batchStepHeader,
  connectorMoveStep,
  MAX_BATCH_STEPS,
} from './json-batch.ts';
import { parseValid, validate } from './validation.ts';

const CONNECTOR = parseValid(DirectoryObjectId, 'e98f0710-0710-e98f-1007-8fe910078fe9');
const GROUP = parseValid(DirectoryObjectId, 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
const step = (id: string, extra: object = {}) => ({ id, method: 'GET', url: '/me', ...extra });

function issuesOf(input: unknown) {
  const checked = validate(BatchRequest, input);
  return checked.ok ? [] : checked.issues.map((issue) => issue.message);
}

describe('BatchRequest', () => {
  it('takes 1 to 20 independent or dependent steps, methods in any case', () => {
    const requests = Array.from({ length: MAX_BATCH_STEPS }, (_, index) =>
      step(String(index + 1), index > 0 ? { dependsOn: [String(index)] } : { method: 'get' }),
    );
    const parsed = parseValid(BatchRequest, { requests });
    expect(parsed.requests).toHaveLength(20);
    expect(parsed.requests[0]?.method).toBe('GET');
  });

  it('refuses 21 steps, none, a repeated id and a dependency on no step, naming each', () => {
    const tooMany = Array.from({ length: MAX_BATCH_STEPS + 1 }, (_, index) => step(String(index)));
    expect(issuesOf({ requests: tooMany })).toEqual([
      "requests must hold at most 20 requests (Graph's limit for one batch)",
    ]);
    expect(issuesOf({ requests: [] })).toEqual(['requests must hold at least one request']);
    expect(issuesOf({ requests: [step('1'), step('1')] })).toEqual([
      'requests.1.id repeats the id "1": each request\'s id must be unique',
    ]);
    expect(
      issuesOf({ requests: [step('1', { dependsOn: ['1'] }), step('2', { dependsOn: ['9'] })] }),
    ).toEqual([
      'requests.0.dependsOn names "1", which is not another request of this batch',
      'requests.1.dependsOn names "9", which is not another request of this batch',
    ]);
  });

  it('refuses an absolute or scheme-relative url, a body without Content-Type, an unknown method', () => {
    for (const url of ['https://evil.example/v1.0/me', '//evil.example/me', 'HTTP:x', '\\\\host']) {
      expect(issuesOf({ requests: [step('1', { url })] })).toEqual([
        'requests.0.url must be relative to the version root (e.g. /onPremisesPublishingProfiles/...), not an absolute URL',
      ]);
    }
    expect(issuesOf({ requests: [step('1', { method: 'POST', body: {} })] })).toEqual([
      'requests.0.headers has a body but no Content-Type header',
    ]);
    expect(
      issuesOf({
        requests: [
          step('1', { method: 'POST', body: {}, headers: { 'content-TYPE': 'application/json' } }),
        ],
      }),
    ).toEqual([]);
    expect(issuesOf({ requests: [step('1', { method: 'TRACE' })] })).toHaveLength(1);
  });
});

describe('BatchResponse', () => {
  it('reads answers in any order, keeps unknown properties, headers case-insensitively', () => {
    const parsed = parseValid(BatchResponse, {
      responses: [
        { id: '2', status: 429, headers: { 'Retry-After': '3' }, body: { error: {} } },
        { id: '1', status: 204, extra: true },
      ],
      '@odata.nextLink': 'ignored',
    });
    expect(parsed.responses.map((answer) => answer.id)).toEqual(['2', '1']);
    expect(batchStepHeader(parsed.responses[0] ?? { headers: {} }, 'retry-after')).toBe('3');
    expect(batchStepHeader(parsed.responses[1] ?? { headers: {} }, 'retry-after')).toBeUndefined();
  });

  it('refuses a response without responses or with a status that is no HTTP status', () => {
    expect(validate(BatchResponse, {}).ok).toBe(false);
    expect(validate(BatchResponse, { responses: [{ id: '1', status: 42 }] }).ok).toBe(false);
  });
});

describe('connectorMoveStep', () => {
  it("is Graph's documented reference POST, url relative with $ref literal, no dependsOn", () => {
    const move = connectorMoveStep(
      '7',
      CONNECTOR,
      GROUP,
      'https://graph.microsoft.com/beta',
      'crid',
    );
    expect(move).toEqual({
      id: '7',
      method: 'POST',
      url: `/onPremisesPublishingProfiles/applicationProxy/connectors/${CONNECTOR}/memberOf/$ref`,
      headers: { 'Content-Type': 'application/json', 'client-request-id': 'crid' },
      body: {
        '@odata.id': `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP}`,
      },
    });
    expect(validate(BatchRequest, { requests: [move] }).ok).toBe(true);
  });
});
