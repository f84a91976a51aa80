import { z } from 'zod';

/**
 * The report the Pact core hands back when a verification fails (pact-core 20 rejects with it as
 * the error's message: JSON, one entry per interaction). Only what a reader needs is parsed.
 */
const Mismatch = z.looseObject({
  path: z.string().optional(),
  mismatch: z.string().optional(),
  type: z.string().optional(),
});
const InteractionResult = z.looseObject({
  consumer: z.string().optional(),
  description: z.string(),
  providerStates: z.array(z.string()).optional(),
  result: z.string(),
  mismatch: z
    .looseObject({
      message: z.string().optional(),
      mismatches: z.array(Mismatch).optional(),
    })
    .optional(),
});
const VerificationReport = z.looseObject({
  result: z.literal(false),
  interactionResults: z.array(InteractionResult),
});

/** A provider that does not honour some interactions; the message names each and how it failed. */
export class ProviderVerificationError extends Error {
  override readonly name = 'ProviderVerificationError';

  /** One line per failed interaction. */
  readonly failures: readonly string[];

  constructor(provider: string, failures: readonly string[]) {
    super(
      `${provider} does not honour ${failures.length} interaction(s):\n${failures.map((failure) => `  - ${failure}`).join('\n')}`,
    );
    this.failures = failures;
  }
}

/**
 * Reads the core's failure report into a {@link ProviderVerificationError} naming each failed
 * interaction (consumer, description, states) and each mismatch (path and what differed), instead
 * of one line of JSON. Anything else (the core could not run, a crash) is returned unchanged.
 */
export function describeVerificationFailure(provider: string, error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  let json: unknown;
  try {
    json = JSON.parse(error.message);
  } catch {
    return error;
  }
  const report = VerificationReport.safeParse(json);
  if (!report.success) return error;
  const failures = report.data.interactionResults
    // pact-core 20 writes "OK" and "Error"; compare loosely so a casing change cannot turn a pass
    // into a reported failure.
    .filter((interaction) => interaction.result.toUpperCase() !== 'OK')
    .map((interaction) => {
      const states = interaction.providerStates?.length
        ? ` given ${interaction.providerStates.map((state) => `"${state}"`).join(' and ')}`
        : '';
      const mismatches = (interaction.mismatch?.mismatches ?? []).map((mismatch) =>
        [mismatch.path, mismatch.mismatch ?? mismatch.type].filter(Boolean).join(': '),
      );
      const how = mismatches.length > 0 ? mismatches : [interaction.mismatch?.message ?? 'failed'];
      return `${interaction.consumer ?? 'a consumer'}: "${interaction.description}"${states}: ${how.join('; ')}`;
    });
  if (failures.length === 0) return error;
  // No `cause`: the raw report is one line of JSON (tens of KiB) that test runners print in full,
  // and the core has already printed it readably to stdout.
  return new ProviderVerificationError(provider, failures);
}
