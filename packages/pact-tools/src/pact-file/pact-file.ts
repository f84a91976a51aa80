import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** A provider state as a pact names it: the name with its `{placeholders}`, values as params. */
export const PactProviderState = z.object({
  name: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type PactProviderState = z.infer<typeof PactProviderState>;

/**
 * The parts of one interaction this repo reads; everything else passes through untouched. V4
 * wraps a body as `{ content, contentType, encoded }`; V2/V3 put it bare, and V2 names its one
 * state as `providerState`.
 */
export const PactInteraction = z.looseObject({
  description: z.string().min(1),
  type: z.string().optional(),
  providerState: z.string().min(1).optional(),
  providerStates: z.array(PactProviderState).optional(),
  request: z.looseObject({ body: z.unknown().optional() }).optional(),
});
export type PactInteraction = z.infer<typeof PactInteraction>;

/** A pact file, as far as this repo reads it. */
export const PactFile = z.looseObject({
  consumer: z.object({ name: z.string().min(1) }),
  provider: z.object({ name: z.string().min(1) }),
  interactions: z.array(PactInteraction),
  metadata: z.looseObject({}).optional(),
});
export type PactFile = z.infer<typeof PactFile>;

/** A pact read from disk, with where it came from (for error messages). */
export interface LoadedPact {
  path: string;
  pact: PactFile;
}

/** Thrown for a pact file that is missing, not JSON or not shaped like a pact; names the file. */
export class PactFileError extends Error {
  override readonly name = 'PactFileError';
}

/** Reads and checks one pact file. */
export function readPactFile(path: string): LoadedPact {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PactFileError(`${path}: cannot be read (${(error as Error).message})`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PactFileError(`${path}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = PactFile.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new PactFileError(`${path}: not a pact (${issues})`);
  }
  return { path, pact: parsed.data };
}

/** Every `*.json` pact directly in `dir`, sorted by file name, optionally only one provider's. */
export function readPactDir(dir: string, filter: { provider?: string } = {}): LoadedPact[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  return files
    .map((file) => readPactFile(join(dir, file)))
    .filter(({ pact }) => filter.provider === undefined || pact.provider.name === filter.provider);
}

/** The state names of one interaction, in the order the verifier applies them. */
export function interactionStates(interaction: PactInteraction): PactProviderState[] {
  if (interaction.providerStates !== undefined) return interaction.providerStates;
  return interaction.providerState === undefined ? [] : [{ name: interaction.providerState }];
}
