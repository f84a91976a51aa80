import { z } from 'zod';
import { UNKNOWN_FUTURE_VALUE } from './enum-message.ts';

/** What a reader met: the enum (`region`, `connectorGroupType`, `status`) and the raw value. */
export interface UnknownEnumValue {
  enumName: string;
  value: string;
}

type Listener = (found: UnknownEnumValue) => void;

// Module state, deliberately: the read schemas are module constants shared by every caller, and
// the raw value is gone once the transform has run, so the report has to leave from here.
const listeners = new Set<Listener>();

/**
 * Calls `listener` with every value a read schema mapped to `unknownFutureValue` (a value Graph
 * added after this code was written). The gateway logs each value once; nothing else needs it.
 * @returns the function that stops the calls
 */
export function onUnknownEnumValue(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * An enum as read from Graph: a known value as itself; any other string (Graph's enums grow) as
 * `unknownFutureValue`, reported to {@link onUnknownEnumValue}'s listeners, never a failure.
 * `unknownFutureValue` itself is known: Graph sends it to clients that did not opt in to newer values.
 */
export function readEnum<const T extends readonly string[]>(enumName: string, known: T) {
  const values: ReadonlySet<string> = new Set(known);
  return z.string().transform((value): T[number] | typeof UNKNOWN_FUTURE_VALUE => {
    if (values.has(value) || value === UNKNOWN_FUTURE_VALUE) return value;
    for (const listener of listeners) listener({ enumName, value });
    return UNKNOWN_FUTURE_VALUE;
  });
}
