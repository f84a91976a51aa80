import { basename } from 'node:path';
import type { LoadedPact } from '@connectors/pact-tools';
import { buildSchema, type GraphQLSchema } from 'graphql';
import { operationsReadingEnum } from './enum-readers.ts';
import { type InvalidOperation, invalidOperations } from './operation-validation.ts';
import { pactOperations } from './pact-operations.ts';
import { classifySchemaChanges, type SchemaChange } from './schema-changes.ts';

/** A schema as SDL text, with the name to print for it (e.g. its file). */
export interface SchemaSource {
  name: string;
  sdl: string;
}

/** What {@link guardSchema} compares. */
export interface SchemaGuardInput {
  /** The last released schema: what clients may rely on. */
  released: SchemaSource;
  /** The schema as it is now. */
  current: SchemaSource;
  /** The consumer pacts whose GraphQL operations must stay valid. */
  pacts: readonly LoadedPact[];
}

/** The guard's verdict, and the text to print. */
export interface SchemaGuardReport {
  changes: SchemaChange[];
  /** How many GraphQL operations the pacts hold (every one validated). */
  operationCount: number;
  invalid: InvalidOperation[];
  /** Dangerous changes, each saying what a client must handle. Printed, never failing. */
  warnings: string[];
  /** Unreleased breaking changes and invalid pact operations. Any one fails the guard. */
  failures: string[];
  ok: boolean;
  /** Every change with its level, then the warnings and the failures. */
  text: string;
}

/** The command that moves the baseline to the current schema (see the README). */
export const RELEASE_COMMAND = 'pnpm schema:release';

/**
 * Compares the current schema with the released one and with what consumers use:
 *
 * - every change is classified (breaking, dangerous, safe) and listed;
 * - a breaking change fails until it is released on purpose ({@link RELEASE_COMMAND} makes the
 *   baseline equal the current schema, so the release is a reviewed diff of that file);
 * - a dangerous change warns; an enum value added names the consumers' interactions that read
 *   the enum, since each must handle a value it does not know;
 * - every GraphQL operation in the consumer pacts is validated against the current schema, and
 *   an invalid one fails naming the consumer, the interaction and the field, released or not.
 */
export async function guardSchema(input: SchemaGuardInput): Promise<SchemaGuardReport> {
  const released = build(input.released);
  const current = build(input.current);
  const changes = await classifySchemaChanges(released, current);
  const operations = pactOperations(input.pacts);
  const invalid = invalidOperations(current, operations);

  const warnings = changes
    .filter((change) => change.level === 'dangerous')
    .map((change) => {
      if (change.enumValueAdded === undefined) {
        return `${change.message}${change.reason === undefined ? '' : `: ${change.reason}`}`;
      }
      const { enumName, value } = change.enumValueAdded;
      const readers = operationsReadingEnum(current, enumName, operations);
      const who =
        readers.length === 0
          ? 'no consumer pact reads it yet'
          : `read by ${readers.map((reader) => `${reader.consumer} ("${reader.interaction}")`).join(', ')}`;
      return `${enumName} gained ${value}: every client that reads ${enumName} must handle a value it does not know (show it, never crash on it); ${who}`;
    });

  const failures = [
    ...changes
      .filter((change) => change.level === 'breaking')
      .map(
        (change) =>
          `breaking change not released: ${change.message}. If every consumer is ready, release it on purpose with \`${RELEASE_COMMAND}\` and commit ${input.released.name} with it.`,
      ),
    ...invalid.map(
      ({ operation, errors }) =>
        `${operation.consumer}'s interaction "${operation.interaction}" (${basename(operation.pactFile)}) is not valid against ${input.current.name}: ${errors.join('; ')}`,
    ),
  ];

  const pactCount = new Set(operations.map((operation) => operation.pactFile)).size;
  const lines = [
    `schema guard: ${changes.length} change(s) from ${input.released.name} to ${input.current.name}; ${operations.length} GraphQL operation(s) in ${pactCount} consumer pact(s) validated`,
    ...changes.map(
      (change) =>
        `  ${change.level.toUpperCase().padEnd(9)} ${change.message}${change.path === undefined ? '' : ` [${change.path}]`}`,
    ),
    ...warnings.map((warning) => `warning: ${warning}`),
    ...failures.map((failure) => `FAILED: ${failure}`),
  ];
  return {
    changes,
    operationCount: operations.length,
    invalid,
    warnings,
    failures,
    ok: failures.length === 0,
    text: lines.join('\n'),
  };
}

function build(source: SchemaSource): GraphQLSchema {
  try {
    return buildSchema(source.sdl);
  } catch (error) {
    throw new Error(`${source.name} is not a valid GraphQL schema: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
