import { DUPLICATE_REFERENCE_MESSAGE_PREFIX } from '@connectors/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphHttpError } from './graph-http-error.ts';
import { parseMemberOfBody } from './member-of-body.ts';

const GROUP_ID = '0f9e8d7c-6b5a-4948-8372-6150a4b3c2d1';
const body = {
  '@odata.type': '#microsoft.graph.connectorGroup',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: '  West Europe connectors ',
  region: 'eur',
};

function badRequest(text: string): GraphHttpError {
  try {
    parseMemberOfBody(text);
  } catch (error) {
    if (error instanceof GraphHttpError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseMemberOfBody', () => {
  it('reads a connectorGroup without id as "the group of that name", trimmed', () => {
    expect(parseMemberOfBody(JSON.stringify(body))).toEqual({
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
    expect(parseMemberOfBody(JSON.stringify({ ...body, id: GROUP_ID }))).toEqual({
      kind: 'existing',
      groupId: GROUP_ID,
    });
  });

  it.each([
    `https://graph.microsoft.com/v1.0/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP_ID}`,
    `https://graph.microsoft.com/beta/connectorGroups('${GROUP_ID}')`,
    `/connectorGroups(${GROUP_ID})`,
  ])('reads the OData reference body %s', (reference) => {
    expect(parseMemberOfBody(JSON.stringify({ '@odata.id': reference }))).toEqual({
      kind: 'existing',
      groupId: GROUP_ID,
    });
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
            const target = parseMemberOfBody(text);
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
