import { EnvError } from './env-error.ts';

/** Where {@link loadEnvOrExit} reports and how it stops; a test passes its own. */
export interface ExitIo {
  stderr: { write(text: string): unknown };
  exit(code: number): never;
}

const processIo: ExitIo = {
  stderr: process.stderr,
  exit: (code) => process.exit(code),
};

/**
 * An app's first line: `const env = loadEnvOrExit(loadEnv)`. A bad environment is the operator's
 * to fix, not a crash: its message (the variables at fault, never a value) goes to stderr and the
 * process exits 1, without a stack trace. Anything else `load` throws is a bug and is rethrown.
 */
export function loadEnvOrExit<T>(load: () => T, io: ExitIo = processIo): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return io.exit(1);
  }
}
