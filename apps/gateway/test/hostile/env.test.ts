import { EnvError } from '@connectors/env';
import { describe, expect, it } from 'vitest';
import { parseHostileEnv } from './env.ts';

describe('the hostile-input suite environment', () => {
  it('defaults to the fixed count and seed that pnpm test runs', () => {
    expect(parseHostileEnv({})).toEqual({
      HOSTILE_RUNS: 1500,
      HOSTILE_SEED: 20_260_109,
      HOSTILE_SURVEY: false,
    });
  });

  it('reads a bigger count, another seed and survey mode', () => {
    expect(
      parseHostileEnv({ HOSTILE_RUNS: '10000', HOSTILE_SEED: '7', HOSTILE_SURVEY: '1' }),
    ).toEqual({ HOSTILE_RUNS: 10_000, HOSTILE_SEED: 7, HOSTILE_SURVEY: true });
  });

  it.each([
    { variable: 'HOSTILE_RUNS', value: 'lots' },
    { variable: 'HOSTILE_RUNS', value: '0' },
    { variable: 'HOSTILE_RUNS', value: '1000000' },
    { variable: 'HOSTILE_SEED', value: '-1' },
    { variable: 'HOSTILE_SEED', value: '1.5' },
    { variable: 'HOSTILE_SURVEY', value: 'yes' },
  ])('refuses $variable=$value, naming it', ({ variable, value }) => {
    let caught: unknown;
    try {
      parseHostileEnv({ [variable]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    expect((caught as EnvError).variables).toEqual([variable]);
    expect((caught as EnvError).message).toContain(`${variable} must be`);
  });
});
