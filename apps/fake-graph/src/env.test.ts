import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_PATH, EnvError, loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('needs no configuration: port 4010 on 127.0.0.1, a database under the app folder', () => {
    const env = loadEnv({});
    expect(env).toEqual({
      PORT: 4010,
      HOST: '127.0.0.1',
      DATABASE_PATH: DEFAULT_DATABASE_PATH,
      FAKE_GRAPH_TOKEN: undefined,
      LOG_LEVEL: 'info',
    });
    expect(DEFAULT_DATABASE_PATH).toMatch(/apps[/\\]fake-graph[/\\]\.data[/\\]fake-graph\.db$/);
  });

  it('reads every variable, resolving a relative database path against the working folder', () => {
    const env = loadEnv({
      PORT: '0',
      HOST: '0.0.0.0',
      DATABASE_PATH: 'tmp/x.db',
      FAKE_GRAPH_TOKEN: ' secret ',
      LOG_LEVEL: 'debug',
    });
    expect(env).toEqual({
      PORT: 0,
      HOST: '0.0.0.0',
      DATABASE_PATH: resolve('tmp/x.db'),
      FAKE_GRAPH_TOKEN: 'secret',
      LOG_LEVEL: 'debug',
    });
  });

  it('treats an empty variable as unset, and a blank FAKE_GRAPH_TOKEN as no token', () => {
    const env = loadEnv({ PORT: '', DATABASE_PATH: '', FAKE_GRAPH_TOKEN: '  ' });
    expect(env.PORT).toBe(4010);
    expect(env.DATABASE_PATH).toBe(DEFAULT_DATABASE_PATH);
    expect(env.FAKE_GRAPH_TOKEN).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '1.5'],
    ['PORT', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['HOST', ' '],
  ])('refuses %s=%j with a message naming the variable', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(EnvError);
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });
});
