import { describe, expect, it } from 'vitest';
import { memberOfGroupRefPath, memberOfPath, parseUpstreamBase, upstreamUrl } from './rest-path.ts';
import { ValidationError } from './validation.ts';

const APP = '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12';
const CONNECTOR = 'e98f0710-0710-e98f-1007-8fe910078fe9';

function issuesOf(build: () => unknown): ValidationError['issues'] {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('REST path builders', () => {
  it('name the id at fault: applicationId, connectorId or groupId', () => {
    expect(issuesOf(() => memberOfPath('x', CONNECTOR))).toEqual([
      {
        code: 'invalidInput',
        field: ['applicationId'],
        message: expect.stringMatching(/^applicationId must be a GUID/),
      },
    ]);
    expect(issuesOf(() => memberOfPath(APP, 'x'))[0]?.field).toEqual(['connectorId']);
    expect(issuesOf(() => memberOfGroupRefPath(APP, CONNECTOR, 'x'))).toEqual([
      {
        code: 'invalidInput',
        field: ['groupId'],
        message: expect.stringMatching(/^groupId must be a GUID/),
      },
    ]);
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
