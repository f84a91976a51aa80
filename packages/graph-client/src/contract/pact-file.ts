import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed contracts, one file per consumer and provider: what review sees and providers verify. */
export const PACTS_DIR = fileURLToPath(new URL('../../../../pacts', import.meta.url));

/** The repository root, where `pacts/` is. */
export const REPO_ROOT = `${dirname(PACTS_DIR)}/`;

/** Where one consumer package writes a pact and where that pact is committed. */
export interface PactFiles {
  consumer: string;
  provider: string;
  /** The consumer package's generated files (ignored by git). */
  buildDir: string;
  /** What pact-js's `dir` is set to. */
  generatedDir: string;
  generated: string;
  /** `pacts/<consumer>-<provider>.json` at the root. */
  committed: string;
  /** The command that regenerates and accepts this pact, for messages. */
  acceptCommand: string;
}

/**
 * The files of the pact between `consumer` and `provider`, generated under `packageDir/build`.
 * Every consumer package's pact is kept the same way (this module is shared through
 * `@connectors/graph-client/contract`), so `pnpm pact:accept` and the diff gate treat all alike.
 */
export function pactFiles(options: {
  consumer: string;
  provider: string;
  /** The consumer package's folder, absolute. */
  packageDir: string;
  acceptCommand?: string;
}): PactFiles {
  const name = `${options.consumer}-${options.provider}.json`;
  const buildDir = `${options.packageDir.replace(/\/$/, '')}/build`;
  return {
    consumer: options.consumer,
    provider: options.provider,
    buildDir,
    generatedDir: `${buildDir}/pacts`,
    generated: `${buildDir}/pacts/${name}`,
    committed: `${PACTS_DIR}/${name}`,
    acceptCommand: options.acceptCommand ?? 'pnpm pact:accept',
  };
}

/** Consumer and provider names of the REST contract (docs/contracts.md). */
export const CONSUMER = 'connector-gateway';
export const PROVIDER = 'graph-api';

/** The REST contract's files: graph-client is its consumer. */
export const REST_PACT = pactFiles({
  consumer: CONSUMER,
  provider: PROVIDER,
  packageDir: fileURLToPath(new URL('../..', import.meta.url)),
});

/** Generated files of this package (ignored by git). */
export const BUILD_DIR = REST_PACT.buildDir;

/** Where the consumer test writes the pact. */
export const GENERATED_PACT_DIR = REST_PACT.generatedDir;
export const GENERATED_PACT = REST_PACT.generated;

/** The committed contract: what review sees, what the provider verifies. */
export const COMMITTED_PACT = REST_PACT.committed;

/** The described API the pact must stay within (the domain's `openapi.json` export). */
export const OPENAPI_DOCUMENT = fileURLToPath(
  import.meta.resolve('@connectors/domain/openapi.json'),
);

interface PactDocument {
  metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A pact without what changes when nothing in the contract does: the versions of pact-js and
 * the Rust core that wrote it. The specification version stays, since it changes the meaning.
 * Rendered as indented JSON so that a difference reads as a line diff.
 */
export function stablePactText(pact: PactDocument): string {
  const { metadata, ...rest } = pact;
  const { 'pact-js': _pactJs, pactRust: _pactRust, ...stableMetadata } = metadata ?? {};
  return `${JSON.stringify({ ...rest, metadata: stableMetadata }, null, 2)}\n`;
}

/**
 * The generated and the committed pact as {@link stablePactText}, for the diff gate; `committed`
 * is undefined while nothing is committed yet.
 */
export function readPactPair(files: PactFiles): { generated: string; committed?: string } {
  const read = (path: string) => stablePactText(JSON.parse(readFileSync(path, 'utf8')));
  const generated = read(files.generated);
  return existsSync(files.committed)
    ? { generated, committed: read(files.committed) }
    : { generated };
}

/**
 * `pnpm pact:accept`'s last step: makes the pact the consumer test just wrote the committed one.
 * Returns what it did, for the script to print; throws, naming the command, when nothing was
 * generated.
 */
export function acceptPact(files: PactFiles): string {
  if (!existsSync(files.generated)) {
    throw new Error(
      `No generated pact at ${relative(REPO_ROOT, files.generated)}: run ${files.acceptCommand} (it generates it first).`,
    );
  }
  mkdirSync(dirname(files.committed), { recursive: true });
  copyFileSync(files.generated, files.committed);
  return `Accepted ${relative(REPO_ROOT, files.generated)} as ${relative(REPO_ROOT, files.committed)}: review git diff pacts/ and commit it.`;
}
