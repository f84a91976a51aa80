import { execFileSync } from 'node:child_process';
import type { BrokerEnv } from './broker-env.ts';

/** This repo's version and branch at the broker: the same for what it publishes and verifies. */
export interface PacticipantVersion {
  version: string;
  branch: string;
}

/** Runs git in the given checkout; overridable so tests need no particular repo state. */
export type Git = (...args: string[]) => string;

const realGit =
  (cwd: string): Git =>
  (...args) =>
    execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/**
 * PACT_VERSION and PACT_BRANCH when set, else git's commit and branch. A detached HEAD (what
 * many CI checkouts are) has no branch name: that is an error naming PACT_BRANCH, never a
 * version published on a branch called "HEAD".
 */
export function pacticipantVersion(
  env: Pick<BrokerEnv, 'version' | 'branch'>,
  git: Git = realGit(process.cwd()),
): PacticipantVersion {
  const version = env.version ?? git('rev-parse', '--short=12', 'HEAD');
  const branch = env.branch ?? git('rev-parse', '--abbrev-ref', 'HEAD');
  if (branch === 'HEAD') {
    throw new Error(
      'git is on a detached HEAD, so it names no branch: set PACT_BRANCH to the branch this commit was built from',
    );
  }
  return { version, branch };
}
