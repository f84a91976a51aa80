import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AddMemberOfRequest,
  type ConnectorGroupTarget,
  isCompleteGroup,
} from './add-member-of-request.ts';
import type { ConnectorGroupInput } from './connector-group.ts';
import { SEED } from './seed.ts';
import { parseValid, validate } from './validation.ts';

const valid = {
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West Europe connectors',
  region: 'eur',
};

function issuesOf(input: unknown) {
  const result = validate(AddMemberOfRequest, input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.issues.map((issue) => [issue.field, issue.message]);
}

describe('AddMemberOfRequest', () => {
  it('reports every problem with its full path', () => {
    expect(
      issuesOf({
        applicationId: 'app',
        connectorId: SEED.connectorId,
        connectorGroup: { ...valid, name: '' },
      }),
    ).toEqual([
      [
        ['applicationId'],
        `applicationId must be a GUID (8-4-4-4-12 hex digits, e.g. ${SEED.applicationId})`,
      ],
      [['connectorGroup', 'name'], 'connectorGroup.name must not be empty or only spaces'],
    ]);
  });

  it('takes a group by id alone: Graph references the group by id', () => {
    const request = parseValid(AddMemberOfRequest, {
      connectorId: SEED.connectorId,
      connectorGroup: { id: SEED.defaultGroup.id },
    });
    expect(request.connectorGroup).toEqual({ id: SEED.defaultGroup.id });
    expect(isCompleteGroup(request.connectorGroup)).toBe(false);
  });

  it('takes a group by name alone, trimmed', () => {
    const request = parseValid(AddMemberOfRequest, {
      connectorId: SEED.connectorId,
      connectorGroup: { name: ' Default ' },
    });
    expect(request.connectorGroup).toEqual({ name: 'Default' });
  });

  it('needs a name without an id, on the name', () => {
    expect(
      issuesOf({ connectorId: SEED.connectorId, connectorGroup: { isDefault: true } }),
    ).toEqual([
      [
        ['connectorGroup', 'name'],
        'connectorGroup.name is required without an id: the group is then identified by its name',
      ],
    ]);
  });

  it('still checks what is given beside the id', () => {
    expect(
      issuesOf({
        connectorId: SEED.connectorId,
        connectorGroup: { id: SEED.defaultGroup.id, region: 'mars' },
      }).map(([field]) => field),
    ).toEqual([['connectorGroup', 'region']]);
  });

  it('says a whole group is complete, as the seed body needs it', () => {
    const request = parseValid(AddMemberOfRequest, {
      connectorId: SEED.connectorId,
      connectorGroup: valid,
    });
    expect(isCompleteGroup(request.connectorGroup)).toBe(true);
    const withoutRegion = parseValid(AddMemberOfRequest, {
      connectorId: SEED.connectorId,
      connectorGroup: { ...valid, region: undefined },
    });
    expect(isCompleteGroup(withoutRegion.connectorGroup)).toBe(false);
  });

  it('types the group as named by id or by name', () => {
    expectTypeOf<AddMemberOfRequest['connectorGroup']>().toEqualTypeOf<ConnectorGroupTarget>();
    // Without an id, the name is there: the graph profile's lookup takes it as it comes.
    const nameWithoutId = (group: ConnectorGroupTarget) =>
      group.id === undefined ? group.name : undefined;
    expectTypeOf(nameWithoutId).returns.toEqualTypeOf<ConnectorGroupInput['name'] | undefined>();
  });
});
