import { Writable } from 'node:stream';
import { ConnectorGroup } from '@connectors/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { logUnknownEnumValues, MAX_LOGGED_UNKNOWN_VALUES } from './unknown-enum-values.ts';

const GROUP = {
  id: 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'West',
  region: 'eur',
};

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function collectingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('unknown enum values from the upstream are logged once each', () => {
  it('logs a new value once, however often it is read, and each other value once', async () => {
    const { lines, logger } = collectingLogger();
    stop = logUnknownEnumValues(logger);
    for (let i = 0; i < 3; i++) ConnectorGroup.parse({ ...GROUP, region: 'mars' });
    ConnectorGroup.parse({ ...GROUP, connectorGroupType: 'privateAccess' });
    ConnectorGroup.parse(GROUP);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => [line.enumName, line.value, line.level])).toEqual([
      ['region', 'mars', 40],
      ['connectorGroupType', 'privateAccess', 40],
    ]);
  });

  it('stops at a bound, so an upstream cannot grow the set without end', async () => {
    const { lines, logger } = collectingLogger();
    stop = logUnknownEnumValues(logger);
    for (let i = 0; i < MAX_LOGGED_UNKNOWN_VALUES + 5; i++) {
      ConnectorGroup.parse({ ...GROUP, region: `r${i}` });
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(MAX_LOGGED_UNKNOWN_VALUES);
  });
});
