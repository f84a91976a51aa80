import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';

/** The Chromium inside `@sparticuz/chromium`, unpacked and ready to launch. */
export interface BundledChromium {
  executablePath: string;
  /** Variables the browser process needs on top of the caller's environment. */
  env: Record<string, string>;
}

const require = createRequire(import.meta.url);

/**
 * Unpacks the npm package's Chromium (a Linux x64 headless shell) once per machine into
 * `<tmp>/connector-gateway-chromium-<version>/` and returns how to launch it.
 *
 * We do not call the package's own `executablePath()`: it inflates to a bare `/tmp/chromium`
 * and returns that path whenever it exists, so a run killed mid-inflate, or two worktrees'
 * tests inflating at once (this machine has seven), leave a truncated binary that every later
 * run would launch. Here each process unpacks into its own directory and renames it into place,
 * so the final directory is complete or absent. Besides the binary we unpack the package's
 * Amazon Linux libraries (NSS, NSPR, expat: measured with `ldd`, the binary needs them and
 * Debian only has them when something else pulled libnss3 in), so the browser needs nothing
 * from the system beyond glibc and libgcc_s, and its Open Sans fonts so the screenshot has
 * text on a machine without fonts. WebGL's SwiftShader is left packed: GraphiQL needs no GPU.
 * @param tmp where the unpacked copy is kept, the system temp directory by default
 * @throws when the package is not installed or unpacking fails (`tar` is needed for two
 *   small archives)
 */
export async function unpackBundledChromium(tmp: string = tmpdir()): Promise<BundledChromium> {
  // The package exports only its entry (build/index.js); its archives sit in ../bin.
  const packageDir = join(dirname(require.resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = join(tmp, `connector-gateway-chromium-${version}`);
  if (!existsSync(dir)) await unpackInto(join(packageDir, 'bin'), dir);
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      LD_LIBRARY_PATH: join(dir, 'lib'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}

async function unpackInto(bin: string, dir: string): Promise<void> {
  const partial = `${dir}.partial-${process.pid}-${randomUUID()}`;
  await mkdir(partial, { recursive: true });
  try {
    // 67 MB of brotli to 209 MB: streamed, not buffered.
    await pipeline(
      createReadStream(join(bin, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(join(partial, 'chromium'), { mode: 0o755 }),
    );
    untar(join(bin, 'al2023.tar.br'), partial); // lib/*.so
    untar(join(bin, 'fonts.tar.br'), partial); // fonts/Open_Sans/*.ttf
    // The archive's fonts.conf names Lambda's /tmp/fonts; ours keeps the system's fonts too.
    await writeFile(
      join(partial, 'fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <dir>${join(dir, 'fonts')}</dir>`,
        `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    try {
      await rename(partial, dir);
    } catch (error) {
      // Another process renamed its complete copy into place first: use that one.
      if (!existsSync(dir)) throw error;
    }
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

function untar(archive: string, into: string): void {
  execFileSync('tar', ['-x', '--no-same-owner', '-C', into, '-f', '-'], {
    input: brotliDecompressSync(readFileSync(archive)),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}
