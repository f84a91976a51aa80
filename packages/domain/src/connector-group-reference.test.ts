import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONNECTOR_GROUP_REFERENCE_SUFFIX,
  ConnectorGroupReference,
  connectorGroupReference,
} from './connector-group-reference.ts';
import { DirectoryObjectId } from './ids.ts';
import { parseValid, ValidationError } from './validation.ts';

// Group ids reach the builder parsed, as the client passes them: a bad one is refused there.
const groupId = (id: string) => parseValid(DirectoryObjectId, id);
const GROUP = groupId('c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f');

describe('connectorGroupReference', () => {
  it('is the exact body of docs/rest-upstream.md, the graph profile, built on the base with its version path', () => {
    expect(
      JSON.stringify(connectorGroupReference('https://graph.microsoft.com/beta/', GROUP)),
    ).toBe(
      `{"@odata.id":"https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP}"}`,
    );
  });

  it('refuses a group id that is not a GUID, and a base that is not plain http(s)', () => {
    expect(() =>
      connectorGroupReference('https://graph.microsoft.com/beta', groupId('../x')),
    ).toThrow(ValidationError);
    expect(() => connectorGroupReference('https://u:p@graph.microsoft.com/beta', GROUP)).toThrow(
      TypeError,
    );
    expect(() => connectorGroupReference('ftp://graph.microsoft.com/beta', GROUP)).toThrow(
      TypeError,
    );
  });

  it('always satisfies its own schema and ends in the group segment (property)', () => {
    fc.assert(
      fc.property(
        fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }),
        fc.webUrl({ withQueryParameters: false, withFragments: false }),
        (id, base) => {
          let reference: ReturnType<typeof connectorGroupReference>;
          try {
            reference = connectorGroupReference(base, groupId(id));
          } catch (error) {
            // fast-check's URLs may carry credentials, which the base check refuses.
            expect(error).toBeInstanceOf(TypeError);
            return;
          }
          expect(ConnectorGroupReference.safeParse(reference).success).toBe(true);
          expect(reference['@odata.id'].endsWith(`/connectorGroups/${id}`)).toBe(true);
        },
      ),
    );
  });
});

describe('ConnectorGroupReference', () => {
  it.each([
    'https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
    `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectors/${GROUP}`,
    `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP}/x`,
    'not a reference',
  ])('refuses %j', (reference) => {
    expect(ConnectorGroupReference.safeParse({ '@odata.id': reference }).success).toBe(false);
  });

  it('matches on the suffix whatever the base', () => {
    expect(
      CONNECTOR_GROUP_REFERENCE_SUFFIX.test(
        `http://127.0.0.1:55555/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${GROUP}`,
      ),
    ).toBe(true);
  });
});
