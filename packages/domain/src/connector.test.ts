import { afterEach, describe, expect, it } from 'vitest';
import { Connector, ConnectorPage } from './connector.ts';
import { ConnectorGroup } from './connector-group.ts';
import { onUnknownEnumValue, type UnknownEnumValue } from './unknown-enum-value.ts';

const CONNECTOR = {
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  machineName: 'connector-eu-01.contoso.com',
  externalIp: '203.0.113.10',
  status: 'active',
  version: '1.5.3437.0',
};
const GROUP = {
  id: 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  connectorGroupType: 'applicationProxy',
  isDefault: true,
  name: 'Default',
  region: 'nam',
};

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function recordUnknown(): UnknownEnumValue[] {
  const seen: UnknownEnumValue[] = [];
  stop = onUnknownEnumValue((found) => seen.push(found));
  return seen;
}

describe('Connector as read from Graph', () => {
  it('reads the five properties, ignoring others', () => {
    expect(Connector.parse({ ...CONNECTOR, '@odata.type': '#x', extra: 1 })).toEqual(CONNECTOR);
  });

  it('reads a connector that never reported in (no ip, no version)', () => {
    const quiet = { ...CONNECTOR, externalIp: null, version: undefined, status: 'inactive' };
    expect(Connector.parse(quiet)).toMatchObject({ externalIp: null, status: 'inactive' });
  });

  it('reads an unknown status as unknownFutureValue and reports the raw value', () => {
    const seen = recordUnknown();
    expect(Connector.parse({ ...CONNECTOR, status: 'degraded' }).status).toBe('unknownFutureValue');
    expect(Connector.parse({ ...CONNECTOR, status: 'unknownFutureValue' }).status).toBe(
      'unknownFutureValue',
    );
    expect(seen).toEqual([{ enumName: 'status', value: 'degraded' }]);
  });

  it('reports unknown group types and regions too, and stops when told', () => {
    const seen = recordUnknown();
    ConnectorGroup.parse({ ...GROUP, connectorGroupType: 'privateAccess', region: 'mars' });
    stop?.();
    ConnectorGroup.parse({ ...GROUP, region: 'venus' });
    expect(seen).toEqual([
      { enumName: 'connectorGroupType', value: 'privateAccess' },
      { enumName: 'region', value: 'mars' },
    ]);
  });

  it('fails on what it cannot read: an id that is not a GUID, a missing machineName', () => {
    expect(Connector.safeParse({ ...CONNECTOR, id: 'x' }).success).toBe(false);
    expect(Connector.safeParse({ ...CONNECTOR, machineName: undefined }).success).toBe(false);
  });
});

describe('ConnectorPage', () => {
  it('reads each connector with its expanded group and the next link', () => {
    const page = ConnectorPage.parse({
      '@odata.nextLink': 'https://graph.microsoft.com/beta/x?$skiptoken=abc',
      value: [{ ...CONNECTOR, memberOf: [GROUP] }, CONNECTOR],
    });
    expect(page['@odata.nextLink']).toContain('abc');
    expect(page.value[0]?.memberOf).toEqual([GROUP]);
    expect(page.value[1]?.memberOf).toEqual([]);
  });

  it('fails the page for one unreadable item rather than dropping it', () => {
    expect(ConnectorPage.safeParse({ value: [CONNECTOR, { id: 'x' }] }).success).toBe(false);
  });
});
