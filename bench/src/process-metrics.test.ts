import { describe, expect, it } from 'vitest';
import {
  clockTicksPerSecond,
  parseStatCpuTicks,
  parseStatusBytes,
  sampleProcess,
} from './process-metrics.ts';

describe('parseStatCpuTicks', () => {
  it('adds utime and stime, counting fields after the command name', () => {
    const stat =
      '4242 (node) S 1 4242 4242 0 -1 4194560 1200 0 0 0 731 98 0 0 20 0 11 0 5000 1100000000 40000';
    expect(parseStatCpuTicks(stat)).toBe(731 + 98);
  });

  it('is not fooled by spaces and parentheses in the command name', () => {
    const stat = '7 (my (odd) name) R 1 7 7 0 -1 0 0 0 0 0 15 5 0 0 20 0 1 0 100 1 1';
    expect(parseStatCpuTicks(stat)).toBe(20);
  });

  it('refuses text that is not a stat line', () => {
    expect(() => parseStatCpuTicks('nonsense')).toThrow(/stat/);
  });
});

describe('parseStatusBytes', () => {
  const status = 'Name:\tnode\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t11\n';

  it('reads VmRSS and VmHWM in bytes', () => {
    expect(parseStatusBytes(status, 'VmRSS')).toBe(102400 * 1024);
    expect(parseStatusBytes(status, 'VmHWM')).toBe(204800 * 1024);
  });

  it('names the missing field', () => {
    expect(() => parseStatusBytes('Name:\tx\n', 'VmRSS')).toThrow(/VmRSS/);
  });
});

// /proc is Linux's: elsewhere these skip, the name saying why (the parsers above run anywhere).
describe.skipIf(process.platform !== 'linux')('sampleProcess (reads /proc: Linux only)', () => {
  it('reads this very process from /proc', () => {
    const sample = sampleProcess(process.pid);
    expect(sample.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(sample.peakRssBytes).toBeGreaterThanOrEqual(sample.rssBytes);
    expect(sample.cpuTicks).toBeGreaterThan(0);
  });

  it('reports CPU that grows with work', () => {
    const before = sampleProcess(process.pid).cpuTicks;
    const until = Date.now() + 150;
    let spin = 0;
    while (Date.now() < until) spin += 1;
    expect(spin).toBeGreaterThan(0);
    expect(sampleProcess(process.pid).cpuTicks).toBeGreaterThan(before);
  });
});

describe('clockTicksPerSecond', () => {
  it('asks getconf for a positive whole number', () => {
    expect(Number.isInteger(clockTicksPerSecond())).toBe(true);
    expect(clockTicksPerSecond()).toBeGreaterThan(0);
  });
});
