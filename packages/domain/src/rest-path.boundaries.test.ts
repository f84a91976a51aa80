import { describe, expect, it } from 'vitest';
import type { DirectoryObjectId } from './ids.ts';
import { memberOfGroupRefPath, memberOfPath, parseUpstreamBase, upstreamUrl } from './rest-path.ts';
import { SEED } from './seed.ts';

const APP = SEED.applicationId;
const CONNECTOR = SEED.connectorId;
// The builders take parsed ids only; a caller that casts past the compiler still cannot move the
// path, and the error names the id at fault.
const cast = (id: string) => id as DirectoryObjectId;

describe('REST path builders', () => {
  it('name the id at fault: applicationId, connectorId or groupId', () => {
    expect(() => memberOfPath(cast(''), CONNECTOR)).toThrow(
      new TypeError(
        'applicationId "" is not an object id: parse ids with DirectoryObjectId before building a path',
      ),
    );
    expect(() => memberOfPath(APP, cast('..'))).toThrow(/^connectorId "\.\." is not an object id/);
    expect(() => memberOfGroupRefPath(APP, CONNECTOR, cast('.'))).toThrow(
      /^groupId "\." is not an object id/,
    );
  });
});

describe('parseUpstreamBase', () => {
  it('drops every trailing slash, not just one', () => {
    expect(parseUpstreamBase('http://localhost:4010/v1.0//')).toBe('http://localhost:4010/v1.0');
    expect(parseUpstreamBase('http://localhost:4010///')).toBe('http://localhost:4010');
  });
});

describe('upstreamUrl', () => {
  it('refuses a path that does not start with a slash, naming it', () => {
    expect(() => upstreamUrl('http://localhost:4010/v1.0', 'applications/x')).toThrow(
      new TypeError('REST path must start with "/": applications/x'),
    );
  });
});
