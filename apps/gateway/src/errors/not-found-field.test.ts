import type { GraphFailure } from '@connectors/graph-client';
import { describe, expect, it } from 'vitest';
import { withNotFoundField } from './not-found-field.ts';

const CONNECTOR = 'e98f0710-0710-e98f-1007-8fe910078fe9';
const GROUP = 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const inputs = [
  [['input', 'connectorId'], CONNECTOR],
  [['input', 'connectorGroup', 'id'], GROUP],
  [['input', 'applicationId'], undefined],
] as const;
const notFound = (message: string): GraphFailure => ({
  ok: false,
  kind: 'notFound',
  message,
  status: 404,
  sent: true,
});

describe('withNotFoundField', () => {
  it('names the one input whose id the 404 names, whatever its case', () => {
    expect(
      withNotFoundField(
        notFound(`Resource '${GROUP.toUpperCase()}' of type connectorGroup does not exist.`),
        inputs,
      ),
    ).toMatchObject({ field: ['input', 'connectorGroup', 'id'] });
    expect(
      withNotFoundField(notFound(`Resource '${CONNECTOR}' does not exist`), inputs),
    ).toMatchObject({
      field: ['input', 'connectorId'],
    });
  });

  it('leaves the failure as it was when no id, or several, are named, or a field is set', () => {
    expect(withNotFoundField(notFound('Resource not found.'), inputs)).not.toHaveProperty('field');
    expect(withNotFoundField(notFound(`${CONNECTOR} and ${GROUP}`), inputs)).not.toHaveProperty(
      'field',
    );
    const named = { ...notFound(CONNECTOR), field: ['input', 'connectorGroup', 'name'] };
    expect(withNotFoundField(named, inputs)).toEqual(named);
  });

  it('passes other failures and successes through', () => {
    const invalid: GraphFailure = {
      ok: false,
      kind: 'invalidInput',
      message: CONNECTOR,
      sent: true,
    };
    expect(withNotFoundField(invalid, inputs)).toBe(invalid);
    const success = { ok: true as const, value: 1 };
    expect(withNotFoundField(success, inputs)).toBe(success);
  });
});
