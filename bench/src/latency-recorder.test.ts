import { describe, expect, it } from 'vitest';
import { LatencyRecorder, nearestRank } from './latency-recorder.ts';

describe('nearestRank', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  it('gives the value at rank ceil(p/100 * n)', () => {
    expect(nearestRank(hundred, 50)).toBe(50);
    expect(nearestRank(hundred, 99)).toBe(99);
    expect(nearestRank(hundred, 100)).toBe(100);
    expect(nearestRank([7], 99)).toBe(7);
  });
});

describe('LatencyRecorder', () => {
  it('has no summary before the first sample', () => {
    expect(new LatencyRecorder().summary()).toBeNull();
  });

  it('keeps sub-millisecond precision and sorts numerically', () => {
    const recorder = new LatencyRecorder();
    for (const ms of [10.5, 1.25, 2.75, 1.5]) recorder.record(ms);
    const summary = recorder.summary();
    expect(summary?.p50).toBe(1.5);
    expect(summary?.max).toBe(10.5);
    expect(summary?.mean).toBeCloseTo(4, 10);
  });

  it('grows past its first buffer and counts what it drops at capacity', () => {
    const recorder = new LatencyRecorder(5000);
    for (let index = 1; index <= 5003; index += 1) recorder.record(index);
    expect(recorder.count).toBe(5000);
    expect(recorder.dropped).toBe(3);
    expect(recorder.summary()?.max).toBe(5000);
  });
});
