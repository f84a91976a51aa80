import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unpackBundledChromium } from './bundled-chromium.ts';
import { findChromium } from './chromium-executable.ts';

const dir = mkdtempSync(join(tmpdir(), 'chromium-finder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function executable(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

const notCalled = () => Promise.reject(new Error('the bundled Chromium must not be unpacked'));
const nowhere = { knownPaths: [], env: { PATH: '' }, platform: 'linux', arch: 'x64' } as const;

describe('findChromium', () => {
  it('takes CHROMIUM_PATH over a Chromium on the machine', async () => {
    const chosen = executable('my-chrome');
    const onMachine = executable('chromium-on-machine');
    await expect(
      findChromium({
        env: { CHROMIUM_PATH: chosen, PATH: dir },
        knownPaths: [onMachine],
        unpackBundled: notCalled,
      }),
    ).resolves.toEqual({ source: 'CHROMIUM_PATH', executablePath: chosen, env: {} });
  });

  it('fails at once, naming the path, when CHROMIUM_PATH is not an executable file', async () => {
    const onMachine = executable('chromium-fallback');
    const missing = join(dir, 'no-such-chrome');
    await expect(
      findChromium({ env: { CHROMIUM_PATH: missing }, knownPaths: [onMachine] }),
    ).rejects.toThrow(`CHROMIUM_PATH is ${missing}, which is missing`);

    const plain = join(dir, 'plain-file');
    writeFileSync(plain, '');
    chmodSync(plain, 0o644);
    await expect(
      findChromium({ env: { CHROMIUM_PATH: plain }, knownPaths: [onMachine] }),
    ).rejects.toThrow('which is not executable');
    await expect(
      findChromium({ env: { CHROMIUM_PATH: dir }, knownPaths: [onMachine] }),
    ).rejects.toThrow('which is not a file');
  });

  it('treats an empty CHROMIUM_PATH as unset', async () => {
    const onMachine = executable('chromium-known');
    await expect(
      findChromium({ env: { CHROMIUM_PATH: '' }, knownPaths: [onMachine] }),
    ).resolves.toMatchObject({ source: 'machine', executablePath: onMachine });
  });

  it('takes the first executable known path, skipping missing and non-executable ones', async () => {
    const plain = join(dir, 'not-executable-chromium');
    writeFileSync(plain, '');
    chmodSync(plain, 0o644);
    const second = executable('second-chromium');
    await expect(
      findChromium({
        ...nowhere,
        knownPaths: [join(dir, 'absent'), plain, second],
        unpackBundled: notCalled,
      }),
    ).resolves.toMatchObject({ source: 'machine', executablePath: second });
  });

  it('looks the names up on PATH after the known paths', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'google-chrome'), '#!/bin/sh\n');
    chmodSync(join(bin, 'google-chrome'), 0o755);
    await expect(
      findChromium({
        ...nowhere,
        env: { PATH: [join(dir, 'empty'), bin].join(':') },
        unpackBundled: notCalled,
      }),
    ).resolves.toMatchObject({ source: 'machine', executablePath: join(bin, 'google-chrome') });
  });

  it('falls back to the bundled Chromium, with the environment it needs', async () => {
    const bundled = { executablePath: '/tmp/x/chromium', env: { LD_LIBRARY_PATH: '/tmp/x/lib' } };
    await expect(
      findChromium({ ...nowhere, unpackBundled: () => Promise.resolve(bundled) }),
    ).resolves.toEqual({ source: '@sparticuz/chromium', ...bundled });
  });

  it('names everything it tried when nothing is found', async () => {
    const error = await findChromium({
      ...nowhere,
      env: { PATH: join(dir, 'empty') },
      knownPaths: ['/nonexistent/chromium'],
      unpackBundled: () => Promise.reject(new Error('cannot unpack here')),
    }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('CHROMIUM_PATH: unset');
    expect(message).toContain('/nonexistent/chromium: missing');
    expect(message).toContain(`on PATH (${join(dir, 'empty')}): none`);
    expect(message).toContain('@sparticuz/chromium: cannot unpack here');
    expect(message).toContain('Set CHROMIUM_PATH');
  });

  it('does not try the bundled Linux build on another platform, and says so', async () => {
    await expect(
      findChromium({ ...nowhere, platform: 'darwin', arch: 'arm64', unpackBundled: notCalled }),
    ).rejects.toThrow('@sparticuz/chromium: ships Linux x64 only, this is darwin arm64');
  });
});

/** Unpacking 209 MB takes about 3 s, once per machine; far longer on a busy one. */
const UNPACK_LIMIT_MS = 120_000;

// The fallback is tested here even on machines where a system Chromium is found first.
describe.skipIf(process.platform !== 'linux' || process.arch !== 'x64')(
  'unpackBundledChromium (the @sparticuz/chromium build is Linux x64 only)',
  () => {
    it(
      'gives a Chromium that starts, with its own NSS rather than the system one',
      async () => {
        const bundled = await unpackBundledChromium();
        // biome-ignore lint/style/noProcessEnv: the browser starts with this test's environment plus the bundled libraries' path, as the browser tests start it.
        const env = { ...process.env, ...bundled.env };
        const version = execFileSync(bundled.executablePath, ['--version'], { env });
        expect(version.toString()).toMatch(/^Chromium 153\./);
        // Resolved from the bundle, so a machine without libnss3 from apt runs it too.
        const libraries = execFileSync('ldd', [bundled.executablePath], { env }).toString();
        expect(libraries).toContain(`libnss3.so => ${bundled.env.LD_LIBRARY_PATH}/libnss3.so`);
        expect(libraries).not.toMatch(/not found/);
      },
      UNPACK_LIMIT_MS,
    );
  },
);
