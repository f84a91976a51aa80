import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientManifestEntries } from './client-manifest.ts';
import {
  documentHash,
  documentIdHash,
  ManifestError,
  parseManifest,
  readManifest,
} from './manifest.ts';

const TEXT = 'query Q { __typename }';
const HASH = documentHash(TEXT);

describe('parseManifest', () => {
  it("reads codegen's sha256:<hex> keys and bare hex keys, once per document", () => {
    expect(parseManifest({ [`sha256:${HASH}`]: TEXT })).toEqual([{ hash: HASH, text: TEXT }]);
    expect(parseManifest({ [HASH]: TEXT })).toEqual([{ hash: HASH, text: TEXT }]);
    expect(parseManifest({ [HASH]: TEXT, [`sha256:${HASH}`]: TEXT })).toEqual([
      { hash: HASH, text: TEXT },
    ]);
  });

  it('refuses an entry whose hash is not the sha256 of its text, naming the hash', () => {
    const reformatted = 'query Q {\n  __typename\n}';
    expect(() => parseManifest({ [`sha256:${HASH}`]: reformatted })).toThrow(
      new ManifestError(
        `sha256:${HASH} is not the sha256 of its document: regenerate the manifest`,
      ),
    );
  });

  it('refuses what is not a manifest, naming the entry by position, never quoting the file', () => {
    const secretish = 'md5-hunter2';
    expect(() => parseManifest({ [HASH]: TEXT, [secretish]: TEXT })).toThrow(
      new ManifestError('entry 2: the key must be sha256:<64 lowercase hex digits>'),
    );
    try {
      parseManifest({ [secretish]: TEXT });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).message).not.toContain(TEXT);
    }
    expect(() => parseManifest([TEXT])).toThrow(/is not a persisted-documents manifest/);
    expect(() => parseManifest('x')).toThrow(/is not a persisted-documents manifest/);
    expect(() => parseManifest(null)).toThrow(/is not a persisted-documents manifest/);
    expect(() => parseManifest({ [HASH]: '' })).toThrow(
      new ManifestError(`sha256:${HASH}: the document must be a non-empty string`),
    );
    expect(() => parseManifest({ [HASH]: 1 })).toThrow(/must be a non-empty string/);
    expect(() => parseManifest({})).toThrow(/has no documents/);
  });
});

describe('readManifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));

  it('reads a file, and says why when it is missing or not JSON', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ [`sha256:${HASH}`]: TEXT }));
    expect(readManifest(good)).toEqual([{ hash: HASH, text: TEXT }]);
    expect(() => readManifest(join(dir, 'missing.json'))).toThrow(
      new ManifestError('cannot be read (ENOENT)'),
    );
    expect(() => readManifest(dir)).toThrow(new ManifestError('cannot be read (EISDIR)'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "sha256:secret": ');
    expect(() => readManifest(bad)).toThrow(new ManifestError('is not JSON'));
  });
});

describe("the client's committed manifest", () => {
  it('is a valid manifest: every hash is its text', () => {
    const entries = clientManifestEntries();
    expect(entries.length).toBeGreaterThan(0);
    for (const { hash, text } of entries) expect(documentHash(text)).toBe(hash);
  });
});

describe('documentIdHash', () => {
  it('takes the manifest key form and bare hex', () => {
    expect(documentIdHash(`sha256:${HASH}`)).toBe(HASH);
    expect(documentIdHash(HASH)).toBe(HASH);
  });
});
