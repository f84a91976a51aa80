import { describe, expect, it } from 'vitest';
import { toRestBody } from './rest-body.ts';

describe('toRestBody without an id', () => {
  it('has no id key at all, not one set to undefined', () => {
    const body = toRestBody({
      connectorGroupType: 'applicationProxy',
      isDefault: false,
      name: 'West Europe connectors',
      region: 'eur',
    });
    expect(Object.keys(body)).toEqual([
      '@odata.type',
      'connectorGroupType',
      'isDefault',
      'name',
      'region',
    ]);
  });
});
