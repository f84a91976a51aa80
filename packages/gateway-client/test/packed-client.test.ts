/**
 * The client as a frontend in another repository gets it: `pnpm pack`ed (what `pnpm publish`
 * uploads), installed with `npm install <tarball>` into a fresh folder outside the workspace, and
 * type-checked there with a stock tsconfig (strict, NodeNext, DOM, the libraries' own .d.ts files
 * checked too). npm fetches zod and typed-document-node from the registry on the first run and
 * from its cache after.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packGatewayClient } from '../scripts/pack-client.ts';
import { OPERATIONS } from '../src/operations/documents.ts';

const TSC = join(
  dirname(createRequire(import.meta.url).resolve('typescript/package.json')),
  'bin',
  'tsc',
);
// Installs over the network the first time; generous on a shared 2-core machine.
const INSTALL_TIMEOUT_MS = 180_000;

const STOCK_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  include: ['*.ts'],
};

// What a frontend writes: the typed client, the operations for its own pact.
const CONSUMER = `import { createGatewayClient, OPERATIONS, type GatewayResult } from '@connectors/gateway-client';
import manifest from '@connectors/gateway-client/persisted-documents.json' with { type: 'json' };

const client = createGatewayClient({ url: 'http://127.0.0.1:4000/graphql', getToken: () => 'token' });
export async function groups(applicationId: string, connectorId: string): Promise<string[]> {
  const result = await client.connectorMemberOf({ applicationId, connectorId });
  return result.kind === 'success' ? result.data.connectorGroups.map((group) => group.name) : [];
}
export const names: string[] = Object.values(OPERATIONS).map((operation) => operation.name);
export const texts: string[] = Object.keys(manifest);
export type Result = GatewayResult<unknown>;
`;

let dir: string;
let tarball: string;
let packed: { [key: string]: unknown; dependencies: Record<string, string> };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-client-consumer-'));
  tarball = packGatewayClient(dir);
  packed = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'a-frontend', private: true, type: 'module' }),
  );
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(STOCK_TSCONFIG));
  execFileSync(
    'npm',
    ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: dir, stdio: 'pipe', timeout: INSTALL_TIMEOUT_MS },
  );
}, INSTALL_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function typecheck(source: string) {
  writeFileSync(join(dir, 'consumer.ts'), source);
  return spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8', timeout: 60_000 });
}

describe('the packed @connectors/gateway-client', () => {
  it('declares real versions: no catalog: or workspace: left, ranges for what it depends on', () => {
    expect(JSON.stringify(packed)).not.toMatch(/"(?:catalog|workspace):/);
    const own = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(packed.version).toBe(own.version);
    expect(packed.gatewaySchema).toEqual(own.gatewaySchema);
    expect(Object.keys(packed.dependencies).sort()).toEqual([
      '@graphql-typed-document-node/core',
      'zod',
    ]);
    for (const range of Object.values(packed.dependencies))
      expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(packed.exports).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './persisted-documents.json': './dist/generated/persisted-documents.json',
    });
  });

  it('ships the built JavaScript and declarations only, no TypeScript source or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/generated/persisted-documents.json');
    expect(files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('type-checks in a fresh folder outside the workspace with a stock tsconfig', () => {
    const result = typecheck(CONSUMER);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('is really type-checked there: wrong variables fail, naming the field', () => {
    const result = typecheck(
      CONSUMER.replace(
        '{ applicationId, connectorId }',
        '{ applicationId, connector: connectorId }',
      ),
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/consumer\.ts.*error TS\d+:.*connector/);
  });

  it('runs there: the operations a frontend writes its pact from, by name, text and hash', () => {
    const script = `import { OPERATIONS, PERSISTED_DOCUMENTS } from '@connectors/gateway-client';
for (const op of Object.values(OPERATIONS)) if (PERSISTED_DOCUMENTS[op.hash] !== op.text) process.exit(3);
console.log(Object.keys(OPERATIONS).sort().join(','));`;
    writeFileSync(join(dir, 'run.mjs'), script);
    const output = execFileSync(process.execPath, ['--no-warnings', 'run.mjs'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(output.trim()).toBe(Object.keys(OPERATIONS).sort().join(','));
  });
});
