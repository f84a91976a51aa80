/**
 * Graph's evolvable-enum sentinel: what a reader records for a value it does not know yet.
 * Accepted when reading, refused when writing.
 */
export const UNKNOWN_FUTURE_VALUE = 'unknownFutureValue' as const;

/** How a caller writes a REST enum value (`eur` → `EUR` for GraphQL); REST's own names by default. */
export type ValueNames = Readonly<Record<string, string>>;

/**
 * The message for a value an enum does not allow, naming values as the caller writes them: the
 * schemas built with a caller's names (`addMemberOfRequest(names)`) phrase it in those.
 */
export function enumValueMessage(
  allowed: readonly string[],
  received: unknown,
  names: ValueNames,
  /** What the enum lists (`regions`), when its readers see {@link UNKNOWN_FUTURE_VALUE}. */
  evolvable?: string,
): string {
  const name = (value: string) => names[value] ?? value;
  const list = allowed.map(name).join(', ');
  return evolvable !== undefined && received === UNKNOWN_FUTURE_VALUE
    ? `${name(UNKNOWN_FUTURE_VALUE)} is Graph's placeholder for ${evolvable} this API does not know yet and cannot be written; use one of: ${list}`
    : `must be one of: ${list}`;
}
