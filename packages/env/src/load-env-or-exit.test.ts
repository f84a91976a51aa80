import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, parseEnv, port } from './index.ts';
import { type ExitIo, loadEnvOrExit } from './load-env-or-exit.ts';

/** Stops like `process.exit` does (nothing after it runs), but by throwing, so a test can see it. */
class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function recordingIo() {
  const written: string[] = [];
  const io: ExitIo = {
    stderr: { write: (text: string) => written.push(text) },
    exit: (code: number) => {
      throw new Exited(code);
    },
  };
  return { io, written };
}

const Schema = z.object({ PORT: port(4000) });

describe('loadEnvOrExit', () => {
  it('returns what the loader parsed, writing nothing', () => {
    const { io, written } = recordingIo();
    expect(loadEnvOrExit(() => parseEnv('test', Schema, { PORT: '8080' }), io)).toEqual({
      PORT: 8080,
    });
    expect(written).toEqual([]);
  });

  it('prints the EnvError message, one line per variable, and exits 1', () => {
    const { io, written } = recordingIo();
    const run = () => loadEnvOrExit(() => parseEnv('test', Schema, { PORT: 'secret-ish' }), io);
    expect(run).toThrowError(new Exited(1));
    expect(written).toEqual([
      'Invalid test environment:\n  PORT must be a whole number from 0 to 65535 (port)\n',
    ]);
    expect(written.join('')).not.toContain('secret-ish');
  });

  it('rethrows anything that is not an EnvError, without printing or exiting', () => {
    const { io, written } = recordingIo();
    const bug = new TypeError('a bug in the loader');
    expect(() =>
      loadEnvOrExit(() => {
        throw bug;
      }, io),
    ).toThrowError(bug);
    expect(written).toEqual([]);
  });

  it('treats an EnvError thrown by hand like a parsed one', () => {
    const { io, written } = recordingIo();
    const run = () =>
      loadEnvOrExit(() => {
        throw new EnvError(['TOKEN'], 'Invalid test environment:\n  TOKEN is required');
      }, io);
    expect(run).toThrowError(new Exited(1));
    expect(written).toEqual(['Invalid test environment:\n  TOKEN is required\n']);
  });
});
