import type { YogaLogger } from 'graphql-yoga';
import { type DestinationStream, type Level, type Logger, pino } from 'pino';

/**
 * Where an `Authorization` value could sit in a log object. The gateway never logs headers;
 * these paths are the second line of defence, in force at every level, debug included.
 */
export const REDACTED_PATHS = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
];

/** Levels `LOG_LEVEL` accepts. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The process's one logger: pino, JSON lines, `Authorization` redacted. By default it writes to
 * stdout asynchronously (a buffered SonicBoom), so a log line never waits on the terminal.
 * @param destination where lines go; tests pass a stream that collects them
 */
export function createLogger(options: {
  level: LogLevel;
  destination?: DestinationStream;
  /** With tracing on: each line carries the active span's `trace_id` and `span_id`. */
  mixin?: () => object;
}): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'gateway' },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      ...(options.mixin === undefined ? {} : { mixin: options.mixin }),
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/**
 * Yoga's own messages (masked errors, debug notes) through pino, so every line is JSON and
 * redacted. Yoga passes an Error or strings.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  const at =
    (level: Level) =>
    (...args: unknown[]): void => {
      if (!logger.isLevelEnabled(level)) return;
      const [first, ...rest] = args;
      if (first instanceof Error) {
        logger[level]({ err: first }, rest.map(String).join(' ') || first.message);
      } else {
        logger[level](args.map(String).join(' '));
      }
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
