import { DUPLICATE_REFERENCE_MESSAGE_PREFIX } from '@connectors/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphHttpError } from './graph-http-error.ts';
import { parseMemberOfBody, parseReferenceBody } from './member-of-body.ts';

const GROUP_ID = '0f9e8d7c-6b5a-4948-8372-6150a4b3c2d1';
// The service a request reached, as its Host header named it.
const SERVICE = { origin: 'http://127.0.0.1:4010' };
const PROFILE = '/onPremisesPublishingProfiles/applicationProxy';
const body = {
  '@odata.type': '#microsoft.graph.connectorGroup',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: '  West Europe connectors ',
  region: 'eur',
};

function badRequest(text: string): GraphHttpError {
  try {
    parseMemberOfBody(text, SERVICE);
  } catch (error) {
    if (error instanceof GraphHttpError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseMemberOfBody', () => {
  it('reads a connectorGroup without id as "the group of that name", trimmed', () => {
    expect(parseMemberOfBody(JSON.stringify(body), SERVICE)).toEqual({
      kind: 'named',
      group: {
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        name: 'West Europe connectors',
        region: 'eur',
      },
    });
  });

  it('reads a connectorGroup with id as "this existing group"', () => {
    expect(parseMemberOfBody(JSON.stringify({ ...body, id: GROUP_ID }), SERVICE)).toEqual({
      kind: 'existing',
      groupId: GROUP_ID,
    });
  });

  it.each([
    `http://127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/${GROUP_ID}`,
    `http://127.0.0.1:4010/beta${PROFILE}/connectorGroups('${GROUP_ID}')`,
    `HTTP://127.0.0.1:4010/BETA/onpremisespublishingprofiles/APPLICATIONPROXY/connectorgroups(${GROUP_ID})`,
  ])('reads the OData reference body %s, a group of this service', (reference) => {
    expect(parseMemberOfBody(JSON.stringify({ '@odata.id': reference }), SERVICE)).toEqual({
      kind: 'existing',
      groupId: GROUP_ID,
    });
    expect(parseReferenceBody(JSON.stringify({ '@odata.id': reference }), SERVICE)).toBe(GROUP_ID);
  });

  it.each([
    [
      'another host',
      `https://graph.microsoft.com/v1.0${PROFILE}/connectorGroups/${GROUP_ID}`,
      /'https:\/\/graph\.microsoft\.com' is not this service/,
    ],
    [
      'another port',
      `http://127.0.0.1:4011/v1.0${PROFILE}/connectorGroups/${GROUP_ID}`,
      /is not this service/,
    ],
    [
      'https for this http service',
      `https://127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/${GROUP_ID}`,
      /is not this service/,
    ],
    [
      'a relative reference',
      `/v1.0${PROFILE}/connectorGroups/${GROUP_ID}`,
      /is not an absolute URL/,
    ],
    [
      'another path',
      `http://127.0.0.1:4010/v1.0/groups/${GROUP_ID}`,
      /does not name a connector group/,
    ],
    [
      'no profile segments',
      `http://127.0.0.1:4010/v1.0/connectorGroups('${GROUP_ID}')`,
      /does not name a connector group/,
    ],
    [
      'a version not served',
      `http://127.0.0.1:4010/v2.0${PROFILE}/connectorGroups/${GROUP_ID}`,
      /does not name a connector group/,
    ],
    [
      'a trailing segment',
      `http://127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/${GROUP_ID}/members`,
      /does not name a connector group/,
    ],
    ['a query', `http://127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/${GROUP_ID}?x=1`, /query/],
    [
      'credentials',
      `http://u:p@127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/${GROUP_ID}`,
      /credentials/,
    ],
    [
      'a malformed id',
      `http://127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/42`,
      /'42' is not a connector group id/,
    ],
  ])(
    'refuses a reference naming %s with 400, on both route families',
    (_label, reference, reason) => {
      const text = JSON.stringify({ '@odata.id': reference });
      for (const parse of [
        () => parseMemberOfBody(text, SERVICE),
        () => parseReferenceBody(text, SERVICE),
      ]) {
        let error: unknown;
        try {
          parse();
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(GraphHttpError);
        expect((error as GraphHttpError).status).toBe(400);
        expect((error as GraphHttpError).code).toBe('Request_BadRequest');
        expect((error as GraphHttpError).message).toMatch(
          /^Invalid value for property '@odata\.id': /,
        );
        expect((error as GraphHttpError).message).toMatch(reason);
        // The fix is in the message: what this service's references look like.
        expect((error as GraphHttpError).message).toContain(
          `http://127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/{id}`,
        );
      }
    },
  );

  it('refuses every reference when the request named no valid host', () => {
    const text = JSON.stringify({
      '@odata.id': `http://127.0.0.1:4010/v1.0${PROFILE}/connectorGroups/${GROUP_ID}`,
    });
    expect(() => parseReferenceBody(text, { origin: undefined })).toThrow(/is not this service/);
  });

  it('asks for a reference when the documented route gets a connectorGroup body', () => {
    expect(() => parseReferenceBody(JSON.stringify(body), SERVICE)).toThrow(/has no '@odata\.id'/);
  });

  it.each([
    ['an empty body', '', /body is empty/],
    ['malformed JSON', '{"name": ', /not valid JSON/],
    ['a JSON array', '[]', /must be a JSON object/],
    ['JSON null', 'null', /must be a JSON object/],
    ['a reference to something else', '{"@odata.id": "https://x/users/abc"}', /'@odata\.id'/],
    ['a reference with a non-GUID id', '{"@odata.id": "/connectorGroups/42"}', /'@odata\.id'/],
    ['a reference that is not a string', '{"@odata.id": 7}', /'@odata\.id'/],
    ['an empty name', JSON.stringify({ ...body, name: ' ' }), /property 'name'/],
    ['a name with a line break', JSON.stringify({ ...body, name: 'a\nb' }), /property 'name'/],
    ['a missing region', JSON.stringify({ ...body, region: undefined }), /property 'region'/],
    [
      'unknownFutureValue as region',
      JSON.stringify({ ...body, region: 'unknownFutureValue' }),
      /property 'region'/,
    ],
    ['a string isDefault', JSON.stringify({ ...body, isDefault: 'false' }), /property 'isDefault'/],
    ['a bad id', JSON.stringify({ ...body, id: 'abc' }), /property 'id'/],
    ['another @odata.type', JSON.stringify({ ...body, '@odata.type': '#x' }), /'@odata\.type'/],
    [
      'an unknown group type',
      JSON.stringify({ ...body, connectorGroupType: 'other' }),
      /property 'connectorGroupType'/,
    ],
  ])('refuses %s with 400 Request_BadRequest naming the cause', (_label, text, message) => {
    const error = badRequest(text);
    expect(error.status).toBe(400);
    expect(error.code).toBe('Request_BadRequest');
    expect(error.message).toMatch(message);
    // Never mistakable for the duplicate answer, which clients tell apart by this prefix.
    expect(error.message.startsWith(DUPLICATE_REFERENCE_MESSAGE_PREFIX)).toBe(false);
  });

  it('answers any text whatsoever with a target or a 400, never another error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          try {
            const target = parseMemberOfBody(text, SERVICE);
            expect(['existing', 'named']).toContain(target.kind);
          } catch (error) {
            expect(error).toBeInstanceOf(GraphHttpError);
            expect((error as GraphHttpError).status).toBe(400);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
