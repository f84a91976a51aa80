import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, oneOf, parseEnv, port, wholeNumber } from './index.ts';

const Schema = z.object({
  PORT: port(4000),
  TIMEOUT_MS: wholeNumber(1, 1000, 'ms', 10),
  MODE: oneOf(['on', 'off'], 'on'),
  SECRET: z.url({ error: 'must be a URL' }).optional(),
});

function failure(source: Record<string, string>): EnvError {
  try {
    parseEnv('test', Schema, source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected an EnvError');
}

describe('parseEnv', () => {
  it('applies defaults, and reads an empty variable as unset', () => {
    expect(parseEnv('test', Schema, {})).toEqual({ PORT: 4000, TIMEOUT_MS: 10, MODE: 'on' });
    expect(parseEnv('test', Schema, { PORT: '', MODE: '' })).toEqual({
      PORT: 4000,
      TIMEOUT_MS: 10,
      MODE: 'on',
    });
  });

  it('parses set values', () => {
    expect(parseEnv('test', Schema, { PORT: '0', TIMEOUT_MS: '1000', MODE: 'off' })).toEqual({
      PORT: 0,
      TIMEOUT_MS: 1000,
      MODE: 'off',
    });
  });

  it.each([
    ['PORT', 'forty', 'must be a whole number from 0 to 65535 (port)'],
    ['PORT', '65536', 'must be a whole number from 0 to 65535 (port)'],
    ['TIMEOUT_MS', '0', 'must be a whole number from 1 to 1000 (ms)'],
    ['TIMEOUT_MS', '1.5', 'must be a whole number from 1 to 1000 (ms)'],
    ['MODE', 'maybe', 'must be one of: on, off'],
  ])('refuses %s=%s, naming the variable', (variable, value, message) => {
    const error = failure({ [variable]: value });
    expect(error.variables).toEqual([variable]);
    expect(error.message).toBe(`Invalid test environment:\n  ${variable} ${message}`);
  });

  it('names every bad variable and never quotes a value', () => {
    const error = failure({ PORT: 'x', SECRET: 'hunter2' });
    expect(error.variables.sort()).toEqual(['PORT', 'SECRET']);
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses port 0 where it is not allowed', () => {
    const Ports = z.object({ GATEWAY_PORT: port(4000, { allowZero: false }) });
    expect(() => parseEnv('test', Ports, { GATEWAY_PORT: '0' })).toThrow(
      /GATEWAY_PORT must be a whole number from 1 to 65535 \(port\)/,
    );
  });
});
