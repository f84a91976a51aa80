import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AddMemberOfRequest } from './add-member-of-request.ts';
import type { DirectoryObjectId } from './ids.ts';
import {
  memberOfGroupRefPath,
  memberOfPath,
  memberOfRefPath,
  parseUpstreamBase,
  upstreamUrl,
} from './rest-path.ts';
import { SEED } from './seed.ts';
import { parseValid, ValidationError } from './validation.ts';

const APP = SEED.applicationId;
const CONNECTOR = SEED.connectorId;
const GROUP = SEED.defaultGroup.id;
const TEMPLATE =
  /^\/applications\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\/connectorGroup\/members\/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\/memberOf\/\$ref$/;

const guid = fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] });
const anyId = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  guid,
  guid.map((id) => `${id}/../..`),
  guid.map((id) => `${id}?x=1`),
  guid.map((id) => `${id}#frag`),
  fc.constantFrom('', '.', '..', '%2e%2e', '$ref', 'a/b', '@evil.example', '//evil.example'),
);

// Ids reach the builders parsed, as the gateway hands them to the client: what a builder once
// refused, the domain's parse refuses now, with the same ValidationError naming the field.
const Ids = AddMemberOfRequest.pick({ applicationId: true, connectorId: true }).required();
function refPath(applicationId: string, connectorId: string): string {
  const ids = parseValid(Ids, { applicationId, connectorId });
  return memberOfRefPath(ids.applicationId, ids.connectorId);
}

describe('memberOfRefPath', () => {
  it('builds the path of docs/rest-upstream.md with $ref literal', () => {
    expect(memberOfRefPath(APP, CONNECTOR)).toBe(
      `/applications/${APP}/connectorGroup/members/${CONNECTOR}/memberOf/$ref`,
    );
    expect(memberOfRefPath(APP, CONNECTOR)).not.toContain('%24');
  });

  it('builds the list and remove paths from the same segments', () => {
    expect(memberOfPath(APP, CONNECTOR)).toBe(
      `/applications/${APP}/connectorGroup/members/${CONNECTOR}/memberOf`,
    );
    expect(memberOfGroupRefPath(APP, CONNECTOR, GROUP)).toBe(
      `/applications/${APP}/connectorGroup/members/${CONNECTOR}/memberOf/${GROUP}/$ref`,
    );
  });

  it('refuses a non-GUID id with a ValidationError naming the field', () => {
    expect(() => refPath('../../me', CONNECTOR)).toThrowError(ValidationError);
    try {
      refPath(APP, 'x');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        {
          code: 'invalidInput',
          field: ['connectorId'],
          message: expect.stringMatching(/^connectorId must be a GUID/),
        },
      ]);
    }
  });

  it('for any ids, refuses or matches the template with each id as one segment', () => {
    fc.assert(
      fc.property(anyId, anyId, (applicationId, connectorId) => {
        let path: string;
        try {
          path = refPath(applicationId, connectorId);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        const match = TEMPLATE.exec(path);
        expect(match).not.toBeNull();
        expect(match?.[1]).toBe(applicationId);
        expect(match?.[2]).toBe(connectorId);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps any string cast past the parse to one segment that no URL parser moves (property)', () => {
    const bases = fc.constantFrom('https://graph.microsoft.com/v1.0', 'http://127.0.0.1:4010/beta');
    fc.assert(
      fc.property(bases, anyId, anyId, anyId, (base, applicationId, connectorId, groupId) => {
        // A caller that lies to the compiler: the builder does not check, it only encodes.
        const cast = (id: string) => id as DirectoryObjectId;
        let path: string;
        try {
          path = memberOfGroupRefPath(cast(applicationId), cast(connectorId), cast(groupId));
        } catch (error) {
          // '', '.', '..' (TypeError) and lone surrogates (URIError): never a path.
          expect([TypeError, URIError]).toContain((error as Error).constructor);
          return;
        }
        const segments = path.split('/');
        expect(segments).toHaveLength(9);
        expect(segments.slice(0, 2)).toEqual(['', 'applications']);
        expect(
          [segments[2], segments[5], segments[7]].map((s) => decodeURIComponent(s ?? '')),
        ).toEqual([applicationId, connectorId, groupId]);
        expect(segments[8]).toBe('$ref');
        const expected = new URL(base);
        const url = new URL(upstreamUrl(base, path));
        expect(url.host).toBe(expected.host);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        expect(url.pathname).toBe(`${expected.pathname}${path}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('upstreamUrl', () => {
  it('keeps the version path of the base', () => {
    const path = memberOfRefPath(APP, CONNECTOR);
    expect(upstreamUrl('https://graph.microsoft.com/v1.0', path)).toBe(
      `https://graph.microsoft.com/v1.0${path}`,
    );
    expect(upstreamUrl('http://localhost:4010/v1.0/', path)).toBe(
      `http://localhost:4010/v1.0${path}`,
    );
    expect(upstreamUrl('http://127.0.0.1:4010', path)).toBe(`http://127.0.0.1:4010${path}`);
  });

  it('refuses bases that are not plain http(s) URLs', () => {
    expect(() => parseUpstreamBase('localhost:4010')).toThrow(/http or https/);
    expect(() => parseUpstreamBase('not a url')).toThrow(/not an absolute URL/);
    expect(() => parseUpstreamBase('https://graph.microsoft.com/v1.0?x=1')).toThrow(/query/);
    expect(() => parseUpstreamBase('https://user:pw@graph.microsoft.com/v1.0')).toThrow(
      /credentials/,
    );
  });

  it('for any ids, no input changes the host, query or fragment', () => {
    const bases = fc.constantFrom(
      'https://graph.microsoft.com/v1.0',
      'http://localhost:4010/v1.0',
      'http://127.0.0.1:4010/beta/',
    );
    fc.assert(
      fc.property(bases, anyId, anyId, (base, applicationId, connectorId) => {
        let path: string;
        try {
          path = refPath(applicationId, connectorId);
        } catch {
          return;
        }
        const url = new URL(upstreamUrl(base, path));
        const expected = new URL(base);
        expect(url.host).toBe(expected.host);
        expect(url.protocol).toBe(expected.protocol);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
        expect(url.pathname).toBe(`${expected.pathname.replace(/\/$/, '')}${path}`);
      }),
      { numRuns: 2000 },
    );
  });
});
