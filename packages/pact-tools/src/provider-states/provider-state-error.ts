/**
 * A provider verification that cannot be trusted because of its provider states: a state a
 * pact names has no handler, or a handler threw. pact-js alone only warns about the first and
 * only logs the second (pact-js issues 631 and 692), so the interaction runs against a provider
 * that is not in the state the consumer described, and may even pass.
 */
export class ProviderStateError extends Error {
  override readonly name = 'ProviderStateError';

  /** One line per problem, each naming the state. */
  readonly problems: readonly string[];

  constructor(summary: string, problems: readonly string[], options?: ErrorOptions) {
    super(`${summary}\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, options);
    this.problems = problems;
  }
}
