import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentHash, parseManifest, readManifest } from './manifest.ts';

const TEXT = 'query Q { __typename }';
const HASH = documentHash(TEXT);

describe('parseManifest', () => {
  it("reads codegen's sha256:<hex> keys and bare hex keys", () => {
    expect(parseManifest({ [`sha256:${HASH}`]: TEXT }, 'm.json')).toEqual([
      { hash: HASH, text: TEXT },
    ]);
    expect(parseManifest({ [HASH]: TEXT }, 'm.json')).toEqual([{ hash: HASH, text: TEXT }]);
  });

  it('refuses an entry whose hash is not the sha256 of its text, naming it', () => {
    const reformatted = 'query Q {\n  __typename\n}';
    expect(() => parseManifest({ [`sha256:${HASH}`]: reformatted }, 'm.json')).toThrow(
      `trusted documents m.json: sha256:${HASH} is not the sha256 of its document`,
    );
  });

  it('refuses what is not a manifest, naming where', () => {
    expect(() => parseManifest({ md5abc: TEXT }, 'm.json')).toThrow(
      'trusted documents m.json: not a persisted-documents manifest at "md5abc": must be sha256:<64 lowercase hex digits>',
    );
    expect(() => parseManifest([TEXT], 'm.json')).toThrow(/not a persisted-documents manifest/);
    expect(() => parseManifest({ [HASH]: '' }, 'm.json')).toThrow(/must be a non-empty document/);
  });
});

describe('readManifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));

  it('reads a file, and names it when it is missing or not JSON', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ [`sha256:${HASH}`]: TEXT }));
    expect(readManifest(good)).toEqual([{ hash: HASH, text: TEXT }]);
    expect(() => readManifest(join(dir, 'missing.json'))).toThrow(
      `trusted documents ${join(dir, 'missing.json')}: cannot be read (ENOENT)`,
    );
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{');
    expect(() => readManifest(bad)).toThrow(`trusted documents ${bad}: not JSON`);
  });
});
