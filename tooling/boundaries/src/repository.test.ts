/**
 * Contract: this repository's packages meet only through their names. No file reaches into
 * another package, or out to the repository, by a relative path (an import, a require, an
 * `import.meta.resolve` or a `new URL(..., import.meta.url)`): what a sibling needs is in that
 * sibling's `exports`, and every workspace package a file names is a declared dependency, so
 * turbo and pnpm see the same graph the code uses. The one shared root folder is `pacts/`
 * (SHARED_ROOT_FOLDERS says why).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPackageBoundaries, formatViolations } from './package-boundaries.ts';
import { findWorkspaceRoot } from './workspace.ts';

const report = checkPackageBoundaries(findWorkspaceRoot(fileURLToPath(import.meta.url)));

describe('the repository', () => {
  it('scans every workspace package', () => {
    // A glob or folder the check stopped reading would make the next test pass on nothing.
    expect(report.packages.map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining([
        '@connectors/domain',
        '@connectors/env',
        '@connectors/graph-client',
        '@connectors/gateway',
        '@connectors/fake-graph',
        '@connectors/local',
        '@connectors/bench',
        '@connectors/boundaries',
      ]),
    );
    expect(report.filesScanned).toBeGreaterThan(100);
    expect(report.referencesChecked).toBeGreaterThan(300);
  });

  it('keeps every reference inside its package, or to a declared workspace package', () => {
    expect(formatViolations(report.violations)).toBe('');
  });
});
