// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures are source text, template literals included.
import { describe, expect, it } from 'vitest';
import { findReferences } from './source-references.ts';

const specifiers = (source: string) =>
  findReferences(source).map(({ kind, specifier }) => [kind, specifier]);

describe('findReferences', () => {
  it('finds every way a file names another', () => {
    const source = [
      "import { a } from '../a.ts';",
      'import type { B } from "../b.ts";',
      "import './side-effect.ts';",
      "export * from '../c.ts';",
      "export { d } from '@connectors/d';",
      "const e = await import('../e.ts');",
      "const f = require('../f.cjs');",
      "const g = require.resolve('../g');",
      "const h = import.meta.resolve('@connectors/h/main');",
      "const i = new URL('../../i.json', import.meta.url);",
      "vi.mock('../j.ts');",
      "const k = await vi.importActual('../k.ts');",
    ].join('\n');
    expect(specifiers(source)).toEqual([
      ['import', '../a.ts'],
      ['import', '../b.ts'],
      ['import', './side-effect.ts'],
      ['import', '../c.ts'],
      ['import', '@connectors/d'],
      ['dynamic-import', '../e.ts'],
      ['require', '../f.cjs'],
      ['require', '../g'],
      ['resolve', '@connectors/h/main'],
      ['url', '../../i.json'],
      ['vi-mock', '../j.ts'],
      ['vi-mock', '../k.ts'],
    ]);
  });

  it('reports the line of each reference', () => {
    const source =
      "// header\n\nimport { a } from './a.ts';\n\nconst u = new URL('./u', import.meta.url);\n";
    expect(findReferences(source).map((reference) => reference.line)).toEqual([3, 5]);
  });

  it('reads a template literal up to its first interpolation', () => {
    const source =
      'const p = new URL(`../../pacts/${consumer}-${provider}.json`, import.meta.url);';
    expect(specifiers(source)).toEqual([['url', '../../pacts/']]);
  });

  it('follows code inside an interpolation, strings and nested templates included', () => {
    const source =
      "const t = `a ${f({ x: `b ${1} c` })} d`;\nconst u = new URL('../u', import.meta.url);";
    expect(specifiers(source)).toEqual([['url', '../u']]);
  });

  it('ignores strings that only look like paths', () => {
    const source = [
      "expect(() => memberOfRefPath('../../me', CONNECTOR)).toThrow();",
      "const base = new URL('../x', 'http://127.0.0.1');",
      "const from = '../not-an-import';",
      "Array.from('../chars');",
      "const o = { import: '../a-key' };",
    ].join('\n');
    expect(specifiers(source)).toEqual([]);
  });

  it('ignores references in comments', () => {
    const source = [
      "// import { a } from '../../a.ts';",
      "/* const u = new URL('../../u', import.meta.url); */",
      '/**',
      " * import { b } from '../../b.ts';",
      ' */',
      "import { c } from './c.ts'; // from '../../d.ts'",
    ].join('\n');
    expect(specifiers(source)).toEqual([['import', './c.ts']]);
  });

  it('is not thrown off by quotes, slashes or backticks in regular expressions', () => {
    const source = [
      "const quote = /'/;",
      'const tick = /`/g;',
      "const slashes = /\\/\\/[^']*/;",
      "const half = 10 / 2; const s = 'x' / 1;",
      "import { a } from '../a.ts';",
    ].join('\n');
    expect(specifiers(source)).toEqual([['import', '../a.ts']]);
  });
});
