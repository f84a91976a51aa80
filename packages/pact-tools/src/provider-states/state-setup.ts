/**
 * Sets up one provider state from its parameters; throws (or rejects) when it cannot, for
 * instance when a parameter is not what the state needs.
 */
export type StateSetup = (params: unknown) => void | Promise<void>;

/** A provider's setups by state name, exactly as the pacts spell them. */
export type StateSetups = Readonly<Record<string, StateSetup>>;
