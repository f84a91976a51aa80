import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acceptPact,
  PACTS_DIR,
  pactFiles,
  REST_PACT,
  readPactPair,
  stablePactText,
} from './pact-file.ts';

const pact = (metadata: Record<string, unknown>) => ({
  consumer: { name: 'connector-gateway' },
  provider: { name: 'graph-api' },
  interactions: [{ description: 'x' }],
  metadata,
});

describe('stablePactText', () => {
  it('ignores the versions of the tools that wrote the pact', () => {
    const before = pact({
      'pact-js': { version: '17.1.4' },
      pactRust: { ffi: '0.5.8', models: '1.3.16' },
      pactSpecification: { version: '4.0' },
    });
    const after = pact({
      'pact-js': { version: '17.2.0' },
      pactRust: { ffi: '0.6.0', models: '1.4.0' },
      pactSpecification: { version: '4.0' },
    });
    expect(stablePactText(after)).toBe(stablePactText(before));
  });

  it('keeps the specification version and every interaction', () => {
    const v4 = pact({ pactSpecification: { version: '4.0' } });
    const v3 = pact({ pactSpecification: { version: '3.0.0' } });
    expect(stablePactText(v3)).not.toBe(stablePactText(v4));
    expect(stablePactText({ ...v4, interactions: [] })).not.toBe(stablePactText(v4));
  });
});

describe('pactFiles and acceptPact', () => {
  it('keeps every consumer package the same way: build/pacts in the package, pacts/ at the root', () => {
    const files = pactFiles({
      consumer: 'web',
      provider: 'api',
      packageDir: '/repo/packages/web/',
    });
    expect(files).toMatchObject({
      generatedDir: '/repo/packages/web/build/pacts',
      generated: '/repo/packages/web/build/pacts/web-api.json',
      committed: `${PACTS_DIR}/web-api.json`,
    });
    expect(REST_PACT.committed).toBe(`${PACTS_DIR}/connector-gateway-graph-api.json`);
  });

  it('copies the generated pact to the committed one, and names the command when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pact-accept-'));
    try {
      const files = {
        ...pactFiles({ consumer: 'web', provider: 'api', packageDir: dir }),
        committed: join(dir, 'pacts', 'web-api.json'),
        acceptCommand: 'pnpm --filter web pact:accept',
      };
      expect(() => acceptPact(files)).toThrow(/run pnpm --filter web pact:accept/);
      mkdirSync(files.generatedDir, { recursive: true });
      writeFileSync(
        files.generated,
        JSON.stringify(pact({ pactSpecification: { version: '4.0' } })),
      );
      expect(readPactPair(files).committed).toBeUndefined();
      acceptPact(files);
      expect(readFileSync(files.committed, 'utf8')).toBe(readFileSync(files.generated, 'utf8'));
      expect(readPactPair(files).committed).toBe(readPactPair(files).generated);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
