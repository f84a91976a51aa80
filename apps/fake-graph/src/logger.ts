import { LOG_LEVELS, type LogLevel } from './env.ts';

/** A line logger with levels; what it prints never includes request headers. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** A logger that prints nothing (the default in tests). */
export const silentLogger: Logger = {
  error() {},
  warn() {},
  info() {},
  debug() {},
};

/** Prints lines at or above `level`: errors and warnings to stderr, the rest to stdout. */
export function createLogger(level: LogLevel, prefix = 'fake-graph'): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (wanted: LogLevel, write: (line: string) => void) =>
    LOG_LEVELS.indexOf(wanted) <= rank
      ? (message: string) => write(`${prefix} ${message}`)
      : () => {};
  return {
    error: at('error', console.error),
    warn: at('warn', console.error),
    info: at('info', console.log),
    debug: at('debug', console.log),
  };
}
