import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveVersion } from './derive-version.ts';
import { currentSchemaStamp } from './schema-stamp.ts';

const stamp = { schema: 'a'.repeat(64), released: 'b'.repeat(64) };

describe('deriveVersion', () => {
  it('is a major after a schema release (only a breaking change needs one)', () => {
    expect(
      deriveVersion('1.4.2', stamp, { schema: 'c'.repeat(64), released: 'd'.repeat(64) }),
    ).toBe('2.0.0');
    expect(deriveVersion('1.4.2', stamp, { ...stamp, released: 'd'.repeat(64) })).toBe('2.0.0');
  });

  it('is a minor when only the current schema changed (additions)', () => {
    expect(deriveVersion('1.4.2', stamp, { ...stamp, schema: 'c'.repeat(64) })).toBe('1.5.0');
  });

  it('keeps the version while the schema is the same', () => {
    expect(deriveVersion('1.4.2', stamp, stamp)).toBe('1.4.2');
  });

  it('refuses a version that is not major.minor.patch', () => {
    expect(() => deriveVersion('1.4', stamp, stamp)).toThrow(
      'version 1.4 is not major.minor.patch',
    );
  });
});

describe("the client's package.json", () => {
  it('records the schema it was generated from, so its version follows the schema', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string; gatewaySchema: unknown };
    expect(
      manifest.gatewaySchema,
      'the client was generated from another gateway schema: run pnpm --filter @connectors/gateway-client version:schema (and commit package.json)',
    ).toEqual(currentSchemaStamp());
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
