/**
 * `pnpm --filter @connectors/gateway-client build` (and `prepack`): the published package's
 * JavaScript and declarations under dist/, emitted by TypeScript's own tsc (tsconfig.build.json).
 *
 * tsc rewrites the sources' relative `.ts` imports to `.js` in the JavaScript but keeps them in
 * the declarations; a frontend's TypeScript resolves `./x.ts` from a .d.ts only with
 * `allowImportingTsExtensions`, which a stock tsconfig does not set, so they are rewritten here.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(PACKAGE_DIR, 'dist');
// typescript's `exports` hide its bin; its package.json is exported, and the bin sits beside it.
const TSC = join(
  dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
  'bin',
  'tsc',
);

rmSync(DIST, { recursive: true, force: true });
execFileSync(process.execPath, [TSC, '-p', join(PACKAGE_DIR, 'tsconfig.build.json')], {
  stdio: 'inherit',
});

// `from './x.ts'` and `import('./x.ts')` in declarations: relative specifiers only.
const RELATIVE_TS = /((?:from |import\()['"]\.{1,2}\/[^'"]+)\.ts(['"])/g;
let rewritten = 0;
for (const entry of readdirSync(DIST, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const path = join(entry.parentPath, entry.name);
  const text = readFileSync(path, 'utf8');
  const fixed = text.replace(RELATIVE_TS, '$1.js$2');
  if (fixed !== text) {
    writeFileSync(path, fixed);
    rewritten += 1;
  }
}
console.log(`built ${DIST} (${rewritten} declaration file(s) rewritten to .js imports)`);
