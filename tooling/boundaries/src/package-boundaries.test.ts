// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures are source text, template literals included.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPackageBoundaries } from './package-boundaries.ts';

let root: string | undefined;
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A real workspace on disk: `files` maps a path under the root to its text. */
function workspace(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  const all: Record<string, string> = {
    'pnpm-workspace.yaml': 'packages:\n  - apps/*\n  - packages/*\n',
    'apps/web/package.json': JSON.stringify({
      name: '@x/web',
      dependencies: { '@x/lib': 'workspace:*' },
    }),
    'packages/lib/package.json': JSON.stringify({ name: '@x/lib' }),
    'packages/other/package.json': JSON.stringify({ name: '@x/other' }),
    'packages/lib/src/index.ts': 'export const lib = 1;\n',
    'packages/lib/data.json': '{}\n',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const messages = (dir: string) =>
  checkPackageBoundaries(dir).violations.map((violation) => violation.at);

describe('checkPackageBoundaries', () => {
  it('accepts paths inside the package and siblings named through a declared dependency', () => {
    const dir = workspace({
      'apps/web/src/main.ts': [
        "import { lib } from '@x/lib';",
        "import { helper } from './helper.ts';",
        "import { fixture } from '../test/fixture.ts';",
        "const schema = new URL('../schema.graphql', import.meta.url);",
        "const entry = import.meta.resolve('@x/lib/main');",
      ].join('\n'),
    });
    const report = checkPackageBoundaries(dir);
    expect(report.violations).toEqual([]);
    expect(report.packages.map((pkg) => pkg.name)).toEqual(['@x/web', '@x/lib', '@x/other']);
    expect(report.referencesChecked).toBe(5);
  });

  it("fails on an import into a sibling's source, naming the sibling to export from", () => {
    const dir = workspace({
      'apps/web/src/main.ts': "\nimport { lib } from '../../../packages/lib/src/index.ts';\n",
    });
    const [violation] = checkPackageBoundaries(dir).violations;
    expect(violation?.at).toBe('apps/web/src/main.ts:2');
    expect(violation?.message).toMatch(/reaches into @x\/lib .*"exports"/);
  });

  it('fails on a file path built from import.meta.url that leaves the package', () => {
    const dir = workspace({
      'apps/web/scripts/run.ts':
        "const data = new URL('../../../packages/lib/data.json', import.meta.url);",
      'apps/web/vitest.config.ts': "const up = new URL('../..', import.meta.url);",
    });
    expect(messages(dir)).toEqual(['apps/web/vitest.config.ts:1', 'apps/web/scripts/run.ts:1']);
  });

  it('fails on a path to the root outside the shared folders, and allows pacts/ and the README', () => {
    const dir = workspace({
      'apps/web/test/pact.ts': [
        'const pact = new URL(`../../../pacts/${name}.json`, import.meta.url);',
        "const notes = new URL('../../../NOTES.md', import.meta.url);",
        "import { x } from '../../../pacts/x.ts';",
        "const readme = new URL('../../../README.md', import.meta.url);",
      ].join('\n'),
    });
    const { violations } = checkPackageBoundaries(dir);
    expect(violations.map((violation) => violation.at)).toEqual([
      'apps/web/test/pact.ts:2',
      'apps/web/test/pact.ts:3',
    ]);
    expect(violations[0]?.message).toMatch(/leaves @x\/web for NOTES\.md, which no package owns/);
  });

  it('fails on a workspace package used without being declared', () => {
    const dir = workspace({
      'apps/web/src/main.ts':
        "import { other } from '@x/other/thing';\nimport { lib } from '@x/lib';",
    });
    const [violation, ...rest] = checkPackageBoundaries(dir).violations;
    expect(rest).toEqual([]);
    expect(violation?.message).toMatch(/uses @x\/other, which @x\/web does not declare/);
  });

  it('skips node_modules and build output', () => {
    const dir = workspace({
      'apps/web/src/node_modules/dep/index.js': "require('../../../../../x');",
      'apps/web/build/main.mjs': "import '../../../packages/lib/src/index.ts';",
      'apps/web/src/ok.ts': 'export {};',
    });
    expect(checkPackageBoundaries(dir)).toMatchObject({ filesScanned: 2, violations: [] }); // ok.ts, lib's index.ts;
  });
});
