import { describe, expect, it } from 'vitest';
import { type Git, pacticipantVersion } from './pacticipant-version.ts';

const git =
  (branch: string): Git =>
  (...args) =>
    args.includes('--abbrev-ref') ? branch : '0123456789ab';

describe('pacticipantVersion', () => {
  it("takes git's commit and branch by default", () => {
    expect(pacticipantVersion({}, git('main'))).toEqual({
      version: '0123456789ab',
      branch: 'main',
    });
  });

  it('prefers PACT_VERSION and PACT_BRANCH', () => {
    expect(pacticipantVersion({ version: 'v1', branch: 'release' }, git('HEAD'))).toEqual({
      version: 'v1',
      branch: 'release',
    });
  });

  it('refuses a detached HEAD without PACT_BRANCH, naming the variable', () => {
    expect(() => pacticipantVersion({}, git('HEAD'))).toThrow(/detached HEAD.*set PACT_BRANCH/);
  });

  it('reads this checkout with the real git', () => {
    const { version } = pacticipantVersion({ branch: 'any' });
    expect(version).toMatch(/^[0-9a-f]{12}$/);
  });
});
