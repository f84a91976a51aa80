import { describe, expect, it } from 'vitest';
import { ConnectorGroup } from './connector-group.ts';
import { DirectoryObjectId } from './ids.ts';
import { SEED } from './seed.ts';

// The seed is what fake-graph writes to a new database and what every example sends: an id the
// domain refused, or a group it would reshape, would break `pnpm start`'s first request.
describe('SEED', () => {
  it.each([
    ['applicationId', SEED.applicationId],
    ['connectorId', SEED.connectorId],
    ['defaultGroup.id', SEED.defaultGroup.id],
  ])('has a %s the domain accepts', (_name, id) => {
    expect(DirectoryObjectId.safeParse(id)).toEqual({ success: true, data: id });
  });

  it('has a Default group that reads back unchanged', () => {
    expect(ConnectorGroup.parse(SEED.defaultGroup)).toEqual(SEED.defaultGroup);
  });

  it('names three different objects', () => {
    expect(new Set([SEED.applicationId, SEED.connectorId, SEED.defaultGroup.id]).size).toBe(3);
  });
});
