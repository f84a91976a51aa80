import { describe, expect, it } from 'vitest';
import {
  connectorGroupMembersPath,
  connectorGroupsPath,
  connectorsPath,
} from './graph-api-path.ts';
import { DirectoryObjectId } from './ids.ts';
import { MAX_SKIPTOKEN_LENGTH, SkipToken, skipTokenOf } from './paging.ts';
import { parseValid } from './validation.ts';

const token = (value: string) => parseValid(SkipToken, value);

describe('skipTokenOf takes only the $skiptoken of a next link', () => {
  it('reads the token, whatever the host or path', () => {
    expect(skipTokenOf('https://evil.example/anything?$top=5&$skiptoken=X%2BY%3D')).toBe('X+Y=');
  });

  it.each([
    ['no token', 'https://graph.microsoft.com/beta/connectors?$top=5'],
    ['two tokens', 'https://g/x?$skiptoken=a&$skiptoken=b'],
    ['an empty token', 'https://g/x?$skiptoken='],
    ['a token with a space', 'https://g/x?$skiptoken=a%20b'],
    ['a token with a non-ASCII character', 'https://g/x?$skiptoken=%C3%A9'],
    ['an over-long token', `https://g/x?$skiptoken=${'a'.repeat(MAX_SKIPTOKEN_LENGTH + 1)}`],
    ['not a URL', '/relative?$skiptoken=a'],
  ])('gives nothing for %s', (_what, link) => {
    expect(skipTokenOf(link)).toBeUndefined();
  });
});

describe('list paths carry paging as literal $ options, each value one component', () => {
  const groupId = parseValid(DirectoryObjectId, 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f');

  it('connectors: filter, expand, page', () => {
    expect(connectorsPath({ status: 'inactive' }, { top: 25, skipToken: token('a&b=c') })).toBe(
      "/onPremisesPublishingProfiles/applicationProxy/connectors?$filter=status%20eq%20'inactive'&$expand=memberOf&$top=25&$skiptoken=a%26b%3Dc",
    );
    expect(connectorsPath()).toBe(
      '/onPremisesPublishingProfiles/applicationProxy/connectors?$expand=memberOf',
    );
  });

  it("a group's members", () => {
    expect(connectorGroupMembersPath(groupId, {}, { top: 2 })).toBe(
      `/onPremisesPublishingProfiles/applicationProxy/connectorGroups/${groupId}/members?$expand=memberOf&$top=2`,
    );
  });

  it('groups, by name and paged', () => {
    expect(connectorGroupsPath({}, { top: 3, skipToken: token('t') })).toBe(
      '/onPremisesPublishingProfiles/applicationProxy/connectorGroups?$top=3&$skiptoken=t',
    );
    expect(connectorGroupsPath()).toBe(
      '/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
    );
  });
});
