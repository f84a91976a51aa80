import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FILTER_QUERY_KEY,
  filterQuery,
  nameEqualsFilter,
  odataStringLiteral,
  parseNameEqualsFilter,
} from './odata-filter.ts';

describe('odataStringLiteral', () => {
  it("quotes in single quotes and doubles each ' inside", () => {
    expect(odataStringLiteral('West Europe')).toBe("'West Europe'");
    expect(odataStringLiteral("O'Brien's")).toBe("'O''Brien''s'");
    expect(odataStringLiteral("'")).toBe("''''");
    expect(odataStringLiteral('')).toBe("''");
  });
});

describe('filterQuery', () => {
  it('keeps the $filter key literal and encodes the whole value as one component', () => {
    expect(filterQuery(nameEqualsFilter("a&b=c#d/e?f%g+h 'i'"))).toBe(
      "$filter=name%20eq%20'a%26b%3Dc%23d%2Fe%3Ff%25g%2Bh%20''i'''",
    );
    expect(FILTER_QUERY_KEY).toBe('$filter');
  });

  it('refuses a lone surrogate rather than sending a mangled name', () => {
    expect(() => filterQuery(nameEqualsFilter('\uD800'))).toThrow(URIError);
  });
});

describe('parseNameEqualsFilter', () => {
  it('reads back the name, quotes undoubled', () => {
    expect(parseNameEqualsFilter("name eq 'O''Brien'")).toBe("O'Brien");
    expect(parseNameEqualsFilter("name eq ''")).toBe('');
  });

  it.each([
    "name eq 'a' or name eq 'b'",
    "name eq 'unbalanced",
    "name eq 'a'b'",
    "startswith(name, 'a')",
    "displayName eq 'a'",
    '',
  ])('refuses %j', (filter) => {
    expect(parseNameEqualsFilter(filter)).toBeUndefined();
  });

  it('is the inverse of nameEqualsFilter for any well-formed string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const filter = nameEqualsFilter(name);
        expect(parseNameEqualsFilter(filter)).toBe(name);
        const query = filterQuery(filter);
        expect(query.startsWith('$filter=')).toBe(true);
        expect(decodeURIComponent(query.slice('$filter='.length))).toBe(filter);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);
});
