import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConnectorGroupsQuery } from './connector-group-list.ts';
import {
  APPLICATION_PROXY_PATH,
  connectorGroupPath,
  connectorGroupsPath,
  connectorMemberOfPath,
  connectorMemberOfRefPath,
} from './graph-api-path.ts';
import { DirectoryObjectId } from './ids.ts';
import { parseNameEqualsFilter } from './odata-filter.ts';
import { upstreamUrl } from './rest-path.ts';
import { parseValid, ValidationError } from './validation.ts';

// Ids and queries reach the builders parsed, as the client passes them: what a builder once
// refused, the domain's parse refuses now, with the same ValidationError naming the field.
const ConnectorRef = z.object({ connectorId: DirectoryObjectId });
const GroupRef = z.object({ groupId: DirectoryObjectId });
const connectorId = (id: string) => parseValid(ConnectorRef, { connectorId: id }).connectorId;
const groupId = (id: string) => parseValid(GroupRef, { groupId: id }).groupId;
const groupsPath = (query: unknown) => connectorGroupsPath(parseValid(ConnectorGroupsQuery, query));

const CONNECTOR = connectorId('e98f0710-0710-e98f-1007-8fe910078fe9');
const GROUP = groupId('c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f');
const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';

describe("Graph's documented paths", () => {
  it('builds the memberOf list and $ref paths of docs/rest-upstream.md, the graph profile, $ref literal', () => {
    expect(connectorMemberOfPath(CONNECTOR)).toBe(
      `/onPremisesPublishingProfiles/applicationProxy/connectors/${CONNECTOR}/memberOf`,
    );
    expect(connectorMemberOfRefPath(CONNECTOR)).toBe(
      `/onPremisesPublishingProfiles/applicationProxy/connectors/${CONNECTOR}/memberOf/$ref`,
    );
    expect(connectorGroupPath(GROUP)).toBe(`${GROUPS}/${GROUP}`);
    expect(APPLICATION_PROXY_PATH).toBe('/onPremisesPublishingProfiles/applicationProxy');
  });

  it.each(['', 'x', '../../me', `${CONNECTOR}/../x`, `${CONNECTOR}?a=1`, `${CONNECTOR}#f`])(
    'refuses the id %j with a ValidationError naming the field',
    (id) => {
      expect(() => connectorMemberOfRefPath(connectorId(id))).toThrowError(ValidationError);
      try {
        connectorGroupPath(groupId(id));
        expect.unreachable();
      } catch (error) {
        expect((error as ValidationError).issues[0]?.field).toEqual(['groupId']);
      }
    },
  );
});

describe('connectorGroupsPath', () => {
  it('is the bare list without a name', () => {
    expect(connectorGroupsPath()).toBe(GROUPS);
    expect(connectorGroupsPath({})).toBe(GROUPS);
  });

  it("filters by name eq, the name's quotes doubled, the value one encoded component", () => {
    expect(groupsPath({ name: 'West Europe connectors' })).toBe(
      `${GROUPS}?$filter=name%20eq%20'West%20Europe%20connectors'`,
    );
    expect(groupsPath({ name: "Bob's & Alice's #1 / 100%" })).toBe(
      `${GROUPS}?$filter=name%20eq%20'Bob''s%20%26%20Alice''s%20%231%20%2F%20100%25'`,
    );
  });

  it('trims the name as a written name is trimmed', () => {
    expect(groupsPath({ name: '  West  ' })).toBe(`${GROUPS}?$filter=name%20eq%20'West'`);
  });

  it.each([
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['a\nb', /control characters/],
    ['x'.repeat(257), /at most 256/],
    ['lone \uD800 surrogate', /well-formed|surrogate/],
  ])('refuses the name %j, naming the field', (name, message) => {
    try {
      groupsPath({ name });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const [issue] = (error as ValidationError).issues;
      expect(issue?.field).toEqual(['name']);
      expect(issue?.message).toMatch(message);
    }
  });

  const names = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc
      .array(
        fc.constantFrom(
          "'",
          "''",
          '&',
          '#',
          '/',
          '?',
          '=',
          '+',
          '%',
          '%26',
          ' ',
          'é',
          '👩‍💻',
          '$',
          'a',
        ),
      )
      .map((parts) => parts.join('')),
  );
  const bases = fc.constantFrom(
    'https://graph.microsoft.com/beta',
    'http://localhost:4010/v1.0/',
    'http://127.0.0.1:4010',
  );

  it('for any name: refused, or one $filter parameter that round-trips, path and host unchanged (property)', () => {
    fc.assert(
      fc.property(bases, names, (base, name) => {
        let path: string;
        try {
          path = groupsPath({ name });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        const [pathPart, query, ...rest] = path.split('?');
        expect(rest).toEqual([]);
        expect(pathPart).toBe(GROUPS);
        // No second parameter, no fragment: `&` and `#` only ever appear encoded.
        expect(query).not.toMatch(/[&#]/);
        expect(query?.startsWith('$filter=')).toBe(true);
        const params = new URLSearchParams(query);
        expect([...params.keys()]).toEqual(['$filter']);
        expect(parseNameEqualsFilter(params.get('$filter') ?? '')).toBe(name.trim());

        const url = new URL(upstreamUrl(base, path));
        const expected = new URL(base);
        expect(url.host).toBe(expected.host);
        expect(url.hash).toBe('');
        expect(url.pathname).toBe(`${expected.pathname.replace(/\/$/, '')}${GROUPS}`);
      }),
      { numRuns: 1000 },
    );
    // Generous: alone it takes a fraction of a second, but not while turbo runs every package.
  }, 30_000);
});
