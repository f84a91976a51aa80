import type { z } from 'zod';

/** One thing wrong with an input, in the shape both the gateway and fake-graph report. */
export interface ValidationIssue {
  code: 'invalidInput';
  /** A sentence naming the field and what is wrong with it. */
  message: string;
  /** Path of the field at fault, relative to the parsed value, e.g. `["connectorGroup","name"]`. */
  field: string[];
}

/** Thrown by {@link parseValid} when a value breaks a schema; carries the issues. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly code = 'invalidInput' as const;
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
  }
}

/** Turns zod's issues into {@link ValidationIssue}s whose messages name the field. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String);
    const name = field.length > 0 ? field.join('.') : 'input';
    return {
      code: 'invalidInput',
      field,
      message: issue.code === 'unrecognized_keys' ? issue.message : `${name} ${issue.message}`,
    };
  });
}

/** A parse outcome without exceptions: the value, or every issue found. */
export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** `safeParse` with the project's issue shape. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, issues: toValidationIssues(parsed.error) };
}

/**
 * `parse` with the project's error: the value, or a {@link ValidationError} carrying every issue.
 * For code with nobody to report issues to (tests, tools, fixed values); a request handler uses
 * {@link validate} and answers with the issues.
 * @throws {ValidationError} when `input` breaks the schema
 */
export function parseValid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const checked = validate(schema, input);
  if (!checked.ok) throw new ValidationError(checked.issues);
  return checked.value;
}
