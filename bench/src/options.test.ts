import { describe, expect, it } from 'vitest';
import { DEFAULT_OUT_DIR, hardTimeoutMs, parseBenchOptions, TARGET_NAMES } from './options.ts';

describe('parseBenchOptions', () => {
  it('defaults to 3 rounds of 5 s at 20 connections over every target', () => {
    expect(parseBenchOptions([])).toEqual({
      durationSeconds: 5,
      rounds: 3,
      connections: 20,
      warmupSeconds: 2,
      targets: [...TARGET_NAMES],
      smoke: false,
      outDir: DEFAULT_OUT_DIR,
    });
  });

  it('reads every option, keeping report order whatever the order given', () => {
    const options = parseBenchOptions([
      '--duration',
      '2.5',
      '--rounds',
      '4',
      '--connections',
      '8',
      '--warmup',
      '0',
      '--targets',
      'gateway,floor',
      '--out',
      '/tmp/bench-out',
    ]);
    expect(options).toMatchObject({
      durationSeconds: 2.5,
      rounds: 4,
      connections: 8,
      warmupSeconds: 0,
      targets: ['floor', 'gateway'],
      outDir: '/tmp/bench-out',
    });
  });

  it('--smoke shrinks durations to a second and one round', () => {
    expect(parseBenchOptions(['--smoke', '--duration', '30'])).toMatchObject({
      smoke: true,
      durationSeconds: 1,
      rounds: 1,
      warmupSeconds: 0.5,
    });
  });

  it('refuses an unknown target, naming the choices', () => {
    expect(() => parseBenchOptions(['--targets', 'floor,nginx'])).toThrow(/yoga-floor/);
  });

  it('refuses unbounded or nonsensical values', () => {
    expect(() => parseBenchOptions(['--rounds', '0'])).toThrow(/rounds/);
    expect(() => parseBenchOptions(['--duration=-1'])).toThrow(/duration/);
    expect(() => parseBenchOptions(['--connections', 'many'])).toThrow(/connections/);
    expect(() => parseBenchOptions(['--forever'])).toThrow();
  });
});

describe('hardTimeoutMs', () => {
  it('covers the planned load with slack, and grows with it', () => {
    const small = parseBenchOptions(['--smoke', '--targets', 'floor']);
    const large = parseBenchOptions(['--duration', '10', '--rounds', '5']);
    expect(hardTimeoutMs(small)).toBeGreaterThan(1500);
    expect(hardTimeoutMs(large)).toBeGreaterThan(5 * 5 * 10 * 1000);
    expect(hardTimeoutMs(large)).toBeGreaterThan(hardTimeoutMs(small));
  });
});
