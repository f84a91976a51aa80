import type { LatencySummary } from './load-protocol.ts';

/** More than 40 s of the floor at 20 connections; beyond it later samples are dropped. */
const DEFAULT_CAPACITY = 1 << 22;

/**
 * Keeps every response time of a run, so percentiles are exact. autocannon's own histogram
 * truncates to whole milliseconds, too coarse for latencies of 1 to 3 ms.
 */
export class LatencyRecorder {
  #samples = new Float64Array(4096);
  #count = 0;
  #dropped = 0;

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** Records one response time in milliseconds. */
  record(ms: number): void {
    if (this.#count === this.#samples.length) {
      if (this.#count >= this.capacity) {
        this.#dropped += 1;
        return;
      }
      const grown = new Float64Array(Math.min(this.#samples.length * 2, this.capacity));
      grown.set(this.#samples);
      this.#samples = grown;
    }
    this.#samples[this.#count] = ms;
    this.#count += 1;
  }

  get count(): number {
    return this.#count;
  }

  /** Samples not kept because the recorder was full. */
  get dropped(): number {
    return this.#dropped;
  }

  /** Percentiles by nearest rank; `null` when nothing was recorded. */
  summary(): LatencySummary | null {
    if (this.#count === 0) return null;
    const sorted = this.#samples.slice(0, this.#count).sort();
    let total = 0;
    for (const value of sorted) total += value;
    return {
      p50: nearestRank(sorted, 50),
      p90: nearestRank(sorted, 90),
      p99: nearestRank(sorted, 99),
      max: sorted[sorted.length - 1] as number,
      mean: total / sorted.length,
    };
  }
}

/** The nearest-rank percentile of ascending `sorted` (not empty). */
export function nearestRank(sorted: ArrayLike<number>, percentile: number): number {
  const rank = Math.ceil((percentile / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] as number;
}
