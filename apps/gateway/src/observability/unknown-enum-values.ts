import { onUnknownEnumValue } from '@connectors/domain';
import type { Logger } from 'pino';

/**
 * How many distinct unknown values are logged before the rest go unlogged: Graph adds an enum
 * value a few times a year, so a hundred is a misbehaving upstream, and the set must not grow
 * without bound on what an answer sends.
 */
export const MAX_LOGGED_UNKNOWN_VALUES = 100;

/**
 * Logs each enum value Graph sent that the domain does not know (read as `unknownFutureValue`),
 * once per enum and value, at `warn`: a new Graph value is something to add to the domain, not an
 * error of the request that met it. The value is truncated to 100 characters.
 * @returns the function that stops the logging
 */
export function logUnknownEnumValues(logger: Logger): () => void {
  const logged = new Set<string>();
  return onUnknownEnumValue(({ enumName, value }) => {
    const shown = value.slice(0, 100);
    const key = `${enumName}\u0000${shown}`;
    if (logged.has(key) || logged.size >= MAX_LOGGED_UNKNOWN_VALUES) return;
    logged.add(key);
    logger.warn(
      { enumName, value: shown },
      `upstream sent a ${enumName} this gateway does not know; read as UNKNOWN_FUTURE_VALUE`,
    );
  });
}
