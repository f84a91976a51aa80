import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toValidationIssues, ValidationError, validate } from './validation.ts';

const Input = z.object({
  group: z.object({ name: z.string().min(1, { error: 'must not be empty' }) }),
});

describe('toValidationIssues', () => {
  it('prefixes each message with the dotted path of its field', () => {
    const result = Input.safeParse({ group: { name: '' } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toValidationIssues(result.error)).toEqual([
      { code: 'invalidInput', field: ['group', 'name'], message: 'group.name must not be empty' },
    ]);
  });

  it('calls a problem with the whole value "input", with an empty field path', () => {
    const result = z.string({ error: 'must be a string' }).safeParse(7);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toValidationIssues(result.error)).toEqual([
      { code: 'invalidInput', field: [], message: 'input must be a string' },
    ]);
  });

  it("keeps zod's own message for unknown keys, which already names them", () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 'x', extra: 1 });
    expect(result.success).toBe(false);
    if (result.success) return;
    const [zodIssue] = result.error.issues;
    const [issue] = toValidationIssues(result.error);
    expect(issue?.message).toBe(zodIssue?.message);
    expect(issue?.message).toContain('extra');
  });
});

describe('validate', () => {
  it('returns the parsed value, or every issue', () => {
    expect(validate(Input, { group: { name: 'x' }, more: 1 })).toEqual({
      ok: true,
      value: { group: { name: 'x' } },
    });
    expect(validate(Input, {})).toEqual({
      ok: false,
      issues: [
        { code: 'invalidInput', field: ['group'], message: expect.stringMatching(/^group /) },
      ],
    });
  });
});

describe('ValidationError', () => {
  it('is named, coded, and its message joins every issue', () => {
    const error = new ValidationError([
      { code: 'invalidInput', field: ['a'], message: 'a is wrong' },
      { code: 'invalidInput', field: ['b'], message: 'b is wrong' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ValidationError');
    expect(error.code).toBe('invalidInput');
    expect(error.message).toBe('a is wrong; b is wrong');
    expect(error.issues.map((issue) => issue.field)).toEqual([['a'], ['b']]);
  });
});
